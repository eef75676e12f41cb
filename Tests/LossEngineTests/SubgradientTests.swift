import LossEngine
import TestSupport
import Testing

/// The values LossLab fixes at kinks and clip bounds, where finite differences cannot decide:
/// exact expectations, and +0 rather than −0 where the slope is zero (a learner would see
/// `-0`).
@Suite("Subgradients at kinks and clip bounds")
struct SubgradientTests {
  /// A zero with its sign bit clear.
  func isPositiveZero(_ x: Double) -> Bool { x == 0 && x.sign == .plus }

  @Test func maeIsFlatAtAPerfectElement() throws {
    let result = try evaluateLoss(
      MeanAbsoluteError(), Tensor(testVector: [2, 5]), Tensor(testVector: [2, 3]),
      withTargetGradient: true)
    #expect(result.predictionGradient.storage == [0, 0.5])
    #expect(isPositiveZero(result.predictionGradient.storage[0]))
    let targetGradient = try #require(result.targetGradient)
    #expect(targetGradient.storage == [0, -0.5])
    #expect(isPositiveZero(targetGradient.storage[0]))
  }

  @Test func mapeIsFlatAtAPerfectElement() throws {
    let result = try evaluateLoss(
      MeanAbsolutePercentageError(), Tensor(testVector: [4, 3]), Tensor(testVector: [4, 2]),
      withTargetGradient: true)
    expectClose(result.value, 25)
    #expect(result.predictionGradient.storage == [0, 25])
    let targetGradient = try #require(result.targetGradient)
    // ∂/∂y of 100|p − y|/|y| at p = 3, y = 2: 100(−1/2 − 1/4)/2 = −37.5.
    #expect(targetGradient.storage == [0, -37.5])
    #expect(isPositiveZero(targetGradient.storage[0]))
  }

