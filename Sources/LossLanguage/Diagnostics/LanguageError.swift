import LossEngine

/// Something wrong with what was typed: a message saying what was wrong and what was expected,
/// and the columns it refers to (nil when it concerns the whole line).
public struct LanguageError: Error, Equatable, Sendable {
  public let message: String
  public let range: SourceRange?

  public init(_ message: String, at range: SourceRange?) {
    self.message = LanguageError.shorteningLongWords(message)
    self.range = range
  }

  /// The message with every name or number longer than 40 characters cut to 37 and "…"
  /// (as ``String/quotedName`` does), so that an error about a pasted megabyte (a name, a
  /// number, `def` of a huge name) stays one short line wherever the text was quoted.
  static func shorteningLongWords(_ message: String) -> String {
    let limit = 40
    guard message.utf8.count > limit else { return message }
    var out = String.UnicodeScalarView()
    var run: [Unicode.Scalar] = []
    func flush() {
      if run.count > limit {
        out.append(contentsOf: run.prefix(limit - 3))
        out.append("…")
      } else {
        out.append(contentsOf: run)
      }
      run.removeAll(keepingCapacity: true)
    }
    for scalar in message.unicodeScalars {
      if Lexer.isIdentifierScalar(scalar) || scalar == "." {
        run.append(scalar)
      } else {
        flush()
        out.append(scalar)
      }
    }
    flush()
    return String(out)
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
    let underline =
      String(repeating: " ", count: start) + "^" + String(repeating: "~", count: width - 1)
    return [source, underline, message]
  }
}
