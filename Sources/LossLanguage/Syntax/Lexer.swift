/// Splits a line into tokens, remembering each token's columns for error carets.
///
/// Columns count Unicode scalars, so a caret lines up under non-ASCII text typed in a
/// UTF-8 terminal as well as under ASCII.
public struct Lexer {
  /// Lines longer than this (2 MB) are refused before any work.
  public static let maxLineLength = 2_000_000

  public static func tokenize(_ line: String) throws(LanguageError) -> [Token] {
    let scalars = Array(line.unicodeScalars)
    guard scalars.count <= maxLineLength else {
      throw LanguageError(.lineTooLong(length: scalars.count, limit: maxLineLength), at: nil)
    }
    var tokens: [Token] = []
    var i = 0
    func add(_ kind: TokenKind, _ start: Int, _ end: Int) {
      tokens.append(Token(kind: kind, range: SourceRange(start, end)))
    }
    while i < scalars.count {
      let c = scalars[i]
      let start = i
      switch c {
      case " ", "\t", "\r", "\n":
        i += 1
      case "#":
        i = scalars.count
      case "0"..."9", ".":
        i = try lexNumber(scalars, from: i, into: &tokens)
      case _ where Identifier.isStart(c):
        while i < scalars.count, Identifier.isPart(scalars[i]) { i += 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<i]))
        add(name == Identifier.keyword ? .keywordDef : .identifier(name), start, i)
      case "\"":
        i += 1
        var text = String.UnicodeScalarView()
        while i < scalars.count, scalars[i] != "\"" {
          text.append(scalars[i])
          i += 1
        }
        guard i < scalars.count else {
          throw LanguageError(.unclosedString, at: SourceRange(start, scalars.count))
        }
        i += 1
        add(.string(String(text)), start, i)
      case "(": add(.leftParen, i, i + 1); i += 1
      case ")": add(.rightParen, i, i + 1); i += 1
      case "[": add(.leftBracket, i, i + 1); i += 1
      case "]": add(.rightBracket, i, i + 1); i += 1
      case ",": add(.comma, i, i + 1); i += 1
      case ";": add(.semicolon, i, i + 1); i += 1
      case ":": add(.colon, i, i + 1); i += 1
      case "+": add(.plus, i, i + 1); i += 1
      case "-": add(.minus, i, i + 1); i += 1
      case "*":
        if i + 1 < scalars.count, scalars[i + 1] == "*" {
          add(.caret, i, i + 2)  // Python's ** is accepted as ^
          i += 2
        } else {
          add(.star, i, i + 1)
          i += 1
        }
      case "/": add(.slash, i, i + 1); i += 1
      case "^": add(.caret, i, i + 1); i += 1
      case "@": add(.at, i, i + 1); i += 1
      case "<", ">", "=", "!":
        let twoCharacter = i + 1 < scalars.count && scalars[i + 1] == "="
        if twoCharacter {
          add(.comparison(String(c) + "="), i, i + 2)
          i += 2
        } else if c == "=" {
          add(.assign, i, i + 1)
          i += 1
        } else if c == "!" {
          throw LanguageError(.loneExclamationMark, at: SourceRange(i, i + 1))
        } else {
          add(.comparison(String(c)), i, i + 1)
          i += 1
        }
      default:
        throw LanguageError(.unexpectedCharacter(c), at: SourceRange(i, i + 1))
      }
    }
    tokens.append(Token(kind: .end, range: SourceRange(scalars.count, scalars.count + 1)))
    return tokens
  }

  /// Reads `12`, `2.5`, `.5`, `2.5e-3`, `1e-7`; refuses numbers beyond a double's range.
  private static func lexNumber(
    _ scalars: [Unicode.Scalar], from start: Int, into tokens: inout [Token]
  ) throws(LanguageError) -> Int {
    var i = start
    func digits() { while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 } }
    digits()
    if i < scalars.count, scalars[i] == "." {
      i += 1
      digits()
    }
    if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
      var j = i + 1
      if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" { j += 1 }
      if j < scalars.count, ("0"..."9").contains(scalars[j]) {
        i = j
        digits()
      }
    }
    let text = String(String.UnicodeScalarView(scalars[start..<i]))
    let range = SourceRange(start, i)
    guard text != ".", let value = Double(text) else {
      throw LanguageError(.notANumber(text), at: range)
    }
    guard value.isFinite else {
      throw LanguageError(.numberTooLarge(text), at: range)
    }
    if i < scalars.count, Identifier.isPart(scalars[i]) {
      throw LanguageError(.numberRunsIntoName(text), at: SourceRange(start, i + 1))
    }
    tokens.append(Token(kind: .number(value), range: range))
    return i
  }
}
