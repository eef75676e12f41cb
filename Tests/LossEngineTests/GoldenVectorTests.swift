import LossEngine
import TestSupport
import Testing

/// The golden vectors of loss-conventions §7: values and gradients that LossLab fixes, checked
/// against scikit-learn, Keras and PyTorch there.
@Suite("Golden vectors (loss-conventions §7)")
struct GoldenVectorTests {
  /// The scikit-learn docs example: e = [−0.5, 0.5, 0, 1], one element exactly at e = 0 and
  /// one exactly at |e| = δ for huber.
  static let regressionPrediction = Tensor(testVector: [2.5, 0, 2, 8])
  static let regressionTarget = Tensor(testVector: [3, -0.5, 2, 7])

  struct Golden: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable () throws -> any Loss
    let value: Double
    let gradient: [Double]
    var testDescription: String { name }
  }

  static let regression: [Golden] = [
    Golden(
      name: "mse", make: { MeanSquaredError() }, value: 0.375, gradient: [-0.25, 0.25, 0, 0.5]),
    Golden(
      name: "mae", make: { MeanAbsoluteError() }, value: 0.5, gradient: [-0.25, 0.25, 0, 0.25]),
    Golden(
      name: "rmse", make: { RootMeanSquaredError() }, value: 0.6123724356957945,
      gradient: [-0.20412414523193154, 0.20412414523193154, 0, 0.4082482904638631]),
    Golden(
      name: "mape", make: { MeanAbsolutePercentageError() }, value: 32.73809523809524,
      gradient: [-8.333333333333334, 50, 0, 3.5714285714285716]),
    Golden(
      name: "huber", make: { try HuberLoss(delta: 1) }, value: 0.1875,
      gradient: [-0.125, 0.125, 0, 0.25]),
    Golden(
      name: "logcosh", make: { LogCoshLoss() }, value: 0.16850246109989556,
      gradient: [-0.11552928931500243, 0.11552928931500243, 0, 0.1903985389889412]),
  ]

  @Test(arguments: regression)
  func regressionGolden(_ golden: Golden) throws {
    let result = try evaluateLoss(
      golden.make(), Self.regressionPrediction, Self.regressionTarget)
    expectClose(result.value, golden.value, relative: 1e-15)
    expectClose(result.predictionGradient, golden.gradient, relative: 1e-15)
  }

  /// huber(δ = 2) on the same data is 0.1875 too (every |e| ≤ 2 is quadratic); SmoothL1 with
  /// β = 2 would give 0.09375.
  @Test func huberWithDeltaTwo() throws {
    let value = try lossValue(
      HuberLoss(delta: 2), Self.regressionPrediction, Self.regressionTarget)
    expectClose(value, 0.1875, relative: 1e-15)
  }

  @Test func binaryCrossEntropy() throws {
    let result = try evaluateLoss(
      BinaryCrossEntropy(), Tensor(testVector: [0.1, 0.8, 0.6, 0.3]),
      Tensor(testVector: [0, 1, 1, 0]))
    expectClose(result.value, 0.2990011586691898, relative: 1e-15)
    expectClose(
      result.predictionGradient,
      [0.27777777777777773, -0.3125, -0.4166666666666667, 0.35714285714285715], relative: 1e-15)
  }

  @Test func binaryCrossEntropyOnSingleProbabilities() throws {
    expectClose(
      try lossValue(BinaryCrossEntropy(), Tensor(scalar: 0.9), Tensor(scalar: 1)),
      0.10536051565782628, relative: 1e-15)
    expectClose(
      try lossValue(BinaryCrossEntropy(), Tensor(scalar: 0.9), Tensor(scalar: 0)),
      2.3025850929940455, relative: 1e-15)
  }

  /// Confidently wrong (p = 0, y = 1) costs −ln 1e-15 and, clipped, has zero gradient.
  @Test func binaryCrossEntropyAtTheClipBound() throws {
    let result = try evaluateLoss(
      BinaryCrossEntropy(), Tensor(testVector: [0, 0]), Tensor(testVector: [1, 0]))
    expectClose(result.value, 17.269388197455342, relative: 1e-15)
    #expect(result.predictionGradient.storage == [0, 0])
  }

  @Test func binaryCrossEntropyWithLogits() throws {
    let result = try evaluateLoss(
      BinaryCrossEntropyWithLogits(), Tensor(testVector: [-100, 0.5, 20]),
      Tensor(testVector: [1, 1, 0]))
    expectClose(result.value, 40.15802566208042, relative: 1e-15)
    expectClose(
      result.predictionGradient, [-1.0 / 3, -0.1258468895993818, 0.3333333326462821],
      relative: 1e-15)
  }

  @Test func categoricalCrossEntropyWithLogits() throws {
    let result = try evaluateLoss(
      CategoricalCrossEntropyWithLogits(), Tensor(testMatrix: [[2, 1, 0.1], [0.5, 2.5, -1]]),
      Tensor(testMatrix: [[1, 0, 0], [0, 0, 1]]))
    expectClose(result.value, 2.035104111700061, relative: 1e-15)
    expectClose(
      result.predictionGradient,
      [
        [-0.17049943055701605, 0.12121648535235695, 0.0492829452046591],
        [0.05805726733707058, 0.42898840530422855, -0.4870456726412992],
      ], relative: 1e-15)
  }

  /// No renormalising: the gradient is −Y/(P·rows), not Keras's [−0.4286, 1, 1].
  @Test func categoricalCrossEntropy() throws {
    let result = try evaluateLoss(
      CategoricalCrossEntropy(), Tensor(testVector: [0.7, 0.2, 0.1]), Tensor(testVector: [1, 0, 0]))
    expectClose(result.value, 0.35667494393873245, relative: 1e-15)
    expectClose(result.predictionGradient, [-1.4285714285714286, 0, 0], relative: 1e-15)
  }

  @Test func hinge() throws {
    let result = try evaluateLoss(
      HingeLoss(), Tensor(testVector: [0.5, -2, 0.3, 1.5]), Tensor(testVector: [1, 0, -1, 1]))
    expectClose(result.value, 0.45, relative: 1e-15)
    expectClose(result.predictionGradient, [-0.25, 0, 0.25, 0], relative: 1e-15)
  }

  /// p = σ([−3, −0.2, 0.4, 2.5]), y = [0, 1, 0, 1].
  static let focalPrediction = Tensor(testVector: [-3, -0.2, 0.4, 2.5].map(Tape.sigmoid))
  static let focalTarget = Tensor(testVector: [0, 1, 0, 1])

  @Test func focal() throws {
    let result = try evaluateLoss(
      FocalLoss(gamma: 2, alpha: 0.25), Self.focalPrediction, Self.focalTarget)
    expectClose(result.value, 0.07648880153794525, relative: 1e-14)
    expectClose(
      result.predictionGradient,
      [0.00130683568834452, -0.09682853317329851, 0.37244230645151877, -0.00113723012088999],
      relative: 1e-11)
  }

  /// α = 0.5 weighs both classes by ½: half of the unweighted (Keras default) 0.14227594.
  @Test func focalWithEvenWeights() throws {
    let value = try lossValue(
      FocalLoss(gamma: 2, alpha: 0.5), Self.focalPrediction, Self.focalTarget)
    expectClose(value, 0.07113797232194019, relative: 1e-14)
  }
}
