/// Reductions of a whole tensor to one number.
extension Tape {
  /// The sum of all elements; finite elements whose sum passes the largest double are an
  /// overflow error, as in every op.
  public func sum(_ a: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    var total = x.sum
    if !total.isFinite, x.storage.allSatisfy(\.isFinite) {
      // A partial sum overflowed (to inf, or to inf − inf = nan); the whole may not.
      total = Self.scaledSum(x) * 0x1p64
      if total.isInfinite { throw .overflow(operation: "sum") }
    }
    // ∂/∂aᵢ = g for every element.
    return try record(Tensor(scalar: total), parents: [a], label: "sum") { g, _ in
      [Tensor(uncheckedShape: x.shape, storage: Tensor.filledStorage(g.storage[0], count: x.count))]
    }
  }

  /// The mean over all elements; an empty input is an error, not NaN.
  ///
  /// The mean of finite numbers is finite, so when their sum overflows (`mean([1e308, 1e308])`)
  /// it is taken again with every element scaled down.
  public func mean(_ a: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    guard x.count > 0 else { throw .emptyInput(operation: "mean") }
    let n = Double(x.count)
    var average = x.sum / n
    if !average.isFinite, x.storage.allSatisfy(\.isFinite) {
      average = Self.scaledSum(x) / n * 0x1p64
    }
    // ∂/∂aᵢ = g/n for every element.
    return try record(Tensor(scalar: average), parents: [a], label: "mean") { g, _ in
      [
        Tensor(
          uncheckedShape: x.shape, storage: Tensor.filledStorage(g.storage[0] / n, count: x.count))
      ]
    }
  }

  /// The largest element; ties share the gradient evenly.
  public func maxReduce(_ a: Variable) throws(EngineError) -> Variable {
    try extremeElement(a, label: "max", >)
  }

  /// The smallest element; ties share the gradient evenly.
  public func minReduce(_ a: Variable) throws(EngineError) -> Variable {
    try extremeElement(a, label: "min", <)
  }

  private func extremeElement(
    _ a: Variable, label: String, _ better: (Double, Double) -> Bool
  ) throws(EngineError) -> Variable {
    let x = value(a)
    guard var best = x.storage.first else { throw .emptyInput(operation: label) }
    for element in x.storage where better(element, best) || element.isNaN { best = element }
    let winners = x.storage.reduce(0) { $0 + ($1 == best ? 1 : 0) }
    let chosen = best
    // ∂/∂aᵢ = g/w where aᵢ is one of the w elements equal to the result, else 0.
    return try record(Tensor(scalar: best), parents: [a], label: label) { g, _ in
      let share = winners > 0 ? g.storage[0] / Double(winners) : 0
      return [x.map { $0 == chosen ? share : 0 }]
    }
  }

  /// Σ xᵢ·2⁻⁶⁴: the sum of finite elements without overflow, exact scaling by a power of two
  /// (only for the rare sums that overflow; it allocates a scaled copy).
  static func scaledSum(_ x: Tensor) -> Double {
    x.map { $0 * 0x1p-64 }.sum
  }
}
