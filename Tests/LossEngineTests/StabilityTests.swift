import LossEngine
import TestSupport
import Testing

/// Inputs that overflow or cancel in a naive implementation.
@Suite("Numerical stability")
struct StabilityTests {
  /// Logits in the thousands: exact values and gradients, no ∞ and no NaN.
  @Test(arguments: [1000.0, 5000.0])
  func bceLogitsWithHugeLogits(size: Double) throws {
    let result = try evaluateLoss(
      BinaryCrossEntropyWithLogits(), Tensor(testVector: [size, size, -size, -size]),
      Tensor(testVector: [0, 1, 1, 0]), withTargetGradient: true)
    // Two confident mistakes cost `size` each, two confident right answers cost 0.
    #expect(result.value == size / 2)
    #expect(result.predictionGradient.storage == [0.25, 0, -0.25, 0])
    #expect(
      try #require(result.targetGradient).storage == [-size / 4, -size / 4, size / 4, size / 4])
  }

  /// A right answer with logit 40 costs ln(1 + e^−40) = 4.25e-18 and pulls with −σ(−40):
  /// values that 1 − σ(40) (which rounds to 0) would lose entirely.
  @Test func bceLogitsKeepsTheTinyTail() throws {
    let result = try evaluateLoss(
      BinaryCrossEntropyWithLogits(), Tensor(scalar: 40), Tensor(scalar: 1))
    expectClose(result.value, 4.2483542552915889863e-18, relative: 1e-15)
    expectClose(
      result.predictionGradient, Tensor(scalar: -4.2483542552915889773e-18), relative: 1e-15)
  }

  /// The softplus term ln(1 + e^−|z|) across the range where `1 + tail` rounds.
  @Test(arguments: [0.0, 1e-3, 0.5, 1, 3, 10, 30, 36, 37, 38, 700, 745, 746])
  func bceLogitsSoftplusAccuracy(z: Double) throws {
    let value = try lossValue(BinaryCrossEntropyWithLogits(), Tensor(scalar: z), Tensor(scalar: 1))
    expectClose(value, CMath.log1p(CMath.exp(-z)), relative: 4e-16, "z = \(z)")
  }

  @Test func cceLogitsWithLogitsOfAThousand() throws {
    let result = try evaluateLoss(
      CategoricalCrossEntropyWithLogits(),
      Tensor(testMatrix: [[1000, 0, -1000], [1000, 1000, 0]]),
      Tensor(testMatrix: [[0, 0, 1], [1, 0, 0]]), withTargetGradient: true)
    expectClose(result.value, (2000 + CMath.log(2)) / 2, relative: 1e-15)
    expectClose(result.predictionGradient, [[0.5, 0, -0.5], [-0.25, 0.25, 0]], relative: 1e-15)
    #expect(try #require(result.targetGradient).storage.allSatisfy(\.isFinite))
  }

  /// ln cosh(1e-8) = 5e-17 to full precision: the large-|e| form would give 0 or noise.
  @Test func logCoshOfATinyError() throws {
    let result = try evaluateLoss(LogCoshLoss(), Tensor(scalar: 1e-8), Tensor(scalar: 0))
    expectClose(result.value, 4.9999999999999999167e-17, relative: 2e-16)
    expectClose(
      result.predictionGradient, Tensor(scalar: 9.9999999999999996667e-9), relative: 2e-16)
  }

  /// cosh(1e6) overflows; ln cosh(1e6) = 1e6 − ln 2.
  @Test func logCoshOfAHugeError() throws {
    let result = try evaluateLoss(LogCoshLoss(), Tensor(scalar: -1e6), Tensor(scalar: 0))
    expectClose(result.value, 999999.30685281944005, relative: 1e-16)
    #expect(result.predictionGradient.storage == [-1])
  }

  /// Both sides of the switch between the two formulas, against 50-digit references.
  @Test(arguments: [
    (0.5, 0.12011450695827752463), (19.999, 19.305852819440054695), (20, 19.306852819440054695),
    (20.001, 19.307852819440054695), (700, 699.30685281944005469), (-3.5, 2.8077642858938289353),
  ])
  func logCoshAcrossTheSwitch(error: Double, expected: Double) throws {
    let value = try lossValue(LogCoshLoss(), Tensor(scalar: error), Tensor(scalar: 0))
    expectClose(value, expected, relative: 3e-16, "e = \(error)")
  }

  /// rmse rescales when the squares would overflow or underflow.
  @Test func rmseOfHugeAndTinyErrors() throws {
    for scale in [1e200, 1e-200] {
      let result = try evaluateLoss(
        RootMeanSquaredError(), Tensor(testVector: [3 * scale, 0]),
        Tensor(testVector: [0, 4 * scale]))
      expectClose(result.value, scale * (12.5).squareRoot(), relative: 1e-15, "scale \(scale)")
      expectClose(
        result.predictionGradient, [3 / (2 * (12.5).squareRoot()), -4 / (2 * (12.5).squareRoot())],
        relative: 1e-15, "scale \(scale)")
    }
  }

  /// Summation in blocks with several accumulators: a million equal terms sum exactly.
  @Test func meanOfAMillionTermsIsAccurate() throws {
    let n = 1_000_000
    let value = try lossValue(
      MeanSquaredError(), Tensor(testVector: [Double](repeating: 0.1, count: n)),
      Tensor(testVector: [Double](repeating: 0, count: n)))
    expectClose(value, 0.1 * 0.1, relative: 1e-14)
  }
}
