import LossEngine
import LossLanguage
import Testing

@testable import LossShell

@Suite("help")
struct HelpTests {
  @Test func helpListsCommandsAndEveryBuiltInByCategory() throws {
    var session = ShellSession()
    run(["def sq(p, y) = mean((p - y)^2)"], in: &session)
    guard case .helpIndex(let index)? = session.handle(line: "help").first else {
      Issue.record("expected the index")
      return
    }
    let commands = try #require(index.sections.first)
    #expect(commands.title == "Commands")
    #expect(
      commands.entries.map(\.name)
        == CommandRegistry.standard.all.filter { $0.group == "shell" }.map(\.name))
    #expect(
      index.sections.first { $0.title == "Commands: plots" }?.entries.map(\.name)
        == ["plot", "curve", "landscape", "scatter", "describe", "save"])
    let listed = Set(index.sections.flatMap(\.entries).map(\.name))
    for builtin in BuiltinLibrary.all {
      #expect(listed.contains(builtin.name), "\(builtin.name) missing")
    }
    #expect(index.sections.contains { $0.title == "Losses" && !$0.namesOnly })
    #expect(
      index.sections.contains { $0.title == "Your functions" && $0.entries.map(\.name) == ["sq"] })
  }

  @Test(arguments: ShellSession().helpTopics)
  func everyTopicHasAPage(_ topic: String) throws {
    var session = ShellSession()
    guard case .help(let page)? = session.handle(line: "help \(topic)").first else {
      Issue.record("no page for \(topic)")
      return
    }
    #expect(page.topic == topic)
    // The usage line shows how to type the topic itself; the example uses it.
    switch page.kind {
    case .command:
      #expect(page.usage == topic || page.usage.hasPrefix(topic + " "), "usage: \(page.usage)")
      #expect(page.example.contains { $0.hasPrefix(topic) }, "example: \(page.example)")
    case .builtin:
      #expect(page.usage.hasPrefix(topic + "("), "usage: \(page.usage)")
      #expect(page.example.contains { $0.contains(topic + "(") }, "example: \(page.example)")
    case .function, .topic:
      #expect(!page.usage.trimmed.isEmpty)
    }
    #expect(page.summary.trimmed.count > 10, "summary: \(page.summary)")
    #expect(page.summary != page.usage)
    #expect(!page.example.isEmpty)
    #expect(page.example.allSatisfy { !$0.trimmed.isEmpty })
  }

  @Test(arguments: ShellSession().helpTopics)
  func everyExampleRunsClean(_ topic: String) throws {
    let page = try #require(ShellSession().helpPage(for: topic))
    var session = ShellSession()
    // load's example needs a file: LoadExampleTests runs it with one.
    guard BuiltinLibrary.named(topic)?.readsFiles != true else { return }
    for line in page.example {
      let events = session.handle(line: line)
      #expect(events.errors.isEmpty, "help \(topic): '\(line)' gave \(events.errors)")
      #expect(!events.contains { if case .interrupted = $0 { return true } else { return false } })
    }
    #expect(!session.isContinuing, "help \(topic): the example leaves a bracket open")
  }

  @Test func builtInPagesShowTheExampleResult() throws {
    let page = try #require(ShellSession().helpPage(for: "mse"))
    #expect(page.kind == .builtin(category: "losses"))
    #expect(page.usage == "mse(p, y)")
    #expect(page.exampleResult == ["0.375"])
  }

  /// `x, y = sine()` assigns two names: the page shows both, not only the last.
  @Test func examplesThatAssignSeveralNamesShowEachOne() throws {
    for topic in ["sine", "imbalanced", "houses"] {
      let page = try #require(ShellSession().helpPage(for: topic))
      let builtin = try #require(BuiltinLibrary.named(topic))
      let names = builtin.example.prefix { $0 != "=" }.split(separator: ",").map {
        String($0).trimmed
      }
      #expect(page.exampleResult.count == names.count, "\(topic): \(page.exampleResult)")
      for (line, name) in zip(page.exampleResult, names) {
        #expect(line.hasPrefix(name + " = ["), "\(topic): \(line)")
      }
    }
  }

  @Test func helpDataListsEveryDatasetAndLoad() throws {
    var session = ShellSession()
    guard case .help(let page)? = session.handle(line: "help data").first else {
      Issue.record("no help for data")
      return
    }
    for name in [
      "houses(", "spam(", "imbalanced(", "sine(", "blobs(", "iris(", "breast_cancer(", "load(",
      "split(",
    ] {
      #expect(page.details.contains { $0.contains(name) }, "help data mentions \(name)")
    }
    #expect(page.exampleResult.count == 2, "x_train and x_val: \(page.exampleResult)")
  }

  @Test func loadsExampleRunsWithAFile() throws {
    var configuration = ShellConfiguration()
    configuration.fileReader = FileReader { path, _ throws(FileReader.Failure) in
      guard path == "prices.csv" else { throw .notFound }
      return Array("size,price\n50,100\n60,120\n".utf8)
    }
    var session = ShellSession(configuration: configuration)
    let page = try #require(session.helpPage(for: "load"))
    #expect(page.exampleResult.isEmpty, "not run when the page is made")
    for line in page.example {
      #expect(session.handle(line: line).errors.isEmpty, "\(line)")
    }
  }

  @Test func aLearnersFunctionHasAPage() throws {
    var session = ShellSession()
    run(["def sq(p, y) = mean((p - y)^2)"], in: &session)
    let page = try #require(session.helpPage(for: "sq"))
    #expect(page.kind == .function)
    #expect(page.summary.contains("def sq(p, y) = mean((p - y)^2)"))
  }

  @Test func anUnknownTopicSuggestsTheClosest() throws {
    var session = ShellSession()
    let error = try #require(session.handle(line: "help sigmod").errors.first)
    #expect(error.message.contains("did you mean 'sigmoid'"))
    #expect(error.range == SourceRange(5, 11))
    run(["w = 1"], in: &session)
    #expect(session.handle(line: "help w").errors.first?.message.contains("your variables") == true)
  }
}

