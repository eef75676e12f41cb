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
    interpreter.fileReader = configuration.fileReader
    if let sink = configuration.liveEvents {
      let throttle = TrainingProgressThrottle(interactive: configuration.interactive, sink: sink)
      interpreter.onTrainingProgress = { throttle.receive($0) }
    }
  }

  /// The last `train` run (for a curve, or the path over a landscape).
  public var lastTraining: TrainingRun? { interpreter.lastTraining }

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
    let events: [ShellEvent]
    switch input {
    case .line(let line): events = handle(line: line)
    case .interrupt(let partial): events = interrupt(partial: partial)
    case .endOfInput: events = endOfInput()
    }
    return configuration.outputFilter?(events) ?? events
  }

  /// The welcome screen (nothing in script mode).
  public mutating func start() -> [ShellEvent] {
    guard configuration.interactive else { return [] }
    let events: [ShellEvent] = [.welcome(welcome)]
    return configuration.outputFilter?(events) ?? events
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
        .error(Diagnostic(message: "the input ended inside an open '\(opener)'; nothing was run")))
      events = finish(events)
    }
    if !shouldExit, configuration.interactive { events += placeSavedNotice + [.goodbye] }
    shouldExit = true
    return events
  }

  /// "Your place is saved…", when leaving in the middle of a lesson (progress is saved at
  /// every step, so this only says so).
  var placeSavedNotice: [ShellEvent] {
    guard let run = self[state: ActiveLesson.self].run else { return [] }
    return [
      .notice(
        "Your place is saved: \(run.lesson.title), step \(run.stepIndex + 1) of \(run.stepCount). Type `start` next time to continue."
      )
    ]
  }

  /// Ends the session after the current input (what `quit` does).
  public mutating func requestExit() {
    shouldExit = true
  }

  // MARK: Bookkeeping

  /// Marks failures and, in script mode, numbers errors by the line their input began on.
  private mutating func finish(_ events: [ShellEvent]) -> [ShellEvent] {
    var failed = false
    let numbered = events.map { event -> ShellEvent in
      switch event {
      case .error(let report):
        failed = true
        guard !configuration.interactive, report.line == nil else { return event }
        return .error(report.numbered(statementLine))
      case .savePlot(let request) where !configuration.interactive && request.origin.line == nil:
        return .savePlot(request.numbered(statementLine))
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
}
