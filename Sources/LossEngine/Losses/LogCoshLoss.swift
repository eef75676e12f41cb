/// Log-cosh loss: like `mse` for small errors and like `mae` for large ones, smooth everywhere.
///
///     logcosh(p, y) = (1/n) Σᵢ ln cosh(pᵢ − yᵢ)
///     ∂/∂pᵢ         = tanh(pᵢ − yᵢ) / n,   ∂/∂yᵢ = −tanh(pᵢ − yᵢ) / n
///
/// Domain: any finite p and y of the same shape (or a scalar y). Near 0 it is ≈ e²/2, far out
/// ≈ |e| − ln 2. cosh overflows past |e| ≈ 710, so it is never formed: for |e| ≤ 20 the value is
/// log1p(2 sinh²(e/2)) (cosh e − 1 = 2 sinh²(e/2) without cancellation, so e = 1e-8 gives
/// 5e-17 to full precision), beyond 20 it is |e| − ln 2 + log1p(e^−2|e|) (no overflow at
/// e = 1e6; the form that would cancel near |e| ≈ ln 2 is only used far from it). tanh
/// saturates to ±1 on its own. Matches Keras `LogCosh` (which uses the large-|e| form
/// everywhere) and optax `log_cosh`.
///
/// - Complexity: O(n), one pass that also writes the gradient.
public struct LogCoshLoss: Loss {
  public static let name = "logcosh"
  public init() {}

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    meanOfTerms(prediction, target, wantGradient: wantGradient) { p, y in
      let e = p - y
      return (Self.logCosh(e), CMath.tanh(e))
    }
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    meanSlopes(prediction, target) { p, y in CMath.tanh(y - p) }
  }

  /// ln cosh x to full double precision for every finite x.
  @inline(__always)
  static func logCosh(_ x: Double) -> Double {
    let size = Swift.abs(x)
    if size <= 20 {
      let halfSinh = CMath.sinh(0.5 * size)
      return CMath.log1p(2 * halfSinh * halfSinh)
    }
    return (size - logTwo) + CMath.log1p(CMath.exp(-2 * size))
  }

  private static let logTwo = 0.693_147_180_559_945_309_417_232_121_458
}
