import LossEngine
import TestSupport
import Testing

/// Every differentiable tape operation against finite differences, including broadcasting.
@Suite("Op gradients match finite differences")
struct OpGradientTests {
  /// The op's output is reduced with random weights: an all-ones upstream gradient would hide
  /// bugs (softmax's gradient against it is exactly zero).
  @Test(arguments: OpCase.all)
  func gradientMatchesFiniteDifferences(_ op: OpCase) throws {
    var random = SeededGenerator(seed: op.seed)
    let inputs = op.inputs(&random)
    let probe = Tape()
    let outputShape = try probe.value(op.build(probe, inputs.map { try probe.leaf($0) })).shape
    let weights = random.tensor(outputShape, in: -2...2)
    try expectGradientsMatchFiniteDifferences(at: inputs, relative: 1e-7, op.label) { tape, v in
      try tape.sum(tape.multiply(op.build(tape, v), tape.leaf(weights)))
    }
  }
}

/// The conventions the ops fix at their kinks (ElementwiseFunctions.swift, Selection.swift,
/// Reductions.swift), as exact values.
@Suite("Op subgradients at kinks")
struct OpSubgradientTests {
  func gradient(at input: Tensor, _ build: @escaping TapeFunction) throws -> Tensor {
    try tapeGradients(at: [input]) { tape, v in try tape.sum(build(tape, v)) }[0]
  }

  @Test func absAndReluAndSignAreFlatAtZero() throws {
    let x = Tensor(testVector: [-1, 0, 2])
    #expect(try gradient(at: x) { try $0.abs($1[0]) }.storage == [-1, 0, 1])
    #expect(try gradient(at: x) { try $0.relu($1[0]) }.storage == [0, 0, 1])
    #expect(try gradient(at: x) { try $0.sign($1[0]) }.storage == [0, 0, 0])
  }

  /// Ties split the gradient evenly, so max(a, b) stays symmetric.
  @Test func elementwiseMaximumAndMinimumSplitTies() throws {
    let a = Tensor(testVector: [1, 2, 3])
    let b = Tensor(testVector: [1, 5, 0])
    for build in [
      { (t: Tape, v: [Variable]) in try t.maximum(v[0], v[1]) }, { try $0.minimum($1[0], $1[1]) },
    ] {
      let gradients = try tapeGradients(at: [a, b]) { tape, v in try tape.sum(build(tape, v)) }
      #expect(gradients[0].storage[0] == 0.5)
      #expect(gradients[1].storage[0] == 0.5)
    }
  }

  @Test func maxReduceAndMinReduceShareTiesEvenly() throws {
    let x = Tensor(testVector: [3, 1, 3, 1])
    #expect(try gradient(at: x) { try $0.maxReduce($1[0]) }.storage == [0.5, 0, 0.5, 0])
    #expect(try gradient(at: x) { try $0.minReduce($1[0]) }.storage == [0, 0.5, 0, 0.5])
  }

  /// On a bound clip passes the gradient (PyTorch's `clamp`); beyond it, none.
  @Test func clipPassesTheGradientOnItsBounds() throws {
    let x = Tensor(testVector: [-2, -1, 0, 1, 2])
    let g = try gradient(at: x) { try $0.clip($1[0], $0.constant(-1), $0.constant(1)) }
    #expect(g.storage == [0, 1, 1, 1, 0])
  }

  /// √′(0) is +∞, as in every library: a perfect fit through sqrt(mse) is the classic NaN.
  @Test func sqrtHasAnInfiniteSlopeAtZero() throws {
    let g = try gradient(at: Tensor(scalar: 0)) { try $0.sqrt($1[0]) }
    #expect(g.storage == [.infinity])
  }

  /// The condition of `where` and the bounds of `clip` get no gradient.
  @Test func conditionsAndBoundsGetNoGradient() throws {
    let gradients = try tapeGradients(at: [
      Tensor(testVector: [1, 0]), Tensor(testVector: [2, 3]), Tensor(testVector: [4, 5]),
    ]) { tape, v in try tape.sum(tape.select(v[0], v[1], v[2])) }
    #expect(gradients.map(\.storage) == [[0, 0], [1, 0], [0, 1]])
  }
}
