import LossEngine
import LossLanguage
import Testing

@testable import LossShell

@Suite("Loss reports")
struct LossReportTests {
  func report(_ lines: [String]) throws -> LossReport {
    let (_, last) = session(after: lines)
    return try #require(last.lossReports.first, "no loss report in \(last)")
  }

  @Test func aSinglePredictionTooHigh() throws {
    let report = try report(["mse(2.4, 2)"])
    #expect(report.function == "mse")
    #expect(report.isBuiltin)
    #expect(report.predictionName == "p")
    expectClose(report.value, 0.16)
    expectClose(report.gradient?.scalarValue, 0.8)
    #expect(report.breakdown == nil)
    let reading = try #require(report.reading)
    #expect(reading.focus == .whole)
    expectClose(reading.error, 0.4)
    #expect(reading.direction == .down)
    #expect(!reading.pointsAway)
  }

  @Test func aSinglePredictionTooLow() throws {
    let reading = try #require(try report(["mse(1.5, 2)"]).reading)
    expectClose(reading.error, -0.5)
    #expect(reading.direction == .up)
  }

  @Test func aClippedProbabilityRowIsMarkedClippedNotFlat() throws {
    let rows = try #require(try report(["bce([0, 0.5, 1], [1, 1, 1])"]).breakdown?.rows)
    #expect(rows.map(\.isClipped) == [true, false, false])
    #expect(rows[0].slope == [0])
    // A hinge past its margin has a really flat slope: not clipped.
    let hinge = try #require(try report(["hinge([2, 0.5], [1, 1])"]).breakdown?.rows)
    #expect(hinge.map(\.isClipped) == [false, false])
  }

  @Test func aPerfectSinglePrediction() throws {
    let reading = try #require(try report(["mse(2, 2)"]).reading)
    #expect(reading.error == 0)
    #expect(reading.direction == .stay)
  }

  @Test func aVectorIsBrokenDownByElement() throws {
    let report = try report(["mse([2.5, 5, 3, 8], [3, 5, 2.5, 7])"])
    expectClose(report.value, 0.375)
    let breakdown = try #require(report.breakdown)
    #expect(breakdown.unit == .element)
    #expect(breakdown.count == 4)
    #expect(breakdown.reduction == .mean)
    #expect(!breakdown.isSummarised)
    #expect(breakdown.rows.map(\.index) == [1, 2, 3, 4])
    let terms = breakdown.rows.compactMap(\.term)
    #expect(terms.count == 4)
    for (term, expected) in zip(terms, [0.25, 0, 0.25, 1]) { expectClose(term, expected) }
    for (row, expected) in zip(breakdown.rows, [-0.25, 0, 0.25, 0.5]) {
      expectClose(row.slope?.first, expected)
    }
    #expect(breakdown.rows.map(\.direction) == [.up, .stay, .down, .down])
    expectClose(breakdown.largestTerm, 1)
    let reading = try #require(report.reading)
    #expect(reading.focus == .element(4))
    #expect(reading.basis == .largestTerm(1))
    expectClose(reading.error, 1)
    #expect(reading.direction == .down)
  }

  @Test func aScalarTargetSpreadsOverTheVector() throws {
    let breakdown = try #require(try report(["mse([1, 3], 2)"]).breakdown)
    #expect(breakdown.rows.map(\.error) == [-1, 1])
    #expect(breakdown.rows.compactMap(\.term) == [1, 1])
  }

  @Test func everythingOnTarget() throws {
    let reading = try #require(try report(["mse([1, 2], [1, 2])"]).reading)
    #expect(reading.focus == .allOnTarget)
  }

  @Test func aLearnersLossIsReportedLikeABuiltIn() throws {
    let report = try report(["def sq(p, y) = mean((p - y)^2)", "sq([1, 2], [0, 0])"])
    #expect(report.function == "sq")
    #expect(!report.isBuiltin)
    expectClose(report.value, 2.5)
    let breakdown = try #require(report.breakdown)
    #expect(breakdown.reduction == .mean)
    #expect(breakdown.rows.compactMap(\.term) == [1, 4])
    #expect(report.reading?.focus == .element(2))
    #expect(report.notes.isEmpty)
  }

