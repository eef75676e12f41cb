import LossEngine
import LossLanguage

/// The shell's logic: one input in, output events out. No terminal, no I/O.
///
///     var session = ShellSession()
///     session.start()                          // [.welcome(…)]
///     session.handle(line: "mse([1, 2], [1.5, 2])")  // [.lossReport(…)]
///
/// A line whose first word is a command (`help`, `watch`, …) runs that command; any other
/// line goes to the language. Errors never change what the learner saved: the interpreter only
/// updates its scope when a line succeeds. The session is a value: copying it is a snapshot.
public struct ShellSession: Sendable {
  public let configuration: ShellConfiguration
  /// The commands this session knows; register more (lessons) before or during the session.
  public var commands: CommandRegistry
  /// Takes plain input before the language, while set (a lesson step's own prompt).
  public var interceptor: InputInterceptor?
  /// True after `quit` or the end of input: the caller stops reading.
  public private(set) var shouldExit = false
  /// True once any input failed (a script's exit status).
  public private(set) var anyLineFailed = false
  /// The lines typed this session, oldest first, at most ``ShellConfiguration/historyLimit``.
  public private(set) var history: [String] = []
  /// The number of `history`'s first line (older lines have been dropped).
  public private(set) var historyStart = 1
  /// The watched expressions, in the order they were added.
  public internal(set) var watches: [Watch] = []

  var interpreter: Interpreter
  var buffer = InputBuffer()
  private var lineNumber = 0
  private var statementLine = 1
  private var emptyInterrupts = 0
  private var state: [ObjectIdentifier: any Sendable] = [:]

  public init(
    configuration: ShellConfiguration = ShellConfiguration(), commands: CommandRegistry = .standard
  ) {
    self.configuration = configuration
    self.commands = commands
    self.interpreter = Interpreter(isInterrupted: configuration.isInterrupted)
  }

  /// The learner's variables and functions.
  public var scope: Scope {
    get { interpreter.scope }
    set { interpreter.scope = newValue }
  }

  /// True while brackets are open and more lines are awaited.
  public var isContinuing: Bool { !buffer.isEmpty }

  /// What to show before the next line.
  public var prompt: String {
    isContinuing ? continuationPrompt : (interceptor?.prompt ?? configuration.prompt)
  }

  /// `...> `, as wide as the main prompt so continued lines line up.
  public var continuationPrompt: String {
    let width = (interceptor?.prompt ?? configuration.prompt).count
    return String(repeating: " ", count: max(0, width - 5)) + "...> "
  }

  /// Another module's state kept in the session (see ``ShellStateKey``).
  public subscript<Key: ShellStateKey>(state key: Key.Type) -> Key.Value {
    get { (state[ObjectIdentifier(key)] as? Key.Value) ?? Key.defaultValue }
    set { state[ObjectIdentifier(key)] = newValue }
  }

  // MARK: Inputs

  /// Handles any input; the single entry point a recorder needs.
  public mutating func receive(_ input: ShellInput) -> [ShellEvent] {
    switch input {
    case .line(let line): return handle(line: line)
    case .interrupt(let partial): return interrupt(partial: partial)
    case .endOfInput: return endOfInput()
    }
  }

  /// The welcome screen (nothing in script mode).
  public mutating func start() -> [ShellEvent] {
    guard configuration.interactive else { return [] }
    return [.welcome(welcome)]
  }

  /// One line as typed. Returns nothing while brackets are still open.
  public mutating func handle(line: String) -> [ShellEvent] {
    guard !shouldExit else { return [] }
    lineNumber += 1
    emptyInterrupts = 0
    if buffer.isEmpty { statementLine = lineNumber }
    remember(line)
    switch buffer.append(line, limit: Lexer.maxLineLength) {
    case .incomplete(let opener):
      guard configuration.interactive, line.allSatisfy(\.isWhitespace) else { return [] }
      let closer = opener == "[" ? "]" : ")"
      return [
        .notice(
          "still inside an open '\(opener)': type the rest and '\(closer)', or press Ctrl-C to start over"
        )
      ]
    case .complete(let text):
      return finish(dispatch(text))
    }
  }

