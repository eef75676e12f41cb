import LossEngine
import TestSupport
import Testing

/// The helpers must be able to fail: each known issue below is a mistake they have to catch.
@Suite("Test support catches what it should")
struct TestSupportTests {
  @Test func expectCloseAcceptsWhatMatches() {
    #expect(expectClose(1 + 1e-13, 1, relative: 1e-12))
    #expect(expectClose(.infinity, .infinity))
    #expect(expectClose(1e-20, 0, absolute: 1e-19))
    #expect(expectClose(Tensor(testVector: [1, 1e-17]), [1, 0], relative: 1e-16))
  }

  @Test func expectCloseRejectsWhatDiffers() {
    withKnownIssue { expectClose(1.0001, 1, relative: 1e-6) }
    withKnownIssue { expectClose(.nan, 1) }
    withKnownIssue { expectClose(1, .nan) }
    withKnownIssue { expectClose(.nan, .nan) }
    withKnownIssue { expectClose(Tensor(testVector: [1, .nan]), [1, .nan]) }
    withKnownIssue { expectClose(.infinity, -.infinity) }
    withKnownIssue { expectClose(.infinity, 1e308) }
    withKnownIssue { expectClose(1e-20, 0) }
    withKnownIssue { expectClose(Tensor(testVector: [1, 2]), [1, 2, 3]) }
    withKnownIssue { expectClose(Tensor(testVector: [1, 2]), Tensor(testMatrix: [[1, 2]])) }
    withKnownIssue { expectClose(Tensor(testVector: [1, 2.001]), [1, 2], relative: 1e-6) }
  }

  /// mse with its gradient off by 0.01%: every check must notice.
  struct SlightlyWrongLoss: Loss {
    static let name = "slightly_wrong"
    func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
      -> (value: Double, gradient: Tensor?)
    {
      let n = Double(prediction.count)
      let errors = zip(prediction.storage, target.storage).map { $0 - $1 }
      let value = errors.map { $0 * $0 }.reduce(0, +) / n
      let gradient = try Tensor(shape: prediction.shape, storage: errors.map { 2.0002 * $0 / n })
      return (value, wantGradient ? gradient : nil)
    }
    func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
      try Tensor(
        shape: target.shape,
        storage: zip(prediction.storage, target.storage).map {
          2 * ($1 - $0) / Double(prediction.count)
        })
    }
  }

  @Test(arguments: [4, 37, 1000])
  func gradientChecksCatchAWrongGradient(size: Int) throws {
    var random = SeededGenerator(seed: 3)
    let p = random.tensor([size], in: -2...2)
    let y = random.tensor([size], in: -2...2)
    // Only recorded failures count as the known issue: a thrown error is a real failure.
    try withKnownIssue {
      try expectGradientsCorrect(at: [p]) { tape, v in
        try tape.loss(SlightlyWrongLoss(), prediction: v[0], target: tape.leaf(y))
      }
    } matching: { issue in
      issue.error == nil
    }
    // The same check passes for the correct loss and the (correct) target gradient.
    try expectGradientsCorrect(at: [p, y]) { tape, v in
      try tape.loss(MeanSquaredError(), prediction: v[0], target: v[1])
    }
  }

  @Test func directionalCheckCatchesAWrongGradientOnSmallInputsToo() throws {
    let p = Tensor(testVector: [0.5, -1, 2])
    let y = Tensor(testVector: [0, 0, 0])
    try withKnownIssue {
      try expectDirectionalDerivativesMatch(at: [p]) { tape, v in
        try tape.loss(SlightlyWrongLoss(), prediction: v[0], target: tape.leaf(y))
      }
    } matching: { issue in
      issue.error == nil
    }
  }

  @Test func labelsComeFromTheGivenValues() {
    var random = SeededGenerator(seed: 9)
    let labels = random.labels([100], from: [-1, 0, 1])
    #expect(Set(labels.storage) == [-1, 0, 1])
    let oneHot = random.oneHot(rows: 4, columns: 3, shape: [4, 3])
    for row in 0..<4 {
      #expect(oneHot.storage[(row * 3)..<(row * 3 + 3)].reduce(0, +) == 1)
    }
  }
}
