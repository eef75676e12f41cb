/// The one rule for names (variables, functions, parameters, commands): an ASCII letter or `_`,
/// then letters, digits and `_`. The lexer, the shell's command scanner and the lesson reader
/// all use it, so a name one accepts the others accept.
public enum Identifier {
  /// The keyword that can never be a name.
  public static let keyword = "def"

  public static func isStart(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
  }

  public static func isPart(_ c: Unicode.Scalar) -> Bool { isStart(c) || ("0"..."9").contains(c) }

  /// True when all of `text` is one name the language can read back (not the keyword `def`).
  public static func isName(_ text: String) -> Bool { isWord(text) && text != keyword }

  /// True when `text` is spelt like a name (the keyword included).
  static func isWord(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, isStart(first) else { return false }
    return text.unicodeScalars.allSatisfy(isPart)
  }

  /// The name a line starts with (after blanks and an optional `:`, as in `:help`), and the
  /// index just after it: the word that may name a command.
  public static func leadingWord(in scalars: [Unicode.Scalar]) -> (name: String, end: Int)? {
    var i = 0
    while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
    if i < scalars.count, scalars[i] == ":" { i += 1 }
    let start = i
    while i < scalars.count, isPart(scalars[i]) { i += 1 }
    guard i > start, isStart(scalars[start]) else { return nil }
    return (String(String.UnicodeScalarView(scalars[start..<i])), i)
  }

  /// The line's only word (surrounding blanks aside), when it is a single name.
  public static func single(in text: String) -> String? {
    let word = text.trimmed
    return isWord(word) ? word : nil
  }
}