  /// Ctrl-C at the prompt. Clears an unfinished multi-line input; a second press on an empty
  /// prompt says how to leave (Ctrl-C itself never ends the session).
  public mutating func interrupt(partial: String = "") -> [ShellEvent] {
    if !buffer.isEmpty {
      buffer.clear()
      emptyInterrupts = 0
      return [.interrupted("cancelled the unfinished input; nothing was run")]
    }
    guard partial.allSatisfy(\.isWhitespace) else {
      emptyInterrupts = 0
      return []
    }
    emptyInterrupts += 1
    return emptyInterrupts >= 2 ? [.notice("press Ctrl-D or type quit to leave")] : []
  }

  /// Ctrl-D, or the end of a script.
  public mutating func endOfInput() -> [ShellEvent] {
    var events: [ShellEvent] = []
    if let opener = buffer.innermostOpener {
      buffer.clear()
      events.append(
        .error(ErrorReport(message: "the input ended inside an open '\(opener)'; nothing was run")))
      events = finish(events)
    }
    if !shouldExit, configuration.interactive { events.append(.goodbye) }
    shouldExit = true
    return events
  }

  /// Ends the session after the current input (what `quit` does).
  public mutating func requestExit() {
    shouldExit = true
  }

  // MARK: Dispatch

  private mutating func dispatch(_ text: String) -> [ShellEvent] {
    if text.allSatisfy(\.isWhitespace) {
      // A plain Enter means something to a running lesson ("go on").
      if let handle = interceptor?.handle, let events = handle(&self, text) { return events }
      return []
    }
    if let (command, invocation) = commandInvocation(in: text) {
      let run = command.run
      return run(&self, invocation)
    }
    if let handle = interceptor?.handle, let events = handle(&self, text) { return events }
    return evaluate(text)
  }

  /// Marks failures and, in script mode, numbers errors by the line their input began on.
  private mutating func finish(_ events: [ShellEvent]) -> [ShellEvent] {
    var failed = false
    let numbered = events.map { event -> ShellEvent in
      switch event {
      case .error(let report):
        failed = true
        guard !configuration.interactive, report.line == nil else { return event }
        return .error(
          ErrorReport(
            message: report.message, source: report.source, range: report.range, line: statementLine
          ))
      case .interrupted:
        failed = true
        return event
      default:
        return event
      }
    }
    if failed { anyLineFailed = true }
    return numbered
  }

