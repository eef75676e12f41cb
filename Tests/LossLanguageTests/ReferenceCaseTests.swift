import Foundation
import LossLanguage
import Testing

/// Every case of `Fixtures/losses.jsonl` (JAX, optax, scikit-learn), run through
/// `losslab eval --json`'s code path and compared by the fixture README's rule.
///
/// Most cases call losses other than `mse` (mae, rmse, huber, mape, bce, bce_logits, cce,
/// cce_logits, hinge, focal, logcosh); those fail with "unknown function" until the loss
/// catalogue is merged, by design. The fixture's loading and the comparison rule itself are
/// tested in ReferenceComparisonTests.swift, which must pass everywhere.
@Suite("Reference cases (Fixtures/losses.jsonl)")
struct ReferenceCaseTests {
  @Test("agrees with the reference", arguments: ReferenceCase.all)
  func agreesWithReference(_ reference: ReferenceCase) throws {
    let line = try #require(reference.lastOutputLine(), "\(reference.id) printed nothing")
    let output = try JSONTree(parsing: line)
    let problems = ReferenceComparison.problems(output: output, case: reference)
    #expect(
      problems.isEmpty,
      "\(reference.id) [\(reference.source)]: \(problems.joined(separator: "; "))\n  output: \(line)"
    )
  }
}
