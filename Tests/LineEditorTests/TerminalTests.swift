import LineEditor
import Testing

@Suite("Terminal")
struct TerminalTests {
  @Test("colour on a terminal with an ordinary TERM")
  func colourByDefault() {
    #expect(
      Terminal.colorEnabled(
        plainFlag: false, environment: ["TERM": "xterm-256color"], stdoutIsTerminal: true))
  }

  @Test(
    "no colour with --plain, NO_COLOR (any value), TERM=dumb, or stdout not a terminal",
    arguments: [
      (true, ["TERM": "xterm"], true),
      (false, ["TERM": "xterm", "NO_COLOR": "1"], true),
      (false, ["TERM": "xterm", "NO_COLOR": ""], true),
      (false, ["TERM": "dumb"], true),
      (false, ["TERM": "xterm"], false),
    ])
  func noColour(plain: Bool, environment: [String: String], stdoutIsTerminal: Bool) {
    #expect(
      !Terminal.colorEnabled(
        plainFlag: plain, environment: environment, stdoutIsTerminal: stdoutIsTerminal))
  }

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
