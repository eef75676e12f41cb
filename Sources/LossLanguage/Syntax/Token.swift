/// The smallest meaningful pieces of a line.
public enum TokenKind: Equatable, Sendable {
  case number(Double)
  case identifier(String)
  case string(String)
  case keywordDef
  case leftParen, rightParen, leftBracket, rightBracket, comma, semicolon, colon, assign
  case plus, minus, star, slash, caret, at
  case comparison(String)
  case end

  /// How the token is named in "expected …" messages.
  var spelling: String {
    switch self {
    case .number(let value): return "number \(value)"
    case .identifier(let name): return "name '\(name)'"
    case .string: return "a string"
    case .keywordDef: return "'def'"
    case .leftParen: return "'('"
    case .rightParen: return "')'"
    case .leftBracket: return "'['"
    case .rightBracket: return "']'"
    case .comma: return "','"
    case .semicolon: return "';'"
    case .colon: return "':'"
    case .assign: return "'='"
    case .plus: return "'+'"
    case .minus: return "'-'"
    case .star: return "'*'"
    case .slash: return "'/'"
    case .caret: return "'^'"
    case .at: return "'@'"
    case .comparison(let op): return "'\(op)'"
    case .end: return "the end of the line"
    }
  }
}

public struct Token: Equatable, Sendable {
  public let kind: TokenKind
  public let range: SourceRange
}