@Suite("vars, reset, history, quit")
struct CommandTests {
  @Test func varsListsVariablesFunctionsAndWatches() {
    var session = ShellSession()
    #expect(session.handle(line: "vars").notices.count == 1)
    run(["w = 0.5", "p = [1, 2]", "def sq(p, y) = mean((p - y)^2)", "watch w^2"], in: &session)
    guard case .variables(let listing)? = session.handle(line: "vars").first else {
      Issue.record("expected a listing")
      return
    }
    #expect(listing.variables.map(\.name) == ["p", "w"])
    #expect(listing.variables.first?.value == .tensor(tensor([1, 2])))
    #expect(listing.functions.map(\.source) == ["def sq(p, y) = mean((p - y)^2)"])
    #expect(listing.watches == ["w^2"])
  }

  @Test func resetForgetsEverything() {
    var session = ShellSession()
    #expect(session.handle(line: "reset").notices.first?.contains("nothing to forget") == true)
    run(["w = 0.5", "p = [1, 2]", "def sq(p, y) = mean((p - y)^2)"], in: &session)
    #expect(
      session.handle(line: "reset").notices == [
        "forgot 2 variables, 1 function; you are starting afresh"
      ])
    #expect(session.scope == Scope())
  }

  @Test func historyListsTheLinesTyped() {
    var session = ShellSession()
    run(["w = 1", "", "p = [1,", "2]"], in: &session)
    #expect(
      session.handle(line: "history") == [
        .history(firstNumber: 1, lines: ["w = 1", "p = [1,", "2]", "history"])
      ])
  }

  @Test func historyKeepsTheNewestLines() {
    var session = ShellSession(configuration: ShellConfiguration(historyLimit: 3))
    run(["1", "2", "3", "4"], in: &session)
    #expect(
      session.handle(line: "history") == [.history(firstNumber: 3, lines: ["3", "4", "history"])])
  }

  @Test(arguments: ["quit", "exit", "  quit  ", ":quit"])
  func quitEndsTheSession(_ line: String) {
    var session = ShellSession()
    #expect(session.handle(line: line) == [.goodbye])
    #expect(session.shouldExit)
    #expect(session.handle(line: "1 + 1") == [])
    #expect(session.endOfInput() == [])
  }

  @Test func endOfInputSaysGoodbyeOnce() {
    var session = ShellSession()
    #expect(session.endOfInput() == [.goodbye])
    #expect(session.shouldExit)
  }
}

