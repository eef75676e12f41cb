/// Mean absolute percentage error: the average miss as a percentage of the target.
///
///     mape(p, y) = (100/n) Σᵢ |pᵢ − yᵢ| / dᵢ,   dᵢ = max(|yᵢ|, 1e-7)
///     ∂mape/∂pᵢ  = 100 · sign(eᵢ) / (dᵢ · n)
///     ∂mape/∂yᵢ  = −100 · sign(eᵢ) / (dᵢ · n) − 100 · |eᵢ| · sign(yᵢ) / (dᵢ² · n)  where |yᵢ| > 1e-7
///                 −100 · sign(eᵢ) / (dᵢ · n)                                    where |yᵢ| ≤ 1e-7
///
/// Domain: any finite p and y of the same shape (or a scalar y). In percent, as Keras
/// `MeanAbsolutePercentageError` (scikit-learn returns a fraction and floors at 2.2e-16). The
/// floor 1e-7 keeps y = 0 finite, but the loss explodes near 0: that is MAPE's known weakness,
/// not a bug. At e = 0 the subgradient is 0, as for `mae`; at |y| = 1e-7 exactly the floor is
/// taken as the constant branch, so ∂/∂y there omits the second term.
///
/// - Complexity: O(n), one pass that also writes the gradient.
public struct MeanAbsolutePercentageError: Loss {
  public static let name = "mape"
  /// The smallest |y| divided by (Keras's `epsilon()`).
  public static let floor = 1e-7
  public init() {}

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    meanOfTerms(prediction, target, wantGradient: wantGradient) { p, y in
      let e = p - y
      let percentPerUnit = 100 / Swift.max(Swift.abs(y), Self.floor)
      return (Swift.abs(e) * percentPerUnit, signum(e) * percentPerUnit)
    }
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    meanSlopes(prediction, target) { p, y in
      // d|p − y|/dy = sign(y − p); d(1/|y|)/dy = −sign(y)/y². Written so that p = y gives +0.
      let size = Swift.abs(y)
      guard size > Self.floor else { return 100 * signum(y - p) / Self.floor }
      return 100 * (signum(y - p) - Swift.abs(p - y) * signum(y) / size) / size
    }
  }
}
