/// Binary cross-entropy on probabilities: how surprised a model is by what happened.
///
///     bce(p, y) = −(1/n) Σᵢ [ yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ) ]     (p clipped, see below)
///     ∂bce/∂pᵢ  = (pᵢ − yᵢ) / (pᵢ (1 − pᵢ) n),   0 where clipping is active
///     ∂bce/∂yᵢ  = −(ln pᵢ − ln(1 − pᵢ)) / n      (clipped p; defined for soft labels)
///
/// Domain: p in [0, 1] (a probability, e.g. from `sigmoid`) and y in [0, 1] (a 0/1 label or a
/// soft label), same shape or a scalar y; anything else is an error naming the element, since a
/// p outside [0, 1] is almost always a logit (use `bce_logits`). The probability given to each
/// outcome, p and 1 − p, is clipped to [1e-15, 1 − 1e-15], so a confident mistake costs at most
/// −ln 1e-15 ≈ 34.539 whichever label it was, and has zero gradient (Keras's rule; PyTorch
/// clamps the log at −100 instead). Matches scikit-learn `log_loss` in float64, and PyTorch
/// `binary_cross_entropy` / Keras `BinaryCrossEntropy` away from the clip bounds.
///
/// Speed: a hard label (exactly 0 or 1) needs one log and one division per element
/// (`ln(y = 1 ? p : 1 − p)`); only soft labels take two logs.
///
/// - Complexity: O(n), one pass that also writes the gradient and checks the inputs.
public struct BinaryCrossEntropy: Loss {
  public static let name = "bce"
  public init() {}

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    var accepted = true
    let result = meanOfTerms(prediction, target, wantGradient: wantGradient) { p, y in
      if !(isProbability(p) && isProbability(y)) { accepted = false }
      return Self.term(p, y)
    }
    if !accepted { try checkInputs(prediction, target) }
    return result
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    try checkInputs(prediction, target)
    return meanSlopes(prediction, target) { p, _ in
      CMath.log(ProbabilityClipping.clipped(1 - p)) - CMath.log(ProbabilityClipping.clipped(p))
    }
  }

  /// One element's loss and ∂/∂p.
  @inline(__always)
  static func term(_ p: Double, _ y: Double) -> (Double, Double) {
    // y(1 − y) = 0 exactly when y is 0 or 1: one well-predicted test, where `y == 1 || y == 0`
    // would branch on the label, and hard labels arrive in no particular order.
    if y * (1 - y) == 0 {
      // The probability the model gave to what happened. The slope's sign, 1 − 2y, is
      // arithmetic: a `y == 1 ? -1 : 1` compiles to a branch that labels mispredict.
      let t = y == 1 ? p : 1 - p
      let clipped = ProbabilityClipping.clipped(t)
      let slope = (1 - 2 * y) / clipped
      return (-CMath.log(clipped), clipped == t ? slope : 0)
    }
    let clippedP = ProbabilityClipping.clipped(p)
    let clippedQ = ProbabilityClipping.clipped(1 - p)
    let value = -(y * CMath.log(clippedP) + (1 - y) * CMath.log(clippedQ))
    let isClipped = clippedP != p || clippedQ != 1 - p
    return (value, isClipped ? 0 : (p - y) / (clippedP * clippedQ))
  }

  private func checkInputs(_ prediction: Tensor, _ target: Tensor) throws(EngineError) {
    try requireEvery(
      prediction, named: "p", toBe: "a probability in [0, 1]",
      hint: "for raw scores (logits) use bce_logits", isProbability)
    try requireEvery(target, named: "y", toBe: "a label in [0, 1]", isProbability)
  }
}
