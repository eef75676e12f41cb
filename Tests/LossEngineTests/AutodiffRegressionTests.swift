import LossEngine
import TestSupport
import Testing

/// Known autodiff bugs from other projects (loss-conventions §4), each as a test that would
/// catch it here.
@Suite("Autodiff regressions")
struct AutodiffRegressionTests {
  /// karpathy/micrograd#102: a second backward pass must not add to the first one's gradients.
  @Test func backwardTwiceDoesNotDoubleCount() throws {
    let tape = Tape()
    let x = try tape.leaf(Tensor(testVector: [0.5, -1, 2]), needsGradient: true)
    let y = try tape.sum(tape.add(tape.multiply(x, x), tape.exp(x)))
    let first = try tape.gradients(of: y, withRespectTo: [x])
    let second = try tape.gradients(of: y, withRespectTo: [x])
    #expect(first == second)
    expectClose(first[0], [0.5, -1, 2].map { 2 * $0 + CMath.exp($0) })
  }

  /// x·x: both parents are the same node, so its gradient gets both contributions, 2x.
  @Test func productOfAVariableWithItself() throws {
    let gradients = try tapeGradients(at: [Tensor(testVector: [3, -2])]) { tape, v in
      try tape.sum(tape.multiply(v[0], v[0]))
    }
    #expect(gradients[0].storage == [6, -4])
  }

  /// y = 3x used twice: z = Σ(y² + y), dz/dx = 3(2y + 1).
  @Test func reusedSubexpression() throws {
    let x = [0.5, -2.0]
    let gradients = try tapeGradients(at: [Tensor(testVector: x)]) { tape, v in
      let y = try tape.multiply(v[0], tape.constant(3))
      return try tape.sum(tape.add(tape.multiply(y, y), y))
    }
    #expect(gradients[0].storage == x.map { 3 * (2 * 3 * $0 + 1) })
  }

  /// One input feeding several branches: the branch gradients add up.
  @Test func fanOut() throws {
    let x = Tensor(testVector: [0.3, -0.7, 1.1])
    try expectGradientsMatchFiniteDifferences(at: [x]) { tape, v in
      let a = try tape.sum(tape.exp(v[0]))
      let b = try tape.sum(tape.multiply(v[0], tape.constant(2)))
      let c = try tape.mean(tape.tanh(v[0]))
      return try tape.add(tape.add(a, b), c)
    }
    let gradients = try tapeGradients(at: [x]) { tape, v in
      try tape.add(tape.sum(v[0]), tape.sum(v[0]))
    }
    #expect(gradients[0].storage == [2, 2, 2])
  }

  /// karpathy/nn-zero-to-hero#52: an `exp` backward that assigns instead of accumulating.
  @Test func expUsedTwiceAccumulates() throws {
    let gradients = try tapeGradients(at: [Tensor(scalar: 1)]) { tape, v in
      let e = try tape.exp(v[0])
      return try tape.add(e, e)
    }
    expectClose(gradients[0], Tensor(scalar: 2 * CMath.exp(1)))
  }

  /// karpathy/micrograd#74: tanh written through exp overflows for large inputs.
  @Test func tanhOfLargeInputs() throws {
    let tape = Tape()
    let x = try tape.leaf(Tensor(testVector: [1000, -1000, 20]), needsGradient: true)
    let y = try tape.tanh(x)
    #expect(tape.value(y).storage == [1, -1, CMath.tanh(20)])
    let gradient = try tape.gradients(of: tape.sum(y), withRespectTo: [x])[0]
    #expect(gradient.storage.allSatisfy { $0.isFinite })
    #expect(gradient.storage[0] == 0 && gradient.storage[1] == 0)
  }

  @Test func unrelatedInputGetsZeros() throws {
    let tape = Tape()
    let x = try tape.leaf(Tensor(testVector: [1, 2]), needsGradient: true)
    let unused = try tape.leaf(Tensor(testMatrix: [[1, 2], [3, 4]]), needsGradient: true)
    let y = try tape.sum(tape.square(x))
    let gradients = try tape.gradients(of: y, withRespectTo: [x, unused])
    #expect(gradients[1] == Tensor(testMatrix: [[0, 0], [0, 0]]))
  }

  /// A loss inside a larger expression: the upstream gradient scales both of its gradients.
  @Test func lossGradientsAreScaledByTheirUpstream() throws {
    let p = Tensor(testVector: [0.2, 0.7, 0.9])
    let y = Tensor(testVector: [0.1, 0.5, 0.3])
    try expectGradientsMatchFiniteDifferences(at: [p, y]) { tape, v in
      let loss = try tape.loss(BinaryCrossEntropy(), prediction: v[0], target: v[1])
      return try tape.multiply(tape.constant(-3), tape.square(loss))
    }
  }

  /// The reference case lin_n4_bce_logits_dw: grad(bce_logits(w*x + b, y), w) through a
  /// scalar weight broadcast over the data (JAX: −0.35133512538455414).
  @Test func logisticRegressionWeightGradient() throws {
    let x = Tensor(testVector: [0.759751, 0.274555, 1.600942, 0.538948])
    let y = Tensor(testVector: [1, 1, 1, 1])
    let gradients = try tapeGradients(at: [Tensor(scalar: 0.3), Tensor(scalar: -0.1)]) { tape, v in
      let z = try tape.add(tape.multiply(v[0], tape.leaf(x)), v[1])
      return try tape.loss(BinaryCrossEntropyWithLogits(), prediction: z, target: tape.leaf(y))
    }
    expectClose(gradients[0], Tensor(scalar: -0.35133512538455414), relative: 1e-14)
  }

  /// The reference case custom_n5_abs_cubed: grad(mean(abs(p − y)^3), p), from JAX.
  @Test func customLossThroughAbsAndPower() throws {
    let p = Tensor(testVector: [1.84472, -1.74598, -0.250573, -2.716341, -0.044285])
    let y = Tensor(testVector: [1.73231, -1.230333, -0.445083, -1.056951, 0.866942])
    let gradients = try tapeGradients(at: [p]) { tape, v in
      try tape.mean(tape.power(tape.abs(tape.subtract(v[0], tape.leaf(y))), tape.constant(3)))
    }
    expectClose(
      gradients[0],
      [
        0.007581604859999987, -0.15953509716540012, 0.022700484060000005, -1.6521451032599999,
        -0.49820078731740003,
      ], relative: 1e-13)
  }

  /// A learner's `mean(abs(p - y))` equals `mae`, gradient included, even at a perfect
  /// element, because abs′(0) = 0.
  @Test func handWrittenMaeMatchesTheBuiltIn() throws {
    let p = Tensor(testVector: [2.5, 5, 3, 8])
    let y = Tensor(testVector: [3, 5, 2.5, 7])
    let handWritten = try tapeGradients(at: [p]) { tape, v in
      try tape.mean(tape.abs(tape.subtract(v[0], tape.leaf(y))))
    }
    let builtIn = try evaluateLoss(MeanAbsoluteError(), p, y).predictionGradient
    #expect(handWritten[0] == builtIn)
  }

  @Test func runawayTapesStop() throws {
    let tape = Tape(nodeLimit: 10)
    var x = try tape.leaf(Tensor(scalar: 1), needsGradient: true)
    #expect(throws: EngineError.tapeTooLarge(limit: 10)) {
      for _ in 0..<20 { x = try tape.add(x, x) }
    }
  }
}
