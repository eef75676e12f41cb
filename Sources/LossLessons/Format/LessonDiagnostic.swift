import LossLanguage

/// One problem found in a lesson file (or between lesson files), phrased for the teacher who
/// wrote it: what was wrong, then what was expected.
public struct LessonDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// Errors make a lesson unusable; warnings are shown by `lesson check` but the lesson still runs.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var position: SourcePosition
  public var message: String
  public var severity: Severity
  /// The expression at fault with a caret under the columns, when the message is about one
  /// (laid out by the language's one `Diagnostic`, as the shell and `eval` show errors).
  public var excerpt: Diagnostic.Excerpt?

  /// A message quotes what the file holds, so its control characters are made visible here
  /// (a diagnostic is one line).
  public init(
    _ message: String, at position: SourcePosition, severity: Severity = .error,
    excerpt: Diagnostic.Excerpt? = nil
  ) {
    self.message = PrintableText.sanitized(message, keepingNewlines: false)
    self.position = position
    self.severity = severity
    self.excerpt = excerpt.map {
      Diagnostic.Excerpt(
        source: PrintableText.sanitized($0.source, keepingNewlines: false), marker: $0.marker)
    }
  }

  /// `path:line:column: message` for errors, with `warning: ` before the message for warnings;
  /// then, when there is one, the excerpt on two indented lines (the source and its caret).
  public var description: String {
    let head =
      switch severity {
      case .error: "\(position): \(message)"
      case .warning: "\(position): warning: \(message)"
      }
    guard let excerpt else { return head }
    return head + "\n    " + excerpt.source + "\n    " + excerpt.marker
  }
}

/// Every diagnostic found in one file: loading never stops at the first problem.
public struct LessonLoadFailure: Error, Sendable, Hashable, CustomStringConvertible {
  public var diagnostics: [LessonDiagnostic]

  public init(diagnostics: [LessonDiagnostic]) {
    self.diagnostics = diagnostics
  }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
