import LossLanguage

/// Where something sits in a lesson file, so every diagnostic and every expression error can
/// point a teacher at `path:line:column`.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
  /// The file as shown to people: a path for a teacher's file, `Lessons/NAME` for a built-in one.
  public var file: String
  /// 1-based line; 0 when the problem is with the whole file or folder.
  public var line: Int
  /// 1-based column, counted in Unicode scalars (as libyaml counts them).
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// A problem with a whole file or folder, not a place in it.
  public static func whole(_ file: String) -> SourcePosition {
    SourcePosition(file: file, line: 0, column: 0)
  }

  /// `file:line:column`, or just `file` for the whole file; a name holding control characters
  /// (a newline, an ESC) is shown with them made visible.
  public var description: String {
    let name = PrintableText.sanitized(file, keepingNewlines: false)
    return line == 0 ? name : "\(name):\(line):\(column)"
  }
}
