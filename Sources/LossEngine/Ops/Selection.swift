/// `where`, `clip` and element-wise `max`/`min`: the piecewise building blocks of custom losses.
extension Tape {
  /// `where(condition, a, b)`: a where condition ≠ 0, else b. The gradient flows only into the
  /// branch that was chosen; the condition gets none.
  public func select(_ condition: Variable, _ a: Variable, _ b: Variable) throws(EngineError)
    -> Variable
  {
    let mask = value(condition)
    let out = try sharedResult("where", [condition, a, b]) { () throws(EngineError) in
      try Tensor.zip3(mask, value(a), value(b), operation: "where") { $0 != 0 ? $1 : $2 }
    }
    return try recordOwning(out, parents: [condition, a, b], label: "where") {
      g, needed throws(EngineError) in
      // ∂/∂a = g where condition ≠ 0, else 0; ∂/∂b = g where condition = 0, else 0.
      try Tape.contributions(&g, needed: needed, overwriting: 1) {
        parent, g throws(EngineError) in
        parent == 0 ? nil : try Tensor.zip(g, mask, operation: "where") { $1 != 0 ? 0 : $0 }
      } owner: { g throws(EngineError) in
        try g.formZip(mask, operation: "where") { $1 != 0 ? $0 : 0 }
      }
    }
  }

  /// `clip(x, lo, hi)`. Gradient 1 where lo ≤ x ≤ hi (PyTorch's `clamp` rule: the bound itself
  /// passes the gradient), 0 where x was moved; the bounds get none.
  public func clip(_ x: Variable, _ low: Variable, _ high: Variable) throws(EngineError) -> Variable
  {
    let input = value(x)
    let lo = value(low)
    let hi = value(high)
    if try Tensor.zip(lo, hi, operation: "clip", { $0 > $1 ? 1 : 0 }).storage.contains(1) {
      throw .invalidArgument(
        operation: "clip", message: "the lower bound must not exceed the upper bound")
    }
    let out = try Tensor.zip3(input, lo, hi, operation: "clip") { Swift.min(Swift.max($0, $1), $2) }
    return try recordOwning(out, parents: [x, low, high], label: "clip") {
      g, needed throws(EngineError) in
      // ∂/∂x = g where lo ≤ x ≤ hi, else 0 (one pass when the bounds are single numbers).
      if let l = lo.scalarValue, let h = hi.scalarValue, input.count == g.count {
        try g.formZip(input, operation: "clip") { $0 * ($1 >= l && $1 <= h ? 1 : 0) }
        return [g, nil, nil]
      }
      let inside = try Tensor.zip3(input, lo, hi, operation: "clip") { v, l, h in
        v >= l && v <= h ? 1 : 0
      }
      return [try Tensor.zip(g, inside, operation: "clip") { $0 * $1 }, nil, nil]
    }
  }

  /// Element-wise maximum. At a tie the gradient is split evenly (JAX's rule), so
  /// `max(a, b)` stays symmetric in its arguments.
  public func maximum(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    try extremum(a, b, label: "max") { $0 > $1 }
  }

  /// Element-wise minimum; ties split the gradient evenly.
  public func minimum(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    try extremum(a, b, label: "min") { $0 < $1 }
  }

  private func extremum(
    _ a: Variable, _ b: Variable, label: String, _ wins: @escaping (Double, Double) -> Bool
  ) throws(EngineError) -> Variable {
    let x = value(a)
    let y = value(b)
    let out = try Tensor.zip(x, y, operation: label) { wins($0, $1) || $0 == $1 ? $0 : $1 }
    return try recordOwning(out, parents: [a, b], label: label) { g, needed throws(EngineError) in
      // ∂/∂a = g·s, ∂/∂b = g·(1 − s), with s = 1 where a wins, ½ at a tie, else 0; each in
      // one pass with s computed on the fly.
      @inline(__always) func share(_ p: Double, _ q: Double) -> Double {
        wins(p, q) ? 1 : (p == q ? 0.5 : 0)
      }
      return try Tape.contributions(&g, needed: needed, overwriting: 0) {
        _, g throws(EngineError) in
        try Tensor.zip3(g, x, y, operation: label) { $0 * (1 - share($1, $2)) }
      } owner: { g throws(EngineError) in
        try g.formZip3(x, y, operation: label) { $0 * share($1, $2) }
      }
    }
  }
}
