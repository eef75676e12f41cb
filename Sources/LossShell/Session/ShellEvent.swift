import LossEngine
import LossLanguage
import LossLessons
import LossPlots

/// One thing the session has to say. The session only produces these; a renderer
/// (`LossTerminal`) turns them into text, and a recorder can store them as they are.
///
/// Events carry data, not prose, wherever the wording depends on the output (colour, width,
/// arrows or words): the renderer writes the sentences.
public enum ShellEvent: Equatable, Sendable {
  /// The screen shown on start (interactive sessions only).
  case welcome(Welcome)
  /// A value: an expression's (`name == nil`) or one just assigned (`w = 0.35`).
  case value(name: String?, Value)
  /// A top-level loss call: value, gradient and how to read them.
  case lossReport(LossReport)
  /// `def name(…) = …` succeeded.
  case defined(FunctionInfo)
  /// A watched expression, re-evaluated after an assignment (or when first watched).
  case watchUpdate(WatchReport)
  /// `watch` alone: every watched expression with its current value.
  case watchList([WatchReport])
  /// Something that stopped a line; nothing the learner saved was changed.
  case error(Diagnostic)
  /// An observation about a result that is not an error (where an `inf` came from, a loss
  /// whose slope points away from the target).
  case finding(String)
  /// `help TOPIC`.
  case help(HelpPage)
  /// `help`: every command and built-in, grouped.
  case helpIndex(HelpIndex)
  /// `vars`.
  case variables(VariablesListing)
  /// `history`: the lines typed in this session, oldest first, numbered from `firstNumber`.
  case history(firstNumber: Int, lines: [String])
  /// A short confirmation or piece of advice (`reset`, `unwatch`, how to quit).
  case notice(String)
  /// A computation or an unfinished input was stopped by Ctrl-C.
  case interrupted(String)
  /// The session ends (interactive sessions only).
  case goodbye
  /// Something a running lesson says (see `LossLessons.LessonEvent`).
  case lesson(LessonEvent)
  /// The course menu.
  case lessonMenu(LessonMenu)
  /// A picture (`plot`, `curve`, `landscape`, `scatter`, or a watched one redrawn).
  case plot(Plot)
  /// `describe`: the last plot in words.
  case plotText([String])
  /// `save FILE`: the caller writes the last plot (files are written outside the session) and
  /// says how it went.
  case savePlot(SaveRequest)
  /// `record FILE` or `record stop`: the caller opens or closes the transcript and says how
  /// it went.
  case record(RecordRequest)
  /// While `train` runs (sent through ``ShellConfiguration/liveEvents``, at a bounded rate):
  /// the step just done and the curve so far. The terminal redraws one frame in place; a
  /// script or a plain terminal prints one line.
  case trainingProgress(TrainingProgress, curve: TrainingCurveSoFar)
  /// A `train` finished: its curve, path and why it stopped.
  case trained(TrainingRun)
  /// A `step(...)`: the learning loop's numbers.
  case stepped(StepReport)

  /// True for an error or an interruption: the rest of a `a; b` line is not run.
  public var stopsALine: Bool {
    switch self {
    case .error, .interrupted: return true
    default: return false
    }
  }

  /// True for events a script runner should send to standard error.
  public var isError: Bool {
    if case .error = self { return true }
    return false
  }
}

/// A learner's function, as `vars` and `def` show it.
public struct FunctionInfo: Equatable, Sendable {
  public let name: String
  public let parameters: [String]
  /// The definition as typed: `def sq(p, y) = mean((p - y)^2)`.
  public let source: String

  public init(_ function: UserFunction) {
    name = function.name
    parameters = function.parameters
    source = function.source
  }

  /// `sq(p, y)`.
  public var signature: String { "\(name)(\(parameters.joined(separator: ", ")))" }
}

/// A name and its value, for listings.
public struct NamedValue: Equatable, Sendable {
  public let name: String
  public let value: Value
}

/// What `vars` shows.
public struct VariablesListing: Equatable, Sendable {
  public let variables: [NamedValue]
  public let functions: [FunctionInfo]
  /// The watched expressions' sources, in watch order.
  public let watches: [String]

  public var isEmpty: Bool { variables.isEmpty && functions.isEmpty && watches.isEmpty }
}

/// What `save FILE.svg`, `save FILE.txt` or `save FILE.md` asks the caller to write.
public struct SaveRequest: Equatable, Sendable {
  public enum Format: Equatable, Sendable {
    /// A standalone SVG document (``SVGWriter``).
    case svg
    /// The plain-text picture and its text alternative.
    case text
    /// The course notes, one page of Markdown (``CourseNotes``); no plot needed.
    case notes
  }

  /// The last plot, for `.svg` and `.text`.
  public let plot: Plot?
  public let path: String
  public let format: Format
  /// Where the command was typed, so that a write that fails later points at the file name
  /// (and, in a script, at its line) like any other error.
  public let origin: Diagnostic

  public init(
    plot: Plot?, path: String, format: Format, origin: Diagnostic = Diagnostic(message: "")
  ) {
    self.plot = plot
    self.path = path
    self.format = format
    self.origin = origin
  }

  /// The same request numbered by a script line.
  func numbered(_ line: Int) -> SaveRequest {
    SaveRequest(plot: plot, path: path, format: format, origin: origin.numbered(line))
  }

  /// An error about this save, located where it was typed.
  public func failure(_ message: String) -> Diagnostic {
    Diagnostic(message: message, source: origin.source, range: origin.range, line: origin.line)
  }
}
