import LossEngine
import LossLanguage
import Testing

@testable import LossShell

@Suite("Evaluating lines")
struct EvaluationTests {
  @Test func assignmentShowsTheValueAndKeepsIt() {
    var session = ShellSession()
    let events = session.handle(line: "w = 0.35")
    #expect(events == [.value(name: "w", .tensor(Tensor(scalar: 0.35)))])
    #expect(session.scope["w"] == .tensor(Tensor(scalar: 0.35)))
  }

  @Test func expressionShowsItsValue() {
    var session = ShellSession()
    #expect(session.handle(line: "1 + 2") == [.value(name: nil, .tensor(Tensor(scalar: 3)))])
  }

  @Test func blankAndCommentLinesSayNothing() {
    var session = ShellSession()
    #expect(session.handle(line: "") == [])
    #expect(session.handle(line: "   ") == [])
    #expect(session.handle(line: "# just a note") == [])
  }

  @Test func anErrorKeepsEverythingSaved() {
    var session = ShellSession()
    run(["w = 1", "def sq(p, y) = mean((p - y)^2)"], in: &session)
    let before = session.scope
    for line in [
      "w = [1, 2] + [1, 2, 3]", "w = nothing_here", "def sq(p) = p +", "w[1] = 2", "sq(1)",
    ] {
      let events = session.handle(line: line)
      #expect(events.errors.count == 1, "\(line) should fail")
    }
    #expect(session.scope == before)
  }

  @Test func errorsCarryTheSourceAndTheCaretRange() throws {
    var session = ShellSession()
    let parse = try #require(session.handle(line: "1 + * 2").errors.first)
    #expect(parse.source == "1 + * 2")
    #expect(parse.range == SourceRange(4, 5))
    #expect(parse.line == nil)

    let shapes = try #require(session.handle(line: "mse([1, 2, 3], [1, 2])").errors.first)
    #expect(shapes.message.contains("same shape"))
    let range = try #require(shapes.range)
    #expect(range.start == 0)
    #expect(range.end == 22)
  }

  @Test func aLoneMisspeltWordSuggestsTheCommand() throws {
    var session = ShellSession()
    let error = try #require(session.handle(line: "hlep").errors.first)
    #expect(error.message.contains("did you mean the command 'help'"))
  }

  @Test func logOfZeroIsExplained() {
    var session = ShellSession()
    let events = session.handle(line: "log(0)")
    #expect(events.first == .value(name: nil, .tensor(Tensor(scalar: -.infinity))))
    #expect(events.findings.count == 1)
    #expect(events.findings.first?.contains("log of 0") == true)
    #expect(events.findings.first?.contains("clip") == true)
  }

  @Test func definitionsAreAnnounced() {
    var session = ShellSession()
    let events = session.handle(line: "def sq(p, y) = mean((p - y)^2)")
    guard case .defined(let info)? = events.first else {
      Issue.record("expected .defined, got \(events)")
      return
    }
    #expect(info.signature == "sq(p, y)")
    #expect(info.source == "def sq(p, y) = mean((p - y)^2)")
  }

  @Test(arguments: ["quitting = 1", "vars = 2", "help_me = 3", "exit_code = 4", "watcher = 5"])
  func variablesNamedLikeCommandsStayVariables(_ line: String) {
    var session = ShellSession()
    let events = session.handle(line: line)
    guard case .value(let name?, _)? = events.first else {
      Issue.record("expected an assignment, got \(events)")
      return
    }
    #expect(line.hasPrefix(name))
    #expect(!session.shouldExit)
  }

  @Test func aCommandNamedVariableCanStillBeUsedInExpressions() {
    var session = ShellSession()
    run(["history = 3"], in: &session)
    #expect(session.handle(line: "history + 1") == [.value(name: nil, .tensor(Tensor(scalar: 4)))])
    guard case .history? = session.handle(line: "history").first else {
      Issue.record("history alone is the command")
      return
    }
  }

  @Test func pythonStyleCallsOfCommandsWork() {
    var session = ShellSession()
    guard case .help(let page)? = session.handle(line: "help(mse)").first else {
      Issue.record("help(mse) should show the page")
      return
    }
    #expect(page.topic == "mse")
    _ = session.handle(line: "quit()")
    #expect(session.shouldExit)
  }
}
