import Foundation
import LossLanguage
import Testing

/// The harness of ReferenceCaseTests: the fixture loads completely, and the comparison rule
/// rejects what it must (so the reference cases cannot pass vacuously).
@Suite("Reference harness")
struct ReferenceComparisonTests {
  @Test func everyFixtureLineIsACase() throws {
    let lines = try ReferenceCase.fixtureLines()
    #expect(lines.count >= 28)
    let parsed = try lines.map(ReferenceCase.init(line:))
    #expect(ReferenceCase.all.count == lines.count, "the parameterised test must run every line")
    #expect(Set(parsed.map(\.id)).count == parsed.count, "case ids are unique")
    // The three kinds of grad expectation all occur.
    #expect(parsed.contains { $0.expectedGrad == nil })
    #expect(parsed.contains { $0.expectedGrad == .null })
    #expect(
      parsed.contains { if case .array? = $0.expectedGrad { return true } else { return false } })
  }

  private func reference(_ json: String) throws -> ReferenceCase { try ReferenceCase(line: json) }

  @Test func anMSECasePassesThroughTheEvalPath() throws {
    let c = try reference(
      #"{"id": "t", "exprs": ["p = [1, 2, 4]", "mse(p, [1, 1, 1])"], "expect": {"value": 3.3333333333333335, "grad": [0.0, 0.6666666666666666, 2.0]}, "tol": 1e-12, "source": "hand"}"#
    )
    let line = try #require(c.lastOutputLine())
    #expect(ReferenceComparison.problems(output: try JSONTree(parsing: line), case: c) == [])
  }

  @Test func toleranceIsScaledByTheLargestExpectedNumberOfTheField() throws {
    let c = try reference(
      #"{"id": "t", "exprs": ["1"], "expect": {"value": [1000, 1], "grad": null}, "tol": 1e-6, "source": "hand"}"#
    )
    // 1e-6 × 1000 = 1e-3 allowed on every element of the field, also the small one.
    #expect(
      ReferenceComparison.problems(
        output: try JSONTree(parsing: #"{"value": [1000.0009, 1.0009], "grad": null}"#), case: c)
        == [])
    let off = ReferenceComparison.problems(
      output: try JSONTree(parsing: #"{"value": [1000, 1.0011], "grad": null}"#), case: c)
    #expect(off.count == 1)
    #expect(off.first?.hasPrefix("value[1]") == true)
  }

  @Test func shapesMustBeEqual() throws {
    let c = try reference(
      #"{"id": "t", "exprs": ["1"], "expect": {"value": [1, 2]}, "tol": 1e-9, "source": "hand"}"#)
    for output in [
      #"{"value": [1, 2, 3], "grad": null}"#, #"{"value": 1, "grad": null}"#,
      #"{"value": [[1, 2]], "grad": null}"#,
    ] {
      #expect(
        !ReferenceComparison.problems(output: try JSONTree(parsing: output), case: c).isEmpty,
        "\(output)")
    }
  }

  @Test func gradAbsentChecksTheValueOnlyButGradNullMustBeNull() throws {
    let valueOnly = try reference(
      #"{"id": "t", "exprs": ["1"], "expect": {"value": 1}, "tol": 1e-9, "source": "hand"}"#)
    #expect(
      ReferenceComparison.problems(
        output: try JSONTree(parsing: #"{"value": 1, "grad": [5]}"#), case: valueOnly) == [])
    let gradNull = try reference(
      #"{"id": "t", "exprs": ["1"], "expect": {"value": 1, "grad": null}, "tol": 1e-9, "source": "hand"}"#
    )
    #expect(
      ReferenceComparison.problems(
        output: try JSONTree(parsing: #"{"value": 1, "grad": null}"#), case: gradNull) == [])
    #expect(
      ReferenceComparison.problems(
        output: try JSONTree(parsing: #"{"value": 1, "grad": 0}"#), case: gradNull
      ).count == 1)
    #expect(
      ReferenceComparison.problems(output: try JSONTree(parsing: #"{"value": 1}"#), case: gradNull)
        .count == 1)
  }

  @Test func errorsAndNonFiniteNumbersFail() throws {
    let c = try reference(
      #"{"id": "t", "exprs": ["1"], "expect": {"value": 1, "grad": null}, "tol": 1e-9, "source": "hand"}"#
    )
    #expect(
      !ReferenceComparison.problems(
        output: try JSONTree(parsing: #"{"error": "unknown function 'mae'"}"#), case: c
      ).isEmpty)
    #expect(
      !ReferenceComparison.problems(
        output: try JSONTree(parsing: #"{"value": "nan", "grad": null}"#), case: c
      ).isEmpty)
    #expect(
      !ReferenceComparison.problems(
        output: try JSONTree(parsing: #"{"value": "inf", "grad": null}"#), case: c
      ).isEmpty)
  }

  @Test func onlyTheLastOutputLineCounts() throws {
    let c = try reference(
      ##"{"id": "t", "exprs": ["a = 5", "", "# comment", "def f(x) = x", "a + 1"], "expect": {"value": 6, "grad": null}, "tol": 1e-12, "source": "hand"}"##
    )
    #expect(c.lastOutputLine() == #"{"value": 6.0, "grad": null}"#)
    let failing = try reference(
      #"{"id": "t", "exprs": ["foo = bar", "1"], "expect": {"value": 1}, "tol": 1e-12, "source": "hand"}"#
    )
    #expect(failing.lastOutputLine() == #"{"value": 1.0, "grad": null}"#)
  }
}
