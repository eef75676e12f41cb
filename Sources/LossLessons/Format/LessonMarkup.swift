/// The structure rules of lesson text, shared by the template filler (which must keep filled
/// values from changing the structure) and the terminal (which lays the structure out).
///
/// A line keeps its own line (is a block: code, a table row, a list item) when it starts with a
/// space, a tab, `|`, `#`, `→`, `- `, `* ` or digits and `. `; other lines join into paragraphs.
/// A backslash before one of ``escapable`` shows that character as it is (as in Markdown), so
/// `3\. ` at the start of a line is prose and `\*` is a star, not emphasis.
public enum LessonMarkup {
  /// The characters a backslash makes literal: the ones that open emphasis, code or a block.
  public static let escapable: Set<Character> = ["\\", "*", "`", ".", "-", "#", "|", "→"]

  /// True when the line is laid out on its own rather than joined into a paragraph.
  public static func isBlock<Line: StringProtocol>(_ line: Line) -> Bool {
    guard let first = line.first else { return false }
    if first == " " || first == "\t" || first == "|" || first == "#" || first == "→" { return true }
    if line.hasPrefix("- ") || line.hasPrefix("* ") { return true }
    let digits = line.prefix(while: \.isNumber)
    return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
  }

  /// A filled value as literal text: on one line, with emphasis and code marks escaped
  /// (not inside a code span, where marks are not read and a backslash would show).
  static func literal(_ value: String, inCode: Bool) -> String {
    var out = ""
    for character in value {
      if character == "\n" || character == "\r" {
        out.append(" ")
      } else if !inCode, character == "\\" || character == "*" || character == "`" {
        out.append("\\")
        out.append(character)
      } else {
        out.append(character)
      }
    }
    return out
  }

  /// A line that became a block only because a filled value starts it, made prose again:
  /// leading blanks dropped, then the mark that opens the block escaped.
  static func keptAsProse(_ line: Substring) -> String {
    var text = String(line.drop { $0 == " " || $0 == "\t" })
    guard isBlock(text) else { return text }
    let digits = text.prefix(while: \.isNumber)
    if !digits.isEmpty {
      text.insert("\\", at: text.index(text.startIndex, offsetBy: digits.count))
    } else {
      text.insert("\\", at: text.startIndex)
    }
    return text
  }

  /// Whether a code span is open after `text`: an odd number of unescaped backticks.
  static func endsInCode(_ text: String, startingInCode: Bool) -> Bool {
    var open = startingInCode
    var escaped = false
    for character in text {
      if escaped {
        escaped = false
      } else if character == "\\" && !open {
        escaped = true
      } else if character == "`" {
        open.toggle()
      }
    }
    return open
  }
}
