/// Comparisons give 1 where true and 0 where false; they have no gradient (a step function's
/// slope is 0 wherever it exists).
public enum Comparison: String, Sendable, CaseIterable {
  case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
  case equal = "==", notEqual = "!="

  @inline(__always)
  func holds(_ a: Double, _ b: Double) -> Bool {
    switch self {
    case .less: return a < b
    case .lessOrEqual: return a <= b
    case .greater: return a > b
    case .greaterOrEqual: return a >= b
    case .equal: return a == b
    case .notEqual: return a != b
    }
  }
}

extension Tape {
  public func compare(_ a: Variable, _ comparison: Comparison, _ b: Variable) throws(EngineError)
    -> Variable
  {
    let (x, y) = (value(a), value(b))
    let name = comparison.rawValue
    // One loop per comparison, so that the test is not re-dispatched for every element.
    let out = try sharedResult(name, [a, b]) { () throws(EngineError) in
      switch comparison {
      case .less: return try Tensor.zip(x, y, operation: name) { $0 < $1 ? 1 : 0 }
      case .lessOrEqual: return try Tensor.zip(x, y, operation: name) { $0 <= $1 ? 1 : 0 }
      case .greater: return try Tensor.zip(x, y, operation: name) { $0 > $1 ? 1 : 0 }
      case .greaterOrEqual: return try Tensor.zip(x, y, operation: name) { $0 >= $1 ? 1 : 0 }
      case .equal: return try Tensor.zip(x, y, operation: name) { $0 == $1 ? 1 : 0 }
      case .notEqual: return try Tensor.zip(x, y, operation: name) { $0 != $1 ? 1 : 0 }
      }
    }
    return try leaf(out, label: name)
  }
}
