/// Reading elements and rows (`p[2]`, `P[1]`, `P[1][3]`), 1-based as learners count.
extension Tape {
  /// Element `position` of a vector, or row `position` of a matrix (1-based).
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
    let i = position - 1
    if x.rank == 1 {
      // ∂/∂aᵢ = g at the picked element, 0 elsewhere.
      return try record(Tensor(scalar: x.storage[i]), parents: [a], label: "index") { g, _ in
        var out = [Double](repeating: 0, count: x.count)
        out[i] = g.storage[0]
        return [Tensor(uncheckedShape: x.shape, storage: out)]
      }
    }
    let columns = x.shape[1]
    let row = Array(x.storage[(i * columns)..<((i + 1) * columns)])
    // ∂/∂a = g in the picked row, 0 elsewhere.
    return try record(Tensor(uncheckedShape: [columns], storage: row), parents: [a], label: "row") {
      g, _ in
      var out = [Double](repeating: 0, count: x.count)
      for c in 0..<columns { out[i * columns + c] = g.storage[c] }
      return [Tensor(uncheckedShape: x.shape, storage: out)]
    }
  }
}