  @Test func aSummedLossSplitsIntoASum() throws {
    let breakdown = try #require(
      try report(["def sse(p, y) = sum((p - y)^2)", "sse([1, 2], [0, 0])"]).breakdown)
    #expect(breakdown.reduction == .sum)
    #expect(breakdown.rows.compactMap(\.term) == [1, 4])
  }

  @Test func extraArgumentsAreKeptWhenSplitting() throws {
    let breakdown = try #require(
      try report(["k = 3", "def wsq(p, y, k) = k * mean((p - y)^2)", "wsq([1, 2], [0, 0], k)"])
        .breakdown)
    #expect(breakdown.rows.compactMap(\.term) == [3, 12])
  }

  @Test func aLossThatDoesNotSplitShowsNoTerms() throws {
    let report = try report(["def rmse(p, y) = sqrt(mean((p - y)^2))", "rmse([1, 3], [0, 0])"])
    let breakdown = try #require(report.breakdown)
    #expect(breakdown.reduction == nil)
    #expect(breakdown.rows.allSatisfy { $0.term == nil })
    #expect(breakdown.rows.allSatisfy { $0.slope != nil })
    let reading = try #require(report.reading)
    #expect(reading.basis == .steepestSlope)
    #expect(reading.focus == .element(2))
  }

  @Test func aSlopePointingAwayFromTheTargetIsAFinding() throws {
    let report = try report(["def bad(p, y) = -mean((p - y)^2)", "bad(3, 2)"])
    #expect(report.reading?.pointsAway == true)
    #expect(report.notes.contains { $0.contains("points away") })
  }

  @Test func aOneArgumentFunctionReadsItsSlope() throws {
    let report = try report(["def f(x) = x^2", "f(3)"])
    #expect(report.target == nil)
    #expect(report.predictionName == "x")
    expectClose(report.gradient?.scalarValue, 6)
    #expect(report.reading?.error == nil)
    #expect(report.reading?.direction == .down)
  }

  @Test func aVectorValuedFunctionIsJustAValue() {
    let (_, last) = session(after: ["def g(x) = x * 2", "g([1, 2])"])
    #expect(last == [.value(name: nil, .tensor(tensor([2, 4])))])
  }

  @Test func anInfiniteLossIsExplained() throws {
    let report = try report(["def nll(p, y) = -mean(y * log(p))", "nll([0, 1], [1, 0])"])
    #expect(report.value == .infinity)
    #expect(report.notes.contains { $0.contains("log of 0") })
  }

  @Test func largeVectorsAreSummarised() throws {
    let report = try report(["mse(linspace(0, 1, 1000), 0.5)"])
    let breakdown = try #require(report.breakdown)
    #expect(breakdown.count == 1000)
    #expect(breakdown.isSummarised)
    #expect(breakdown.rows.count <= LossReportBuilder.fullTableLimit)
    #expect(breakdown.rows.first?.index == 1)
    #expect(breakdown.rows.last?.index == 1000)
    #expect(breakdown.reduction == .mean)
    expectClose(breakdown.largestTerm, 0.25)
    #expect(report.reading?.focus == .element(1))
  }

  @Test func theFocusIsAlwaysAmongTheRowsShown() throws {
    let report = try report(["p = linspace(0, 1, 100)", "p[50] = 9", "mse(p, 0.5)"])
    #expect(report.reading?.focus == .element(50))
    #expect(report.breakdown?.rows.contains { $0.index == 50 } == true)
  }

  @Test func matricesAreBrokenDownByRow() throws {
    let report = try report(["mse([[1, 2], [3, 4]], [[1, 2], [3, 5]])"])
    let breakdown = try #require(report.breakdown)
    #expect(breakdown.unit == .row)
    #expect(breakdown.count == 2)
    #expect(breakdown.reduction == .mean)
    #expect(breakdown.rows.compactMap(\.term) == [0, 0.5])
    #expect(breakdown.rows.last?.prediction == [3, 4])
    #expect(report.reading?.focus == .row(2))
  }

  /// `cce(p, 2)` is one example of class 2: one row, the probability of class 2 and its term,
  /// not the index beside every element.
  @Test func aClassIndexTargetIsOneExampleWithItsTrueClass() throws {
    let report = try report(["cce([0.2, 0.5, 0.3], 2)"])
    let breakdown = try #require(report.breakdown)
    #expect(breakdown.unit == .row)
    #expect(breakdown.count == 1)
    let row = try #require(breakdown.rows.first)
    #expect(row.target == [2])
    #expect(row.prediction == [0.2, 0.5, 0.3])
    #expect(row.trueClass == BreakdownRow.TrueClass(index: 2, probability: 0.5))
    expectClose(row.term, 0.6931471805599453)
    #expect(row.term == report.value)
    #expect(report.notes.isEmpty, "\(report.notes)")
  }

  /// `cce_logits(Z, [1, 3, 2])` has the rows, terms and slopes of its one-hot form, with each
  /// example's class and the softmax probability of it.
  @Test func classIndicesReportLikeTheirOneHotRows() throws {
    let z = "Z = [[2, 1, 0], [0, 0, 3], [1, 2, 1]]"
    let indices = try report([z, "cce_logits(Z, [1, 3, 2])"])
    let oneHot = try report([z, "cce_logits(Z, [[1, 0, 0], [0, 0, 1], [0, 1, 0]])"])
    let rows = try #require(indices.breakdown?.rows)
    let oneHotRows = try #require(oneHot.breakdown?.rows)
    #expect(indices.breakdown?.reduction == .mean)
    #expect(rows.map(\.target) == [[1], [3], [2]])
    #expect(rows.map(\.term) == oneHotRows.map(\.term))
    #expect(rows.map(\.slope) == oneHotRows.map(\.slope))
    #expect(rows.map { $0.trueClass?.index } == [1, 3, 2])
    let e = 2.718281828459045
    let softmax = [e * e / (e * e + e + 1), e * e * e / (e * e * e + 2), e * e / (e * e + 2 * e)]
    for (row, expected) in zip(rows, softmax) { expectClose(row.trueClass?.probability, expected) }
    #expect(indices.reading?.focus == oneHot.reading?.focus)
  }

  /// The clip note reads the class index as one-hot: p = 0 on a class that is not the true one
  /// is no clip to explain; on the true class it is.
  @Test func aClippedProbabilityIsOnlyTheTrueClasses() throws {
    #expect(try report(["cce([0, 0.5, 0.5], 2)"]).notes.isEmpty)
    let clipped = try report(["cce([0, 0.5, 0.5], 1)"])
    #expect(clipped.notes.contains { $0.contains("clipped") }, "\(clipped.notes)")
  }

  @Test func aLossInsideAnExpressionIsJustAValue() {
    let (_, last) = session(after: ["2 * mse(2.4, 2)"])
    #expect(last.lossReports.isEmpty)
    #expect(last.count == 1)
  }
}
