import LineEditor
import Testing

@Suite("Terminal")
struct TerminalTests {
  @Test("the line editor drives every terminal but a dumb one")
  func lineEditing() {
    #expect(Terminal.canEditLines(environment: ["TERM": "xterm-256color"]))
    #expect(Terminal.canEditLines(environment: [:]))
    #expect(!Terminal.canEditLines(environment: ["TERM": "dumb"]))
  }

  @Test("the width is positive (80 when the tests run without a terminal)")
  func width() {
    #expect(Terminal.width > 0)
  }
}
