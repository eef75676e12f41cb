import LineEditor
import Testing

@Suite("ScriptedLineSource")
struct ScriptedLineSourceTests {
  @Test("replays its events in order, then reports end of input")
  func replaysThenEOF() {
    var source = ScriptedLineSource([.line("mse(p, y)"), .interrupt, .line(""), .eof])
    #expect(source.next(prompt: "> ") == .line("mse(p, y)"))
    #expect(source.next(prompt: "> ") == .interrupt)
    #expect(source.next(prompt: "... ") == .line(""))
    #expect(source.next(prompt: "> ") == .eof)
    #expect(source.next(prompt: "> ") == .eof)
    #expect(source.prompts == ["> ", "> ", "... ", "> ", "> "])
  }

  @Test("a script of plain lines, and close is recorded")
  func linesAndClose() {
    var source = ScriptedLineSource(lines: ["a", "b"])
    #expect(source.next(prompt: "") == .line("a"))
    #expect(source.next(prompt: "") == .line("b"))
    #expect(source.next(prompt: "") == .eof)
    #expect(source.closeCount == 0)
    source.close()
    #expect(source.closeCount == 1)
  }

  @Test("works through the protocol, as the shell will use it")
  func asExistential() {
    var source: any LineSource = ScriptedLineSource(lines: ["x"])
    #expect(source.next(prompt: "> ") == .line("x"))
    #expect(source.next(prompt: "> ") == .eof)
    source.close()
  }
}
