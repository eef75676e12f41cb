import LossLanguage

/// Why a transcript cannot be replayed: what was wrong and on which line of the file.
public struct TranscriptError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Problem: Equatable, Sendable {
    case tooLarge(bytes: Int)
    case notUTF8
    case empty
    case notJSON(what: String)
    case notAsciicast(version: String)
    /// A header field with a value it cannot have: `expected` says what it can.
    case field(name: String, expected: String)
    case notAnEvent
    case unknownEventCode(String)
    case badTime(String)
    case timeGoesBack(from: Double, to: Double)
    case notAnInput
    case badResize(String)
    case tooManyEvents
    case progress(reason: String)
  }

  public let problem: Problem
  /// 1-based line of the file; nil for the file as a whole.
  public let line: Int?

  public init(_ problem: Problem, line: Int? = nil) {
    self.problem = problem
    self.line = line
  }

  /// "line 3: the time 1e+99 is not a number of seconds from 0 to 10000000".
  public var description: String { (line.map { "line \($0): " } ?? "") + message }

  public var message: String {
    switch problem {
    case .tooLarge:
      return
        "the file is larger than \(TranscriptLimits.maximumBytes) bytes, the most a transcript may have"
    case .notUTF8: return "the file is not UTF-8 text"
    case .empty: return "the file is empty: a transcript starts with an asciicast v2 header line"
    case .notJSON(let what):
      return "\(what) is not valid JSON (is the file cut short, or not a LossLab transcript?)"
    case .notAsciicast(let version):
      return
        "the header says version \(TranscriptEcho.shown(version)); LossLab reads asciicast version 2"
    case .field(let name, let expected):
      return "the header's \(name) must be \(expected)"
    case .notAnEvent:
      return "an event must be a JSON array [time, code, data], like [1.5, \"i\", \"mse(2, 1)\\r\"]"
    case .unknownEventCode(let code):
      return
        "unknown event code \"\(TranscriptEcho.shown(code))\" (expected \"i\", \"o\", \"r\" or \"m\")"
    case .badTime(let time):
      return
        "the time \(TranscriptEcho.shown(time)) is not a number of seconds from 0 to \(Int(TranscriptLimits.maximumTime))"
    case .timeGoesBack(let from, let to):
      return "the time goes back from \(from) to \(to) seconds"
    case .notAnInput:
      return
        "an input must be a line ending in Enter (\\r), Ctrl-C (\\u0003) after the partial line, or Ctrl-D (\\u0004)"
    case .badResize(let size):
      return
        "a resize must be \"COLUMNSxROWS\" with each from 1 to \(TranscriptLimits.sizeRange.upperBound), not \"\(TranscriptEcho.shown(size))\""
    case .tooManyEvents:
      return "more than \(TranscriptLimits.maximumEvents) events: too long a transcript to replay"
    case .progress(let reason):
      return "the header's starting progress cannot be used: \(TranscriptEcho.shown(reason))"
    }
  }
}
