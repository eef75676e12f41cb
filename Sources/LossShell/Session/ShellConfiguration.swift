import LossLanguage

/// How a session behaves; set once by whoever starts it (the executable, a test, a lesson).
public struct ShellConfiguration: Sendable {
  /// False for scripts (piped input, `losslab run FILE`): no welcome or goodbye, and errors
  /// carry their line number.
  public var interactive: Bool
  /// Polled during long computations; return true after Ctrl-C to stop them. The caller
  /// clears its flag before handing the session the next input.
  public var isInterrupted: @Sendable () -> Bool
  /// "Where you left off", shown on the welcome screen when set.
  public var resume: String?
  /// Lesson names (ids and numbers) for completing `start` and friends.
  public var lessonNames: @Sendable () -> [String]
  /// The main prompt; the continuation prompt is as wide and ends in `...> `.
  public var prompt: String
  /// How many lines `history` keeps.
  public var historyLimit: Int
  /// How many expressions can be watched at once.
  public var watchLimit: Int
  /// Receives events while a line is still running (`train`'s progress, at a bounded rate);
  /// nil to hear nothing until the line ends.
  public var liveEvents: (@Sendable (ShellEvent) -> Void)?
  /// Reads the files `load` names; nil (tests, lessons) refuses `load` with a message.
  public var fileReader: FileReader?
  /// Rewrites everything the session says before it is returned (presenter mode's tidying);
  /// nil to leave it as it is.
  public var outputFilter: (@Sendable ([ShellEvent]) -> [ShellEvent])?

  public init(
    interactive: Bool = true, isInterrupted: @escaping @Sendable () -> Bool = { false },
    resume: String? = nil,
    lessonNames: @escaping @Sendable () -> [String] = { [] }, prompt: String = "losslab> ",
    historyLimit: Int = 1_000, watchLimit: Int = 16
  ) {
    self.interactive = interactive
    self.isInterrupted = isInterrupted
    self.resume = resume
    self.lessonNames = lessonNames
    self.prompt = prompt
    self.historyLimit = historyLimit
    self.watchLimit = watchLimit
  }

  /// For `losslab run FILE` and piped input.
  public static var script: ShellConfiguration { ShellConfiguration(interactive: false) }
}

/// One input a session can receive: what the line editor reports, in order. Recording these
/// (with timings) is enough to replay a session.
public enum ShellInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-C; `partial` is what was on the line when it was pressed (empty on an empty prompt).
  case interrupt(partial: String)
  /// Ctrl-D on an empty line, or the end of a script.
  case endOfInput
}

/// A slot for another module's state inside the session (a lesson runner's position), so the
/// session stays one value that can be copied, restored and recorded.
///
///     enum LastPlotKey: ShellStateKey { static let defaultValue: Plot? = nil }
///     session[state: LastPlotKey.self] = plot
public protocol ShellStateKey {
  associatedtype Value: Sendable
  static var defaultValue: Value { get }
}

/// Takes plain input before the language sees it, for as long as it is installed: a lesson
/// step that asks for "x, y" rather than an expression. Commands still work while it is.
public struct InputInterceptor: Sendable {
  /// Shown instead of the main prompt (`dart> `).
  public var prompt: String?
  /// Returns the events for the line, or nil to let the language evaluate it.
  public var handle: @Sendable (inout ShellSession, String) -> [ShellEvent]?

  public init(
    prompt: String? = nil, handle: @escaping @Sendable (inout ShellSession, String) -> [ShellEvent]?
  ) {
    self.prompt = prompt
    self.handle = handle
  }
}
