/// Huber loss: squared error for small misses, absolute error for large ones.
///
///     huber(p, y; δ) = (1/n) Σᵢ { ½eᵢ²           if |eᵢ| ≤ δ
///                                { δ(|eᵢ| − ½δ)   otherwise,        e = p − y
///     ∂huber/∂pᵢ     = eᵢ / n where |eᵢ| ≤ δ, else δ·sign(eᵢ) / n;   ∂/∂yᵢ = −∂/∂pᵢ
///
/// Domain: any finite p and y of the same shape (or a scalar y); δ > 0 (default 1), anything
/// else is an error. Outliers pull with a constant force δ instead of a growing one, so it is
/// robust like `mae` yet smooth at 0 like `mse`. The quadratic branch includes |e| = δ (Keras's
/// choice; PyTorch uses <): both branches agree there in value and slope, so only second
/// derivatives could tell. Matches Keras `Huber` and PyTorch `huber_loss`; equals
/// δ · `smooth_l1_loss(β = δ)`, so the two agree only at δ = 1.
///
/// - Complexity: O(n), one pass that also writes the gradient.
public struct HuberLoss: Loss {
  public static let name = "huber"
  public static let defaultDelta = 1.0
  /// Where the loss turns from quadratic to linear.
  public let delta: Double

  public init(delta: Double = HuberLoss.defaultDelta) throws(EngineError) {
    guard delta > 0 else {
      throw .invalidArgument(
        operation: Self.name,
        message:
          "delta must be a positive number (where squared error turns linear), got \(describeNumber(delta))"
      )
    }
    self.delta = delta
  }

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    let delta = self.delta
    return meanOfTerms(prediction, target, wantGradient: wantGradient) { p, y in
      // Branch-free: with m = min(|e|, δ), m(|e| − m/2) is ½e² inside and δ(|e| − ½δ) outside,
      // and the slope is e clamped to [−δ, δ].
      let e = p - y
      let size = Swift.abs(e)
      let inner = Swift.min(size, delta)
      return (inner * (size - 0.5 * inner), Swift.min(Swift.max(e, -delta), delta))
    }
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    let delta = self.delta
    return meanSlopes(prediction, target) { p, y in
      Swift.min(Swift.max(y - p, -delta), delta)
    }
  }
}
