/// A recorded session: what was typed, when, and what LossLab showed, so it can be played back
/// and checked against the engine (`losslab replay`). Read and written by ``TranscriptCodec``;
/// the file format is described in `Recording/FORMAT.md`.
public struct Transcript: Equatable, Sendable {
  public var header: TranscriptHeader
  /// In the order they happened; times never go backwards.
  public var events: [TranscriptEvent]

  public init(header: TranscriptHeader, events: [TranscriptEvent]) {
    self.header = header
    self.events = events
  }
}

/// How to rebuild the session a transcript was recorded in.
public struct TranscriptHeader: Equatable, Sendable {
  public enum Mode: Equatable, Sendable {
    /// The shell (`losslab --record FILE`, or `record FILE` typed in it).
    case shell
    /// `losslab present LESSON --record FILE`.
    case present(lesson: String, margin: Int)
  }

  /// Columns and rows of the terminal when recording began.
  public var width: Int
  public var height: Int
  /// When recording began, in seconds since 1970 (shown by players; never used to replay).
  public var timestamp: Int?
  public var mode: Mode
  /// Whose session it was: the lessons' random data derive from it.
  public var learner: String
  /// The fixed seed of every lesson (presenter mode), or nil for the learner's own.
  public var seed: Int?
  /// False for piped input (no welcome, errors numbered by line).
  public var interactive: Bool
  /// Plain ASCII output (`--plain`, `NO_COLOR`, `TERM=dumb`) rather than colour.
  public var plain: Bool
  /// The learner's progress when the session started, as a progress file (JSON), so `start`
  /// resumes where it did; nil for none.
  public var progress: String?
  /// What was typed in the session before `record FILE`: replayed silently, never compared.
  public var prelude: [ShellInput]

  public init(
    width: Int, height: Int, timestamp: Int? = nil, mode: Mode = .shell, learner: String,
    seed: Int? = nil, interactive: Bool, plain: Bool, progress: String? = nil,
    prelude: [ShellInput] = []
  ) {
    self.width = width
    self.height = height
    self.timestamp = timestamp
    self.mode = mode
    self.learner = learner
    self.seed = seed
    self.interactive = interactive
    self.plain = plain
    self.progress = progress
    self.prelude = prelude
  }
}

/// One moment of a transcript; `time` is seconds since recording began.
public enum TranscriptEvent: Equatable, Sendable {
  /// Something the learner typed (a line, Ctrl-C, Ctrl-D).
  case input(time: Double, ShellInput)
  /// Text LossLab showed (the echoed prompt and line included), with `\n` line ends.
  case output(time: Double, String)
  /// The terminal's size changed; output after it was laid out for `width`.
  case resize(time: Double, width: Int, height: Int)

  public var time: Double {
    switch self {
    case .input(let time, _), .output(let time, _), .resize(let time, _, _): return time
    }
  }
}

/// What a transcript may hold; anything beyond is refused with a message, never trusted.
public enum TranscriptLimits {
  /// The whole file.
  public static let maximumBytes = 64 << 20
  /// Events after the header (inputs, outputs, resizes), and inputs in a prelude.
  public static let maximumEvents = 500_000
  /// Seconds from the start to any event: about 116 days.
  public static let maximumTime = 10_000_000.0
  /// A terminal's columns and rows.
  public static let sizeRange = 1...10_000
  /// Presenter margins, as `losslab present --margin` accepts them.
  public static let marginRange = 0...20
}
