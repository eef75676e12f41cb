import LossEngine
import TestSupport
import Testing

/// Two steps of each optimizer on L(w) = (w − 3)², g = 2(w − 3), from w = 0 with lr = 0.1,
/// against the update rules worked by hand (the language tests compare whole curves with numpy).
@Suite("Optimizers")
struct OptimizerTests {
  /// The parameter after each of `steps` updates of `kind`.
  func path(_ kind: OptimizerKind, steps: Int = 2) throws -> [Double] {
    var optimizer = kind.make(learningRate: 0.1)
    var parameters = [Tensor(scalar: 0)]
    var path: [Double] = []
    for _ in 0..<steps {
      let g = Tensor(scalar: 2 * (parameters[0].storage[0] - 3))
      try optimizer.step(&parameters, gradients: [g])
      path.append(parameters[0].storage[0])
    }
    return path
  }

  @Test func sgdStepsAgainstTheSlope() throws {
    let w = try path(.sgd)
    expectClose(w[0], 0.6)  // 0 − 0.1 × (−6)
    expectClose(w[1], 0.6 - 0.1 * (2 * (0.6 - 3)))
  }

  @Test func momentumStartsWithTheGradientThenAccumulates() throws {
    let w = try path(.momentum)
    expectClose(w[0], 0.6)  // v = g = −6
    expectClose(w[1], 0.6 - 0.1 * (0.9 * -6 + 2 * (0.6 - 3)))  // v = 0.9·(−6) + (−4.8)
  }

  @Test func nesterovLooksAhead() throws {
    let w = try path(.nesterov)
    expectClose(w[0], 0 - 0.1 * (-6 + 0.9 * -6))  // 1.14
    let g1 = 2 * (w[0] - 3)
    let v2 = 0.9 * -6 + g1
    expectClose(w[1], w[0] - 0.1 * (g1 + 0.9 * v2))
  }

  @Test func rmspropDividesByTheRunningSize() throws {
    let w = try path(.rmsprop)
    let s1 = 0.01 * 36
    expectClose(w[0], 0 - 0.1 * -6 / (s1.squareRoot() + 1e-8))
    let g1 = 2 * (w[0] - 3)
    let s2 = 0.99 * s1 + 0.01 * g1 * g1
    expectClose(w[1], w[0] - 0.1 * g1 / (s2.squareRoot() + 1e-8))
  }

  @Test func adamIsBiasCorrectedFromTheFirstStep() throws {
    let w = try path(.adam)
    // t = 1: m̂ = g and v̂ = g², so the first step is lr·g/(|g| + ε), about lr.
    expectClose(w[0], 0 - 0.1 * -6 / (6 + 1e-8))
    let g1 = 2 * (w[0] - 3)
    let m = 0.9 * (0.1 * -6) + 0.1 * g1
    let v = 0.999 * (0.001 * 36) + 0.001 * g1 * g1
    let mHat = m / (1 - 0.81)
    let vHat = v / (1 - 0.999 * 0.999)
    expectClose(w[1], w[0] - 0.1 * mHat / (vHat.squareRoot() + 1e-8), relative: 1e-14)
  }

  @Test func updatesEveryElementOfSeveralParameters() throws {
    for kind in OptimizerKind.allCases {
      var optimizer = kind.make(learningRate: 0.1)
      var parameters = [
        try Tensor(vector: [1, 2]), try Tensor(matrix: [[1, 2], [3, 4]]), Tensor(scalar: 5),
      ]
      let gradients = parameters.map { $0 }
      try optimizer.step(&parameters, gradients: gradients)
      for (after, before) in zip(parameters, gradients) {
        #expect(after.shape == before.shape)
        #expect(zip(after.storage, before.storage).allSatisfy { $0 < $1 }, "\(kind)")
      }
    }
  }

  @Test func refusesAGradientOfAnotherShape() throws {
    var optimizer = OptimizerKind.adam.make(learningRate: 0.1)
    var parameters = [try Tensor(vector: [1, 2])]
    #expect(throws: EngineError.self) {
      try optimizer.step(&parameters, gradients: [Tensor(scalar: 1)])
    }
    #expect(throws: EngineError.self) { try optimizer.step(&parameters, gradients: []) }
  }
}
