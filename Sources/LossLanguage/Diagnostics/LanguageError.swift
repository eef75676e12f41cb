import LossEngine

/// Something wrong with what was typed: a message saying what was wrong and what was expected,
/// and the columns it refers to (nil when it concerns the whole line).
public struct LanguageError: Error, Equatable, Sendable {
  public let message: String
  public let range: SourceRange?

  public init(_ message: String, at range: SourceRange?) {
    self.message = message
    self.range = range
  }

  init(_ error: EngineError, at range: SourceRange?) {
    self.init(error.message, at: range)
  }

  /// One line, for scripts and JSON: `message (column N)`.
  public var oneLine: String {
    guard let range else { return message }
    return "\(message) (column \(range.column))"
  }

  /// The offending line with a caret under the columns, then the message:
  ///
  ///     mse([1, 2, 3], [1, 2])
  ///     ^~~~~~~~~~~~~~~~~~~~~~
  ///     mse expects p and y of the same shape, got [3] and [2]
  public func caretLines(source: String) -> [String] {
    guard let range else { return [message] }
    let length = source.unicodeScalars.count
    let start = min(range.start, length)
    let width = max(1, min(range.end, length + 1) - start)
    let underline = String(repeating: " ", count: start) + "^" + String(repeating: "~", count: width - 1)
    return [source, underline, message]
  }
}
