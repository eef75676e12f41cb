import LossEngine

/// A loss evaluated the way the language does it, on a tape, with both gradients.
public struct LossEvaluation {
  public let value: Double
  /// ∂L/∂p, in p's shape.
  public let predictionGradient: Tensor
  /// ∂L/∂y in y's shape, or nil when it was not asked for.
  public let targetGradient: Tensor?
}

/// Records `loss(prediction, target)` on a fresh tape and asks for ∂L/∂p, and for ∂L/∂y when
/// `withTargetGradient` is true (which throws for losses whose labels have no slope).
public func evaluateLoss(
  _ loss: any Loss, _ prediction: Tensor, _ target: Tensor, withTargetGradient: Bool = false
) throws -> LossEvaluation {
  let tape = Tape()
  let p = try tape.leaf(prediction, needsGradient: true, label: "p")
  let y = try tape.leaf(target, needsGradient: withTargetGradient, label: "y")
  let output = try tape.loss(loss, prediction: p, target: y)
  let inputs = withTargetGradient ? [p, y] : [p]
  let gradients = try tape.gradients(of: output, withRespectTo: inputs)
  return LossEvaluation(
    value: tape.value(output).storage[0], predictionGradient: gradients[0],
    targetGradient: withTargetGradient ? gradients[1] : nil)
}

/// Just the value, shapes checked as the language checks them.
public func lossValue(_ loss: any Loss, _ prediction: Tensor, _ target: Tensor) throws -> Double {
  let tape = Tape()
  let output = try tape.loss(
    loss, prediction: tape.leaf(prediction, label: "p"), target: tape.leaf(target, label: "y"))
  return tape.value(output).storage[0]
}
