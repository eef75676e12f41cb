import LossEngine
import LossLanguage
import Testing

@testable import LossShell

@Suite("Script mode")
struct ScriptModeTests {
  @Test func scriptsHaveNoWelcomeOrGoodbye() {
    var session = ShellSession(configuration: .script)
    #expect(session.start() == [])
    #expect(session.handle(line: "quit") == [])
    #expect(session.shouldExit)
  }

  @Test func errorsCarryTheirLineNumber() throws {
    var session = ShellSession(configuration: .script)
    let events = run(["w = 1", "", "w + * 2", "p = [1,", "2, +]"], in: &session)
    let errors = events.errors
    #expect(errors.map(\.line) == [3, 4])
    #expect(session.anyLineFailed)
  }

  @Test func aCleanScriptDidNotFail() {
    var session = ShellSession(configuration: .script)
    run(["w = 1", "mse(w, 2)", "help mse", "vars"], in: &session)
    #expect(session.endOfInput() == [])
    #expect(!session.anyLineFailed)
  }

  @Test func interactiveErrorsHaveNoLineNumber() {
    var session = ShellSession()
    #expect(session.handle(line: "1 +").errors.first?.line == nil)
    #expect(session.anyLineFailed)
  }

  @Test func errorEventsAreMarked() {
    #expect(ShellEvent.error(Diagnostic(message: "x")).isError)
    #expect(!ShellEvent.notice("x").isError)
  }
}
