/// `sin`, `cos` (a noisy sine to fit, periodic features) and `log1p`, `expm1` (ln(1 + x) and
/// e^x − 1, exact for tiny x where `log(1 + x)` loses every digit), each with its derivative;
/// log1p and expm1 through the vector kernels (within 2 ulp of the C library, edges exact).
extension Tape {
  public func sin(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "sin", CMath.sin) { x, _ in CMath.cos(x) }
  }

  public func cos(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "cos", CMath.cos) { x, _ in -CMath.sin(x) }
  }

  /// ln(1 + x); x = −1 gives −∞ and x < −1 NaN (reported by the shell), as `log` does.
  public func log1p(_ a: Variable) throws(EngineError) -> Variable {
    try unary(a, label: "log1p", blocks: VectorMath.log1p) { x, _ in 1 / (1 + x) }
  }

  /// e^x − 1; refuses to overflow like `exp`.
  public func expm1(_ a: Variable) throws(EngineError) -> Variable {
    let result = try unary(a, label: "expm1", blocks: VectorMath.expm1) { _, fx in fx + 1 }
    try checkedFinite(value(result), operation: "expm1", inputs: [a])
    return result
  }
}