@Suite("Extending the shell")
struct ExtensionTests {
  enum CounterKey: ShellStateKey { static let defaultValue = 0 }

  /// A command as the lessons module would register it.
  static let lessons = ShellCommand(
    name: "lessons", summary: "the course", example: "lessons", group: "lessons"
  ) { session, _ in
    session[state: CounterKey.self] += 1
    return [.notice("lesson menu \(session[state: CounterKey.self])")]
  }

  static let start = ShellCommand(
    name: "start", arguments: "LESSON", summary: "start a lesson", example: "start 1",
    group: "lessons",
    completion: .lessonNames
  ) { session, input in
    session.interceptor = InputInterceptor(prompt: "dart> ") { session, line in
      line.contains(",") ? [.notice("thrown at \(line)")] : nil
    }
    return [.notice("started \(input.argument)")]
  }

  @Test func registeredCommandsRunAndKeepTheirState() {
    var registry = CommandRegistry.standard
    registry.register(Self.lessons)
    var session = ShellSession(commands: registry)
    #expect(session.handle(line: "lessons").notices == ["lesson menu 1"])
    #expect(session.handle(line: "lessons").notices == ["lesson menu 2"])
    #expect(session[state: CounterKey.self] == 2)
  }

  @Test func registeredCommandsAppearInHelpAndTheWelcome() throws {
    var session = ShellSession()
    session.commands.register(Self.lessons)
    session.commands.register(Self.start)
    guard case .welcome(let welcome)? = session.start().first else {
      Issue.record("expected a welcome")
      return
    }
    #expect(welcome.suggestions.map(\.input).prefix(2) == ["lessons", "start 1"])
    #expect(session.helpIndex.sections.contains { $0.title == "Commands: lessons" })
    #expect(session.helpPage(for: "start")?.kind == .command(group: "lessons"))
  }

  @Test func theWelcomeWithoutLessonsOffersAFirstLoss() throws {
    var session = ShellSession(
      configuration: ShellConfiguration(resume: "You were on lesson 2, step 3."))
    guard case .welcome(let welcome)? = session.start().first else {
      Issue.record("expected a welcome")
      return
    }
    #expect(welcome.resume == "You were on lesson 2, step 3.")
    #expect(welcome.suggestions.map(\.input) == ["mse([2.5, 5], [3, 5])", "help", "quit"])
    let first = try #require(welcome.suggestions.first)
    #expect(session.handle(line: first.input).lossReports.count == 1)
  }

  @Test func anInterceptorTakesPlainInputButNotCommands() {
    var session = ShellSession()
    session.commands.register(Self.start)
    run(["start 1"], in: &session)
    #expect(session.prompt == "dart> ")
    #expect(session.continuationPrompt == " ...> ")
    #expect(session.handle(line: "0, 0").notices == ["thrown at 0, 0"])
    #expect(session.handle(line: "1 + 1") == [.value(name: nil, .tensor(Tensor(scalar: 2)))])
    guard case .helpIndex? = session.handle(line: "help").first else {
      Issue.record("commands still work")
      return
    }
  }

  @Test func aCommandCanBeReplacedOrRemoved() {
    var session = ShellSession()
    session.commands.register(
      ShellCommand(name: "vars", summary: "replaced", example: "vars") { _, _ in [.notice("mine")] }
    )
    #expect(session.handle(line: "vars").notices == ["mine"])
    session.commands.remove(named: "vars")
    #expect(session.handle(line: "vars").errors.count == 1)
  }
}
