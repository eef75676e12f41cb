import Foundation
import LossEngine
import LossLanguage
import TestSupport
import Testing

/// `train` against float64 numpy loops (Fixtures/reference_training.py wrote
/// Fixtures/training_curves.json): every optimizer on six models, curve and final parameters
/// within 1e-9.
@Suite("Training against numpy")
struct TrainingReferenceTests {
  struct Run: Decodable, Sendable {
    let optimizer: String
    let lr: Double
    let curve: [Double]
    let final: [String: [Double]]
  }

  struct Case: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let setup: [String]
    let loss: String
    let params: [String]
    let runs: [Run]
    var testDescription: String { name }
  }

  struct Reference: Decodable {
    let steps: Int
    let cases: [Case]
  }

  static let reference: Reference? = {
    guard
      let url = Bundle.module.url(
        forResource: "training_curves", withExtension: "json", subdirectory: "Fixtures"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return try? JSONDecoder().decode(Reference.self, from: data)
  }()

  @Test func theReferenceFileLoads() throws {
    let reference = try #require(Self.reference)
    #expect(reference.cases.count == 6)
    #expect(reference.cases.allSatisfy { $0.runs.count == OptimizerKind.allCases.count })
  }

  @Test(arguments: reference?.cases ?? [])
  func everyOptimizerMatchesNumpy(_ model: Case) throws {
    let steps = try #require(Self.reference).steps
    for run in model.runs {
      var session = Session()
      for line in model.setup { try session.run(line) }
      let call =
        "curve = train(\(model.loss), \(model.params.joined(separator: ", ")), lr=\(run.lr), steps=\(steps), optimizer=\"\(run.optimizer)\")"
      let curve = try session.tensor(call)
      expectClose(
        curve, try Tensor(vector: run.curve), relative: 1e-9, "\(model.name), \(run.optimizer)")
      for name in model.params {
        let value = try #require(session.interpreter.scope[name]?.tensor)
        let expected = try #require(run.final[name])
        #expect(value.storage.count == expected.count)
        for (actual, wanted) in zip(value.storage, expected) {
          expectClose(
            actual, wanted, relative: 1e-9, absolute: 1e-12,
            "\(model.name), \(run.optimizer), \(name)")
        }
      }
    }
  }
}
