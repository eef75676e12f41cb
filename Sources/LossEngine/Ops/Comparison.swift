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
    let out = try Tensor.zip(value(a), value(b), operation: comparison.rawValue) {
      comparison.holds($0, $1) ? 1 : 0
    }
    return try leaf(out, label: comparison.rawValue)
  }
}
