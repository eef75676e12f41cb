/// Mean absolute error: the average distance between prediction and target.
///
///     mae(p, y) = (1/n) Σᵢ |pᵢ − yᵢ|
///     ∂mae/∂pᵢ  = sign(pᵢ − yᵢ) / n,   ∂mae/∂yᵢ = −sign(pᵢ − yᵢ) / n
///
/// Domain: any finite p and y of the same shape (or a scalar y). Every unit of error costs the
/// same, so outliers pull less than with `mse`. At a perfect element (p = y) the subgradient is
/// 0, as in PyTorch and TensorFlow (JAX gives 1); it also keeps a learner's hand-written
/// `mean(abs(p - y))` equal to `mae`, since the engine's abs′(0) is 0. Matches PyTorch
/// `l1_loss` and Keras `MeanAbsoluteError`.
///
/// - Complexity: O(n), one pass that also writes the gradient.
public struct MeanAbsoluteError: Loss {
  public static let name = "mae"
  public init() {}

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    meanOfTerms(prediction, target, wantGradient: wantGradient) { p, y in
      let e = p - y
      return (Swift.abs(e), signum(e))
    }
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    meanSlopes(prediction, target) { p, y in signum(y - p) }
  }
}

/// −1, 0 or 1: the subgradient of |x| that LossLab uses (0 at the kink).
@inline(__always)
func signum(_ x: Double) -> Double { x > 0 ? 1 : (x < 0 ? -1 : 0) }
