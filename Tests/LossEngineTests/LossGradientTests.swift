import LossEngine
import TestSupport
import Testing

/// Every loss's ∂L/∂p, and ∂L/∂y where it exists, against finite differences on seeded random
/// inputs of several sizes (element by element up to 200 elements, random directions beyond).
@Suite("Loss gradients match finite differences")
struct LossGradientTests {
  @Test(arguments: LossCase.all, [1, 4, 37, 1000])
  func gradientsMatchFiniteDifferences(_ lossCase: LossCase, size: Int) throws {
    var random = SeededGenerator(seed: lossCase.seed(size: size))
    let loss = try lossCase.make()
    let (prediction, target) = lossCase.draw(&random, lossCase.shape(forSize: size))
    if lossCase.checksTargetGradient {
      try expectGradientsCorrect(at: [prediction, target], "\(lossCase.label), size \(size)") {
        tape, inputs in
        try tape.loss(loss, prediction: inputs[0], target: inputs[1])
      }
    } else {
      try expectGradientsCorrect(at: [prediction], "\(lossCase.label), size \(size)") {
        tape, inputs in
        try tape.loss(loss, prediction: inputs[0], target: tape.leaf(target))
      }
    }
  }

  /// The value-only pass and the fused value+gradient pass sum in the same order.
  @Test(arguments: LossCase.all)
  func valueDoesNotDependOnWantingTheGradient(_ lossCase: LossCase) throws {
    var random = SeededGenerator(seed: lossCase.seed(size: 37))
    let loss = try lossCase.make()
    let (prediction, target) = lossCase.draw(&random, lossCase.shape(forSize: 1000))
    let withGradient = try loss.evaluate(prediction: prediction, target: target, wantGradient: true)
    let valueOnly = try loss.evaluate(prediction: prediction, target: target, wantGradient: false)
    #expect(withGradient.value == valueOnly.value)
    #expect(withGradient.gradient?.shape == prediction.shape)
    #expect(valueOnly.gradient == nil)
  }

  @Test(arguments: [HingeLoss() as any Loss, try FocalLoss()])
  func discreteLabelsHaveNoTargetGradient(_ loss: any Loss) throws {
    let prediction = Tensor(testVector: [0.3, 0.8])
    let target = Tensor(testVector: [1, 0])
    #expect {
      try evaluateLoss(loss, prediction, target, withTargetGradient: true)
    } throws: { error in
      guard case .notDifferentiable(let operation, let message) = error as? EngineError else {
        return false
      }
      return operation == loss.name && message.contains("labels are discrete")
    }
    // Asking only for ∂L/∂p still works.
    let result = try evaluateLoss(loss, prediction, target)
    #expect(result.predictionGradient.shape == [2])
  }

  /// A scalar target is spread over p; its gradient is the sum of the per-element slopes.
  @Test func scalarTargetGradientSumsOverElements() throws {
    let result = try evaluateLoss(
      MeanSquaredError(), Tensor(testVector: [1, 2, 3]), Tensor(scalar: 0), withTargetGradient: true
    )
    expectClose(result.value, 14.0 / 3)
    let targetGradient = try #require(result.targetGradient)
    #expect(targetGradient.shape == [])
    expectClose(targetGradient, Tensor(scalar: -4))
  }
}
