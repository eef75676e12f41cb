/// Mean squared error: the average of the squared differences.
///
///     mse(p, y) = (1/n) Σᵢ (pᵢ − yᵢ)²
///     ∂mse/∂pᵢ  = 2 (pᵢ − yᵢ) / n,   ∂mse/∂yᵢ = −2 (pᵢ − yᵢ) / n
///
/// Domain: any finite p and y of the same shape (or a scalar y). Squaring lets large errors
/// dominate: one miss of 10 costs as much as a hundred misses of 1. Matches PyTorch
/// `mse_loss` and Keras `MeanSquaredError` with their default reductions.
///
/// - Complexity: O(n), one pass that also writes the gradient.
public struct MeanSquaredError: Loss {
  public static let name = "mse"
  public init() {}

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    meanOfTerms(prediction, target, wantGradient: wantGradient) { p, y in
      let e = p - y
      return (e * e, 2 * e)
    }
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    meanSlopes(prediction, target) { p, y in 2 * (y - p) }
  }
}
