/// Reading elements and rows (`p[2]`, `P[1]`, `P[1][3]`), 1-based as learners count.
extension Tape {
  /// Element `position` of a vector, or row `position` of a matrix (1-based): a ``slice(_:_:)``
  /// of the first axis.
  public func index(_ a: Variable, _ position: Int) throws(EngineError) -> Variable {
    let x = value(a)
    guard !x.isScalar else {
      throw .invalidArgument(
        operation: "indexing", message: "a single number has no elements to pick")
    }
    let length = x.shape[0]
    guard position >= 1, position <= length else {
      throw .invalidArgument(
        operation: "indexing", message: "position \(position) is outside 1…\(length)")
    }
    let rest: [AxisPick] = x.rank == 2 && x.shape[1] > 0 ? [.span(1...x.shape[1])] : []
    guard x.rank == 1 || !rest.isEmpty else {
      throw .invalidArgument(operation: "indexing", message: "the rows of this matrix are empty")
    }
    return try slice(a, [.position(position)] + rest)
  }
}
