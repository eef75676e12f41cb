/// Reductions of a whole tensor to one number.
extension Tape {
  public func sum(_ a: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    // ∂/∂aᵢ = g for every element.
    return try record(Tensor(scalar: x.sum), parents: [a], label: "sum") { g, _ in
      [Tensor(uncheckedShape: x.shape, storage: Tensor.filledStorage(g.storage[0], count: x.count))]
    }
  }

  /// The mean over all elements; an empty input is an error, not NaN.
  public func mean(_ a: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    guard x.count > 0 else { throw .emptyInput(operation: "mean") }
    let n = Double(x.count)
    // ∂/∂aᵢ = g/n for every element.
    return try record(Tensor(scalar: x.sum / n), parents: [a], label: "mean") { g, _ in
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
}