  /// Below the 1e-7 floor the denominator is a constant: only the |e| term moves with y.
  @Test func mapeTargetGradientBelowTheFloor() throws {
    for y in [0.0, 5e-8, -1e-7] {
      let result = try evaluateLoss(
        MeanAbsolutePercentageError(), Tensor(scalar: 0.5), Tensor(scalar: y),
        withTargetGradient: true)
      expectClose(result.value, 100 * (0.5 - y) / 1e-7, relative: 1e-15)
      expectClose(result.predictionGradient, Tensor(scalar: 1e9), relative: 1e-15)
      expectClose(try #require(result.targetGradient), Tensor(scalar: -1e9), relative: 1e-15)
    }
  }

  @Test func rmseIsFlatAtAPerfectFit() throws {
    let result = try evaluateLoss(
      RootMeanSquaredError(), Tensor(testVector: [1, -2, 3]), Tensor(testVector: [1, -2, 3]),
      withTargetGradient: true)
    #expect(result.value == 0)
    #expect(result.predictionGradient.storage.allSatisfy(isPositiveZero))
    #expect(try #require(result.targetGradient).storage.allSatisfy(isPositiveZero))
  }

  /// At |e| = δ both branches agree: value ½δ², slope ±δ/n.
  @Test(arguments: [0.5, 1, 2])
  func huberAtTheJoin(delta: Double) throws {
    let result = try evaluateLoss(
      HuberLoss(delta: delta), Tensor(testVector: [1 + delta, -delta]), Tensor(testVector: [1, 0]),
      withTargetGradient: true)
    expectClose(result.value, 0.5 * delta * delta, relative: 1e-15)
    expectClose(result.predictionGradient, [delta / 2, -delta / 2], relative: 1e-15)
    expectClose(try #require(result.targetGradient), [-delta / 2, delta / 2], relative: 1e-15)
  }

  /// On the margin (1 − y·s = 0) the element costs nothing and pulls with slope 0.
  @Test func hingeOnTheMargin() throws {
    let result = try evaluateLoss(
      HingeLoss(), Tensor(testVector: [1, -1, 0.5]), Tensor(testVector: [1, 0, 1]))
    expectClose(result.value, 0.5 / 3, relative: 1e-15)
    #expect(result.predictionGradient.storage == [0, 0, -1.0 / 3])
    #expect(isPositiveZero(result.predictionGradient.storage[0]))
  }

  /// Both confident mistakes cost −ln 1e-15 exactly (the clip is on the probability given to
  /// the observed class), with zero gradient; confident correct answers cost about 1e-15.
  @Test func bceAtTheClipBounds() throws {
    let largest = 34.538776394910684
    for (p, y, value) in [
      (0.0, 1.0, largest), (1.0, 0.0, largest), (1.0, 1.0, 1e-15), (0.0, 0.0, 1e-15),
    ] {
      let result = try evaluateLoss(BinaryCrossEntropy(), Tensor(scalar: p), Tensor(scalar: y))
      expectClose(result.value, value, relative: 1e-3, "bce(\(p), \(y))")
      if value > 1 { expectClose(result.value, value, relative: 1e-15, "bce(\(p), \(y))") }
      #expect(isPositiveZero(result.predictionGradient.storage[0]), "bce(\(p), \(y))")
    }
    #expect(ProbabilityClipping.largestTerm == largest)
  }

  /// Exactly on the bound nothing is moved, so the gradient passes (like `clip`).
  @Test func bceExactlyOnTheLowerBound() throws {
    let result = try evaluateLoss(BinaryCrossEntropy(), Tensor(scalar: 1e-15), Tensor(scalar: 1))
    expectClose(result.value, 34.538776394910684, relative: 1e-15)
    expectClose(result.predictionGradient, Tensor(scalar: -1e15), relative: 1e-15)
  }

  /// Soft labels at a clipped p: the value uses the clipped p, the slope in p is 0, and the
  /// slope in y (−ln p + ln(1 − p), clipped) is still defined.
  @Test func bceSoftLabelAtTheClipBound() throws {
    let result = try evaluateLoss(
      BinaryCrossEntropy(), Tensor(scalar: 0), Tensor(scalar: 0.25), withTargetGradient: true)
    expectClose(result.value, 0.25 * 34.538776394910684, relative: 1e-14)
    #expect(isPositiveZero(result.predictionGradient.storage[0]))
    expectClose(
      try #require(result.targetGradient), Tensor(scalar: 34.538776394910684), relative: 1e-14)
  }

  /// cce clips P to [1e-15, 1]: a 0 where the label is costs 34.539 with slope 0, a P above 1
  /// costs 0 with slope 0; entries with Y = 0 never matter.
  @Test func cceAtTheClipBounds() throws {
    let result = try evaluateLoss(
      CategoricalCrossEntropy(), Tensor(testMatrix: [[0, 0.5, 0.5], [1.5, -2, 0.3]]),
      Tensor(testMatrix: [[1, 0, 0], [1, 0, 0]]), withTargetGradient: true)
    expectClose(result.value, 34.538776394910684 / 2, relative: 1e-15)
    #expect(result.predictionGradient.storage.allSatisfy(isPositiveZero))
    // ∂/∂Y = −ln(clip P) / rows.
    expectClose(
      try #require(result.targetGradient),
      [
        [34.538776394910684 / 2, -CMath.log(0.5) / 2, -CMath.log(0.5) / 2],
        [0, 34.538776394910684 / 2, -CMath.log(0.3) / 2],
      ],
      relative: 1e-15)
    #expect(isPositiveZero(try #require(result.targetGradient).storage[3]))
  }

  /// Focal clips p_t like bce: zero gradient where clipping is active, finite values.
  @Test(arguments: [0.5, 2])
  func focalAtTheClipBounds(gamma: Double) throws {
    let result = try evaluateLoss(
      FocalLoss(gamma: gamma, alpha: 0.25), Tensor(testVector: [0, 1, 1, 0]),
      Tensor(testVector: [1, 0, 1, 0]))
    // Two confident mistakes, each α_t · (1 − 1e-15)^γ · 34.539; two confident right answers ≈ 0.
    expectClose(result.value, (0.25 + 0.75) * 34.538776394910684 / 4, relative: 1e-13)
    #expect(result.predictionGradient.storage.allSatisfy(isPositiveZero))
  }

  /// γ < 1 and p_t close to 1: (1 − p_t)^(γ−1) is large and ln p_t tiny; their product must
  /// stay finite and agree with the limit, not become 0·∞.
  @Test func focalWithSmallGammaNearCertainty() throws {
    let p = 1 - 1e-12
    let result = try evaluateLoss(
      FocalLoss(gamma: 0.5, alpha: 0.25), Tensor(scalar: p), Tensor(scalar: 1))
    let q = 1 - p
    // s·α·[γ q^(γ−1) ln p − q^γ / p] with ln p ≈ −q.
    let expected = 0.25 * (0.5 * CMath.pow(q, -0.5) * CMath.log(p) - CMath.pow(q, 0.5) / p)
    #expect(result.predictionGradient.storage[0].isFinite)
    expectClose(result.predictionGradient, Tensor(scalar: expected), relative: 1e-9)
  }
}
