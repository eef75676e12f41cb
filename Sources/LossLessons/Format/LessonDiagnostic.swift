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

  /// A message quotes what the file holds, so its control characters are made visible here
  /// (a diagnostic is one line).
  public init(_ message: String, at position: SourcePosition, severity: Severity = .error) {
    self.message = PrintableText.sanitized(message, keepingNewlines: false)
    self.position = position
    self.severity = severity
  }

  /// `path:line:column: message` for errors, with `warning: ` before the message for warnings.
  public var description: String {
    switch severity {
    case .error: "\(position): \(message)"
    case .warning: "\(position): warning: \(message)"
    }
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
