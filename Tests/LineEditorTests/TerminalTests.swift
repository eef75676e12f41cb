import LineEditor
import Testing

@Suite("Terminal")
struct TerminalTests {
  @Test("interactive only with both ends on a terminal and TERM not dumb")
  func interactive() {
    let term = ["TERM": "xterm"]
    #expect(
      Terminal.isInteractive(environment: term, stdinIsTerminal: true, stdoutIsTerminal: true))
    #expect(
      !Terminal.isInteractive(environment: term, stdinIsTerminal: false, stdoutIsTerminal: true))
    #expect(
      !Terminal.isInteractive(environment: term, stdinIsTerminal: true, stdoutIsTerminal: false))
    #expect(
      !Terminal.isInteractive(
        environment: ["TERM": "dumb"], stdinIsTerminal: true, stdoutIsTerminal: true))
  }

  @Test("the width is positive (80 when the tests run without a terminal)")
  func width() {
    #expect(Terminal.width > 0)
  }
}