  private mutating func remember(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace) else { return }
    history.append(line)
    let excess = history.count - max(1, configuration.historyLimit)
    if excess > 0 {
      history.removeFirst(excess)
      historyStart += excess
    }
  }

  /// The command a line invokes, if its first word names one. `quitting = 1`, `vars = 2` and
  /// calls of the learner's functions stay with the language; `help(mse)` and `quit()` are
  /// accepted as commands for learners used to Python.
  func commandInvocation(in text: String) -> (ShellCommand, CommandInvocation)? {
    let scalars = Array(text.unicodeScalars)
    guard let (name, i) = Identifier.leadingWord(in: scalars),
      let command = commands.command(named: name)
    else { return nil }
    var j = i
    while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
    let next = j < scalars.count ? scalars[j] : nil
    let after = j + 1 < scalars.count ? scalars[j + 1] : nil
    if next == "=", after != "=" { return nil }
    var argumentStart = j
    var argumentEnd = scalars.count
    // A comment after a command is not part of its argument (`watch w^2  # the loss`).
    var inString = false
    for k in j..<scalars.count {
      if scalars[k] == "\"" { inString.toggle() }
      if scalars[k] == "#", !inString {
        argumentEnd = k
        break
      }
    }
    if next == "(" {
      if scope.functions[name] != nil { return nil }
      while argumentEnd > j, scalars[argumentEnd - 1] == " " || scalars[argumentEnd - 1] == "\t" {
        argumentEnd -= 1
      }
      guard argumentEnd > j, scalars[argumentEnd - 1] == ")" else { return nil }
      argumentStart = j + 1
      argumentEnd -= 1
    } else if let next, scope[name] != nil, "[+-*/^@<>!=".unicodeScalars.contains(next) {
      return nil
    }
    while argumentStart < argumentEnd, scalars[argumentStart] == " " { argumentStart += 1 }
    while argumentEnd > argumentStart,
      scalars[argumentEnd - 1] == " " || scalars[argumentEnd - 1] == "\t"
    {
      argumentEnd -= 1
    }
    let argument = String(String.UnicodeScalarView(scalars[argumentStart..<argumentEnd]))
    return (
      command,
      CommandInvocation(name: name, argument: argument, argumentColumn: argumentStart, source: text)
    )
  }

  // MARK: The language

  /// Runs one line of the language with everything the shell adds: loss reports, findings
  /// and watch updates. Commands and lesson steps use it to evaluate on the learner's behalf.
  public mutating func evaluate(_ source: String) -> [ShellEvent] {
    let statement: Statement?
    let outcome: Outcome
    do {
      statement = try Parser.parse(source)
      guard let statement else { return [] }
      outcome = try interpreter.run(statement, source: source)
    } catch {
      return failure(error, source: source)
    }
    switch (outcome, statement) {
    case (.nothing, _):
      return []
    case (.value(let value, let loss?), .expression(let expression)?):
      if case .call(_, let arguments, _, _) = expression,
        let report = LossReportBuilder(
          interpreter: interpreter, call: loss, arguments: arguments, source: source,
          expression: expression
        ).build(value: value)
      {
        return [.lossReport(report)] + interruptionNotice()
      }
      return [.value(name: nil, value)] + findings(for: value, from: expression)
    case (.value(let value, _), .expression(let expression)?):
      return [.value(name: nil, value)] + findings(for: value, from: expression)
    case (.assigned(let name, let value), .assignment(_, _, _, let expression)?):
      return [.value(name: name, value)] + findings(for: value, from: expression)
        + variablesChanged([name])
    case (.assigned(let name, let value), _):
      return [.value(name: name, value)] + variablesChanged([name])
    case (.defined(let function), _):
      return [.defined(FunctionInfo(function))] + variablesChanged([function.name])
    case (.value(let value, _), _):
      return [.value(name: nil, value)]
    }
  }

  private func findings(for value: Value, from expression: Expression) -> [ShellEvent] {
    guard let tensor = value.tensor,
      let note = NonFiniteExplainer.explain(
        [tensor], subject: "the result", expression: expression, scope: scope)
    else { return [] }
    return [.finding(note)]
  }

  private func interruptionNotice() -> [ShellEvent] {
    configuration.isInterrupted()
      ? [.interrupted("interrupted: the rest of the explanation was skipped")] : []
  }

  /// An error event, or an interruption notice when Ctrl-C stopped the computation.
  func failure(_ error: LanguageError, source: String) -> [ShellEvent] {
    if configuration.isInterrupted() || error.isInterruption {
      return [.interrupted("interrupted: the computation was stopped; nothing was changed")]
    }
    var error = error
    // A lone misspelt word is more likely a command than a variable: suggest the command.
    if case .unknownName = error.problem, error.context.isEmpty,
      let word = Identifier.single(in: source),
      let command = Suggestions.closest(to: word, among: commands.names)
    {
      error.problem = .unknownNameLikeCommand(word, command: command)
    }
    return [.error(ErrorReport(message: error.message, source: source, range: error.range))]
  }

  // MARK: Welcome

  private var welcome: Welcome {
    var suggestions: [Welcome.Suggestion] = []
    if commands.command(named: "lessons") != nil {
      suggestions.append(.init("lessons", "see the course"))
    }
    if commands.command(named: "start") != nil {
      suggestions.append(.init("start 1", "begin the first lesson"))
    }
    if suggestions.isEmpty {
      suggestions.append(.init("mse([2.5, 5], [3, 5])", "compute a loss and see its gradient"))
    }
    suggestions.append(.init("help", "everything you can type"))
    suggestions.append(.init("quit", "leave (Ctrl-D works too)"))
    return Welcome(
      title: "LossLab — learn loss functions by doing them.",
      paragraph:
        "A loss function measures how wrong a prediction is. Here you'll throw darts, play hot-and-cold, "
        + "drive by GPS and train tiny models, and the engine will show you every loss and every gradient.",
      resume: configuration.resume, suggestions: suggestions)
  }
}
