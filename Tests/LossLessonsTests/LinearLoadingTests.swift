import Testing

@testable import LossLessons

@Suite("Loading a lesson is linear in its size")
struct LinearLoadingTests {
  /// The reproducer of issue 7: 40,000 holes rescanned the text from its start for every hole.
  @Test func theTemplateSplitterLooksAtEachCharacterABoundedNumberOfTimes() {
    let text =
      String(repeating: "{{1}} ", count: 40_000) + "\n"
      + String(repeating: "{{ x }}\n", count: 1000)
    var splitter = TemplateSplitter(text)
    var positions = 0
    let segments = splitter.split { offset in
      positions += 1
      return SourcePosition(file: "t", line: offset.line + 1, column: offset.column + 1)
    } report: { message, _ in
      Issue.record("unexpected problem: \(message)")
    }
    #expect(segments.filter { if case .expression = $0 { true } else { false } }.count == 41_000)
    #expect(positions == 41_000)
    #expect(splitter.scalarsVisited <= 3 * text.unicodeScalars.count, "\(splitter.scalarsVisited)")
  }

  @Test func holePositionsAreExactAcrossLines() {
    var found: [String] = []
    _ = TemplateSplitter.split("a {{ x }}\nbb {{y}} {{ z }}") { offset in
      found.append("\(offset.line):\(offset.column)")
      return SourcePosition(file: "t", line: 1, column: 1)
    } report: { _, _ in
    }
    #expect(found == ["0:5", "1:5", "1:12"])
  }
}
