/// One-argument functions applied to every element, each with its derivative beside it.
///
/// Conventions at kinks (fixed here, documented in `help`): abs′(0) = 0 (so a hand-written
/// `mean(abs(p - y))` equals `mae`), relu′(0) = 0, sign′ = 0. `sqrt′(0)` is +∞, as in every
/// library: a perfect fit through `sqrt(mse(p, y))` gives NaN, and the shell explains why.
/// `exp`, `log`, `sigmoid` and `tanh` run through the vector kernels (`VectorMath`: within 1–3
/// ulp of the C library, every edge exact).
extension Tape {
  /// Applies `function` element-wise; `derivative(x, f(x))` gives the local slope.
  public func unary(
    _ a: Variable, label: String, _ function: (Double) -> Double,
    derivative: @escaping (_ x: Double, _ fx: Double) -> Double
  ) throws(EngineError) -> Variable {
    let x = value(a)
    return try recordUnary(a, x, x.map(function), label: label, derivative)
  }

  /// ``unary(_:label:_:derivative:)`` with a block function (a `VectorMath` kernel) that maps a
  /// whole buffer at once.
  func unary(
    _ a: Variable, label: String,
    blocks function: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void,
    derivative: @escaping (_ x: Double, _ fx: Double) -> Double
  ) throws(EngineError) -> Variable {
    let x = value(a)
    let storage = [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
      x.storage.withUnsafeBufferPointer { function($0, out) }
      initialized = x.count
    }
    let out = Tensor(uncheckedShape: x.shape, storage: storage)
    return try recordUnary(a, x, out, label: label, derivative)
  }

  private func recordUnary(
    _ a: Variable, _ x: Tensor, _ out: Tensor, label: String,
    _ derivative: @escaping (_ x: Double, _ fx: Double) -> Double
  ) throws(EngineError) -> Variable {
    try recordOwning(out, parents: [a], label: label) { g, _ throws(EngineError) in
      // ∂/∂a = g·f′(a), with f′(a) = derivative(a, f(a)), in one pass over g's own buffer (the
      // same product as computing the slope first).
      try g.formZip3(x, out, operation: label) { $0 * derivative($1, $2) }
      return [g]
    }
  }

  /// ∂/∂a = g·eᵃ.
  public func exp(_ a: Variable) throws(EngineError) -> Variable {
    let result = try unary(a, label: "exp", blocks: VectorMath.exp) { _, fx in fx }
    try checkedFinite(value(result), operation: "exp", inputs: [a])
    return result
  }

  /// Natural logarithm; log(0) is −∞ and a negative input gives NaN (reported by the shell).
  /// ∂/∂a = g/a.
  public func log(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "log", blocks: VectorMath.log) { x, _ in 1 / x }
  }

  /// The C library's log2, exact at powers of two (log(x)/log(2) gives 2.9999999999999996 at 8).
  /// ∂/∂a = g/(a·ln 2).
  public func log2(_ a: Variable) throws(EngineError) -> Variable {
    let ln2 = CMath.log(2.0)
    return try unary(a, label: "log2", CMath.log2) { x, _ in 1 / (x * ln2) }
  }

  /// ∂/∂a = g/(2√a).
  public func sqrt(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "sqrt", { $0.squareRoot() }) { _, fx in 0.5 / fx }
  }

  /// ∂/∂a = g·sign(a) (0 at a = 0).
  public func abs(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "abs", Swift.abs) { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) }
  }

  /// ∂/∂a = g·2a.
  public func square(_ a: Variable) throws(EngineError) -> Variable {
    let result = try unary(a, label: "square", { $0 * $0 }) { x, _ in 2 * x }
    try checkedFinite(value(result), operation: "square", inputs: [a])
    return result
  }

  /// σ(x) = 1 / (1 + e^−x), computed without overflow for large |x|. ∂/∂a = g·σ(a)(1 − σ(a)).
  public func sigmoid(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "sigmoid", blocks: VectorMath.sigmoid) { _, fx in fx * (1 - fx) }
  }

  /// ∂/∂a = g·(1 − tanh²a).
  public func tanh(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "tanh", blocks: VectorMath.tanh) { _, fx in 1 - fx * fx }
  }

  /// ∂/∂a = g where a > 0, else 0.
  public func relu(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "relu", { Swift.max($0, 0) }) { x, _ in x > 0 ? 1 : 0 }
  }

  /// −1, 0 or 1; ∂/∂a = 0 (the derivative is 0 everywhere it exists).
  public func sign(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "sign", { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }) { _, _ in 0 }
  }

  /// The logistic function, stable on both sides.
  @inline(__always)
  public static func sigmoid(_ x: Double) -> Double { VectorMath.sigmoid(x) }
}
