/// Hinge loss: the SVM's loss, which only cares about being right by a margin of 1.
///
///     hinge(s, y) = (1/n) Σᵢ max(0, 1 − yᵢ sᵢ)
///     ∂hinge/∂sᵢ  = −yᵢ / n where 1 − yᵢ sᵢ > 0, else 0
///
/// Domain: any finite scores s; labels y of −1 or +1, with 0 read as −1 so 0/1 labels work
/// too; any other label is an error naming the element. The mapping is per element, unlike
/// Keras (which converts 0/1 only when every label is 0 or 1) and scikit-learn (which maps any
/// two values). At the kink (1 − y·s = 0) the subgradient is 0, the right-hand slope, so a
/// point exactly on the margin counts as satisfied. Matches Keras `Hinge` and scikit-learn
/// `hinge_loss` on ±1 labels; not PyTorch `hinge_embedding_loss`, a distance loss.
///
/// ∂/∂y is not defined: the labels are discrete (only −1, 0 and 1 are accepted), so y cannot
/// move by a small step and asking for that slope throws ``EngineError/notDifferentiable``.
///
/// - Complexity: O(n), one pass that also writes the gradient and checks the labels.
public struct HingeLoss: Loss {
  public static let name = "hinge"
  public init() {}

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    var accepted = true
    let result = meanOfTerms(prediction, target, wantGradient: wantGradient) { s, y in
      if !Self.isLabel(y) { accepted = false }
      let sign: Double = y == 1 ? 1 : -1
      let margin = 1 - sign * s
      return margin > 0 ? (margin, -sign) : (0, 0)
    }
    if !accepted {
      try requireEvery(
        target, named: "y", toBe: "a label of -1 or 1 (0 is read as -1)", Self.isLabel)
    }
    return result
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    throw .notDifferentiable(
      operation: name,
      message: "hinge labels are discrete (-1 or 1), so the loss has no slope with respect to y")
  }

  @inline(__always)
  static func isLabel(_ y: Double) -> Bool { y == 1 || y == -1 || y == 0 }
}
