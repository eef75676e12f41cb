import Testing

@testable import LossTerminal

@Suite("Loss reports of class-index targets")
struct ClassIndexReportTests {
  @Test("cce_logits(Z, [1, 3, 2]) shows each example's class, its probability and its term")
  func eachExampleShowsItsClassAndProbability() {
    let lines = ["Z = [[2, 1, 0], [0, 0, 3], [1, 2, 1]]", "cce_logits(Z, [1, 3, 2])"]
    let text = Renderer(style: .plain, width: 100).render(events(after: lines))
    #expect(text.contains("p(true class)"), "\(text)")
    #expect(text.contains("loss term"), "\(text)")
    // Row 2: class 3 of logits [0, 0, 3] has probability e³/(e³ + 2) = 0.9094.
    let row = text.split(separator: "\n").first { $0.hasPrefix("  ") && $0.contains("0.9094") }
    #expect(row?.contains("3") == true, "\(text)")
  }

  @Test("a narrow terminal still says the probability of the true class")
  func narrowTerminalsKeepTheProbability() {
    let text = Renderer(style: .plain, width: 30).render(
      events(after: ["cce([0.2, 0.5, 0.3], 2)"]))
    // Words wrap at 30 columns; read the text as one line.
    let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(flat.contains("target 2, p(true class) 0.5, loss term 0.6931"), "\(text)")
  }
}
