/// Focal loss: binary cross-entropy that fades out the examples a model already gets right.
///
///     pₜ = p if y = 1 else 1 − p,   αₜ = α if y = 1 else 1 − α,   s = +1 if y = 1 else −1
///     focal(p, y; γ, α) = −(1/n) Σᵢ αₜ (1 − pₜ)^γ ln pₜ
///     ∂focal/∂pᵢ        = s · αₜ · [ γ (1 − pₜ)^(γ−1) ln pₜ − (1 − pₜ)^γ / pₜ ] / n
///
/// Domain: p in [0, 1] and labels exactly 0 or 1 (anything else is an error naming the
/// element); γ ≥ 0 (default 2: the focusing strength, γ = 0 gives α-weighted `bce`) and α in
/// [0, 1] (default 0.25, the weight of the positive class, tuned together with γ = 2; it gives
/// positives the smaller weight, which surprises people). pₜ is clipped exactly as in `bce`, to
/// [1e-15, 1 − 1e-15], and an element whose pₜ was clipped has zero gradient. Clipping also
/// keeps 1 − pₜ ≥ 1e-15, so for γ < 1 the first term, (1 − pₜ)^(γ−1)·ln pₜ (0·∞ in the limit
/// pₜ → 1), stays finite; it is taken as 0 if 1 − pₜ is ever 0. Matches torchvision
/// `sigmoid_focal_loss` on probabilities with mean reduction, which is Keras
/// `BinaryFocalCrossentropy(apply_class_balancing=True)`.
///
/// ∂/∂y is not defined: the labels are discrete (0 or 1) and asking for that slope throws
/// ``EngineError/notDifferentiable``.
///
/// - Complexity: O(n), one pass (one log and one pow per element) that also writes the
///   gradient and checks the inputs.
public struct FocalLoss: Loss {
  public static let name = "focal"
  public static let defaultGamma = 2.0
  public static let defaultAlpha = 0.25
  /// The focusing exponent: how fast well-classified examples fade.
  public let gamma: Double
  /// The weight of the positive class (1 − α weighs the negatives).
  public let alpha: Double

  public init(gamma: Double = FocalLoss.defaultGamma, alpha: Double = FocalLoss.defaultAlpha)
    throws(EngineError)
  {
    guard gamma >= 0, gamma.isFinite else {
      throw .invalidArgument(
        operation: Self.name,
        message: "gamma must be a number ≥ 0 (0 gives weighted bce), got \(describeNumber(gamma))")
    }
    guard isProbability(alpha) else {
      throw .invalidArgument(
        operation: Self.name,
        message: "alpha must be a weight in [0, 1], got \(describeNumber(alpha))")
    }
    self.gamma = gamma
    self.alpha = alpha
  }

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    var accepted = true
    let (gamma, alpha) = (self.gamma, self.alpha)
    let result = meanOfTerms(prediction, target, wantGradient: wantGradient) { p, y in
      if !(isProbability(p) && Self.isLabel(y)) { accepted = false }
      let positive = y == 1
      let unclipped = positive ? p : 1 - p
      let pt = ProbabilityClipping.clipped(unclipped)
      let isClipped = pt != unclipped
      // 1 − pₜ, exact from p when nothing was clipped.
      let q = isClipped ? 1 - pt : (positive ? 1 - p : p)
      let weight = positive ? alpha : 1 - alpha
      let logPt = CMath.log(pt)
      let qToGammaMinusOne = CMath.pow(q, gamma - 1)
      let qToGamma = q > 0 ? qToGammaMinusOne * q : CMath.pow(q, gamma)
      let value = -weight * qToGamma * logPt
      guard !isClipped else { return (value, 0) }
      let focusing = q > 0 ? gamma * qToGammaMinusOne * logPt : 0
      let slope = weight * (focusing - qToGamma / pt)
      return (value, positive ? slope : -slope)
    }
    if !accepted {
      try requireEvery(prediction, named: "p", toBe: "a probability in [0, 1]", isProbability)
      try requireEvery(target, named: "y", toBe: "a label of 0 or 1", Self.isLabel)
    }
    return result
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    throw .notDifferentiable(
      operation: name,
      message: "focal labels are discrete (0 or 1), so the loss has no slope with respect to y")
  }

  @inline(__always)
  static func isLabel(_ y: Double) -> Bool { y == 0 || y == 1 }
}
