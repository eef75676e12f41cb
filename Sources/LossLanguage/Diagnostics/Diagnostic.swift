/// An error as every command shows it, laid out in one place: the source (a window of it when
/// it is wider than the room), a marker under the columns, and the labelled message:
///
///       mse([1, 2, 3], [1, 2])
///       ^~~~~~~~~~~~~~~~~~~~~~
///     error: mse expects p and y of the same shape, got [3] and [2]
///
/// Pure text: the shell's renderer adds colour and wrapping, `losslab eval` and `run` print it
/// to standard error, JSON output uses ``oneLine``.
public struct Diagnostic: Equatable, Sendable {
  public let message: String
  /// The text the range refers to (the whole input, joined when it spanned several lines).
  public let source: String?
  public let range: SourceRange?
  /// The 1-based line number in a script (where the statement began); nil interactively.
  public let line: Int?

  public init(message: String, source: String? = nil, range: SourceRange? = nil, line: Int? = nil) {
    self.message = message
    self.source = source
    self.range = range
    self.line = line
  }

  public init(_ error: LanguageError, source: String?, line: Int? = nil) {
    self.init(message: error.message, source: source, range: error.range, line: line)
  }

  /// The same diagnostic numbered by a script line.
  public func numbered(_ line: Int?) -> Diagnostic {
    Diagnostic(message: message, source: source, range: range, line: line)
  }

  /// `error: ` or `error on line 3: `, before the message.
  public var label: String { line.map { "error on line \($0): " } ?? "error: " }

  /// One line without the source, for JSON and logs: `message (column N)`.
  public var oneLine: String {
    guard let range else { return message }
    return "\(message) (column \(range.column))"
  }

  /// The shown part of the source and the marker line under it.
  public struct Excerpt: Hashable, Sendable {
    public let source: String
    public let marker: String

    public init(source: String, marker: String) {
      self.source = source
      self.marker = marker
    }
  }

  /// The part of the source that fits in `room` columns around the range, cut with
  /// `ellipsis` on either side, and `^~~~` under the range; nil without a source or range.
  /// Columns are Unicode scalars, as the lexer counts them.
  public func excerpt(room: Int, ellipsis: String = "…") -> Excerpt? {
    guard let source, let range, !source.isEmpty else { return nil }
    let scalars = Array(source.unicodeScalars)
    let start = min(max(0, range.start), scalars.count)
    let end = min(max(start + 1, range.end), scalars.count + 1)
    let cut = ellipsis.unicodeScalars.count
    var from = 0
    var to = scalars.count
    if scalars.count > room {
      let usable = max(4, room - 2 * cut)
      from = max(0, min(start - usable / 4, scalars.count - usable))
      to = min(scalars.count, from + usable)
    }
    var shown = String(String.UnicodeScalarView(scalars[from..<to]))
    var offset = start - from
    if from > 0 {
      shown = ellipsis + shown
      offset += cut
    }
    if to < scalars.count { shown += ellipsis }
    let visibleEnd = min(end, to + 1) - from + (from > 0 ? cut : 0)
    let length = max(1, visibleEnd - offset)
    let marker =
      String(repeating: " ", count: max(0, offset)) + "^"
      + String(repeating: "~", count: length - 1)
    return Excerpt(source: shown, marker: marker)
  }

  /// The whole diagnostic as plain lines, the excerpt indented by two spaces.
  public func lines(room: Int, ellipsis: String = "…") -> [String] {
    var lines: [String] = []
    if let excerpt = excerpt(room: room - 2, ellipsis: ellipsis) {
      lines += ["  " + excerpt.source, "  " + excerpt.marker]
    }
    return lines + [label + message]
  }
}
