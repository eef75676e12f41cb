import LossLanguage
import Testing

@testable import LossLessons

/// Filled values are data: whatever the engine computes, it never changes the structure of the
/// text it lands in (a list item, code, a table row, emphasis).
@Suite("Filled values keep the text's structure")
struct TemplateMarkupTests {
  private func template(_ pieces: [(String, Bool)]) -> LessonTemplate {
    let position = SourcePosition(file: "test.yaml", line: 1, column: 1)
    let segments = pieces.map { text, isHole -> LessonTemplate.Segment in
      isHole ? .expression(LessonExpression(text, at: position)) : .literal(text)
    }
    return LessonTemplate(
      text: pieces.map { $0.1 ? "{{ \($0.0) }}" : $0.0 }.joined(), segments: segments,
      position: position)
  }

  private func render(_ pieces: [(String, Bool)], _ setup: String = "") throws -> String {
    var interpreter = Interpreter()
    if !setup.isEmpty { _ = try interpreter.run(setup) }
    return try TemplateRenderer.render(template(pieces), in: interpreter)
  }

  @Test func aComputedNumberThenADotAtALineStartIsNotAListItem() throws {
    let text = try render(
      [("Step\n", false), ("best", true), (". You watch it.", false)], "best = 650")
    let lines = text.split(separator: "\n")
    #expect(lines.map(String.init) == ["Step", "650\\. You watch it."])
    #expect(lines.allSatisfy { !LessonMarkup.isBlock($0) })
  }

  @Test func anAuthoredListItemStaysOne() throws {
    let text = try render([("1. ", false), ("n", true), (" steps", false)], "n = 3")
    #expect(text == "1. 3 steps")
    #expect(LessonMarkup.isBlock(text))
  }

  @Test func aValueInTheMiddleOfALineIsLeftAlone() throws {
    #expect(try render([("at step ", false), ("3", true), (". Then", false)]) == "at step 3. Then")
  }

  @Test func marksInAValueAreEscapedOutsideCodeAndKeptInsideIt() throws {
    let setup = "s = \"*a* `b`\""
    #expect(try render([("say ", false), ("s", true)], setup) == "say \"\\*a\\* \\`b\\`\"")
    #expect(
      try render([("type `", false), ("s", true), ("`", false)], "s = \"*a*\"") == "type `\"*a*\"`")
  }

  @Test func aValueNeverStartsANewLine() throws {
    #expect(
      try render([("a ", false), ("s", true), (" b", false)], "s = \"x\ny\"") == "a \"x y\" b")
  }

  @Test func theWordsOfAChoiceAreTheAuthorsMarkup() throws {
    #expect(try render([("1 > 0 ? \"*yes*\" : \"no\"", true)]) == "*yes*")
  }
}
