/// A recursive-descent parser with the usual precedence, lowest first:
/// comparisons, `+ -`, `* / @`, unary minus, `^` (right-associative, binding tighter than
/// unary minus, so `-2^2` is −4 and `2^3^2` is 512), then calls, indexing and atoms.
///
/// Nesting is bounded (``maxDepth``) so that 100,000 opening brackets give an error, never a
/// stack overflow.
public struct Parser {
  public static let maxDepth = 200

  private let tokens: [Token]
  private var position = 0
  private var depth = 0

  private init(tokens: [Token]) { self.tokens = tokens }

  /// Parses one line. Returns nil for a blank or comment-only line; several statements
  /// separated by `;` (a trailing `;` is fine) become a ``Statement/sequence(_:)``.
  public static func parse(_ line: String) throws(LanguageError) -> Statement? {
    let tokens = try Lexer.tokenize(line)
    var parser = Parser(tokens: tokens)
    var statements: [Statement] = []
    while parser.current.kind != .end {
      if try parser.consume(.semicolon) { continue }
      statements.append(try parser.statement())
      if parser.current.kind != .end, !(try parser.consume(.semicolon)) { try parser.expectEnd() }
    }
    if statements.count <= 1 { return statements.first }
    return .sequence(statements)
  }

  /// Parses a single expression (lesson fields such as `loss:` and `goal:`).
  public static func parseExpression(_ text: String) throws(LanguageError) -> Expression {
    var parser = Parser(tokens: try Lexer.tokenize(text))
    let expression = try parser.expression()
    try parser.expectEnd()
    return expression
  }

  private var current: Token { tokens[position] }
  private var next: Token { tokens[min(position + 1, tokens.count - 1)] }

  private mutating func advance() -> Token {
    let token = tokens[position]
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  private mutating func expectEnd() throws(LanguageError) {
    guard current.kind == .end else {
      throw LanguageError(.unexpectedAfterStatement(current.kind), at: current.range)
    }
  }

  private mutating func statement() throws(LanguageError) -> Statement {
    if current.kind == .keywordDef { return try definition() }
    if case .identifier(let name) = current.kind {
      if next.kind == .assign {
        let nameToken = advance()
        _ = advance()
        return .assignment(
          name: name, nameRange: nameToken.range, index: nil, value: try expression())
      }
      if next.kind == .leftBracket, let indexed = try indexedAssignment(name) { return indexed }
      if next.kind == .comma, let several = try multipleAssignment() { return several }
    }
    return .expression(try expression())
  }

  /// `a, b = x, y`, or nil (restoring the position) when the names are not followed by `=`.
  private mutating func multipleAssignment() throws(LanguageError) -> Statement? {
    let saved = position
    var names: [String] = []
    var ranges: [SourceRange] = []
    repeat {
      guard case .identifier(let name) = current.kind else {
        position = saved
        return nil
      }
      if names.contains(name) {
        throw LanguageError(.statement(.assignedTwice(name)), at: current.range)
      }
      names.append(name)
      ranges.append(advance().range)
    } while try consume(.comma)
    guard try consume(.assign) else {
      position = saved
      return nil
    }
    var values: [Expression] = []
    repeat { values.append(try expression()) } while try consume(.comma)
    guard values.count == names.count || values.count == 1 else {
      throw LanguageError(
        .statement(.valueCountMismatch(names: names.count, values: values.count)),
        at: values[min(values.count, names.count) - 1].range)
    }
    return .multipleAssignment(names: names, nameRanges: ranges, values: values)
  }

  /// `name[i] = value`, `X[i, j] = v`, `x[2:4] = [a, b, c]`, or nil (restoring the position)
  /// when the line is not an assignment.
  private mutating func indexedAssignment(_ name: String) throws(LanguageError) -> Statement? {
    guard assignsAfterBracket(from: position + 1) else { return nil }
    let saved = position
    let nameToken = advance()
    _ = advance()
    var subscripts: [Subscript] = []
    repeat { subscripts.append(try subscriptItem()) } while try consume(.comma)
    if current.kind == .rightBracket, next.kind == .assign {
      _ = advance()
      _ = advance()
      return .assignment(
        name: name, nameRange: nameToken.range, index: subscripts, value: try expression())
    }
    position = saved
    return nil
  }

  /// True when the `[` at `open` is closed by a `]` followed by `=` (so `x[:2]` and `x[1] + 1`
  /// are read as expressions without parsing them twice).
  private func assignsAfterBracket(from open: Int) -> Bool {
    var depth = 0
    var i = open
    while i < tokens.count {
      switch tokens[i].kind {
      case .leftBracket, .leftParen: depth += 1
      case .rightBracket, .rightParen:
        depth -= 1
        if depth == 0 { return i + 1 < tokens.count && tokens[i + 1].kind == .assign }
      case .end: return false
      default: break
      }
      i += 1
    }
    return false
  }

  private mutating func definition() throws(LanguageError) -> Statement {
    _ = advance()
    guard case .identifier(let name) = current.kind else {
      throw LanguageError(.missingFunctionName, at: current.range)
    }
    let nameRange = advance().range
    try expect(.leftParen, .parameterList(function: name))
    var parameters: [String] = []
    var defaults: [String: Expression] = [:]
    if current.kind != .rightParen {
      repeat {
        guard case .identifier(let parameter) = current.kind else {
          throw LanguageError(.expectedParameterName, at: current.range)
        }
        if parameters.contains(parameter) {
          throw LanguageError(.duplicateParameter(parameter), at: current.range)
        }
        parameters.append(parameter)
        let parameterRange = advance().range
        if try consume(.assign) {
          defaults[parameter] = try expression()
        } else if !defaults.isEmpty {
          throw LanguageError(
            .statement(.defaultsComeLast(parameter: parameter)), at: parameterRange)
        }
      } while try consume(.comma)
    }
    try expect(.rightParen, .closingParameters)
    try expect(.assign, .definitionBody(function: name))
    return .definition(
      name: name, nameRange: nameRange, parameters: parameters, body: try expression(),
      defaults: defaults)
  }

  private mutating func consume(_ kind: TokenKind) throws(LanguageError) -> Bool {
    guard current.kind == kind else { return false }
    _ = advance()
    return true
  }

  private mutating func expect(_ kind: TokenKind, _ what: LanguageError.Expectation)
    throws(LanguageError)
  {
    guard current.kind == kind else {
      throw LanguageError(.expected(what, found: current.kind), at: current.range)
    }
    _ = advance()
  }

  private mutating func nested<T>(_ body: (inout Parser) throws(LanguageError) -> T)
    throws(LanguageError) -> T
  {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Parser.maxDepth else {
      throw LanguageError(.nestingTooDeep(.expression(limit: Parser.maxDepth)), at: current.range)
    }
    return try body(&self)
  }

  /// Counts one more level for each operator in a chain (`1 + 1 + …` nests to the left), so
  /// the tree's height, and with it every recursion over it, stays within ``maxDepth``.
  private mutating func deepen(_ levels: inout Int) throws(LanguageError) {
    levels += 1
    depth += 1
    guard depth <= Parser.maxDepth else {
      throw LanguageError(.nestingTooDeep(.expression(limit: Parser.maxDepth)), at: current.range)
    }
  }

  mutating func expression() throws(LanguageError) -> Expression {
    try nested { (p: inout Parser) throws(LanguageError) in try p.comparison() }
  }

  private mutating func comparison() throws(LanguageError) -> Expression {
    var levels = 0
    defer { depth -= levels }
    var left = try additive()
    while case .comparison(let symbol) = current.kind, let op = BinaryOperator(rawValue: symbol) {
      try deepen(&levels)
      _ = advance()
      let right = try additive()
      left = .binary(op, left, right, left.range.union(right.range))
    }
    return left
  }

  private mutating func additive() throws(LanguageError) -> Expression {
    var levels = 0
    defer { depth -= levels }
    var left = try multiplicative()
    while current.kind == .plus || current.kind == .minus {
      try deepen(&levels)
      let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
      let right = try multiplicative()
      left = .binary(op, left, right, left.range.union(right.range))
    }
    return left
  }

  private mutating func multiplicative() throws(LanguageError) -> Expression {
    var levels = 0
    defer { depth -= levels }
    var left = try unary()
    while true {
      let op: BinaryOperator
      switch current.kind {
      case .star: op = .multiply
      case .slash: op = .divide
      case .at: op = .matmul
      default: return left
      }
      try deepen(&levels)
      _ = advance()
      let right = try unary()
      left = .binary(op, left, right, left.range.union(right.range))
    }
  }

  private mutating func unary() throws(LanguageError) -> Expression {
    if current.kind == .minus || current.kind == .plus {
      let token = advance()
      let operand = try nested { (p: inout Parser) throws(LanguageError) in try p.unary() }
      return token.kind == .minus ? .negate(operand, token.range.union(operand.range)) : operand
    }
    return try power()
  }

  private mutating func power() throws(LanguageError) -> Expression {
    let base = try postfix()
    guard current.kind == .caret else { return base }
    _ = advance()
    // Right-associative, and the exponent may carry its own unary minus: 2^-1.
    let exponent = try nested { (p: inout Parser) throws(LanguageError) in try p.unary() }
    return .binary(.power, base, exponent, base.range.union(exponent.range))
  }

  private mutating func postfix() throws(LanguageError) -> Expression {
    var levels = 0
    defer { depth -= levels }
    var value = try atom()
    while current.kind == .leftBracket {
      try deepen(&levels)  // x[1][1]… nests like an operator chain
      _ = advance()
      var subscripts: [Subscript] = []
      repeat { subscripts.append(try subscriptItem()) } while try consume(.comma)
      let close = current.range
      try expect(.rightBracket, .closingIndex)
      value = .index(value, subscripts, value.range.union(close))
    }
    return value
  }

  /// `i`, `a:b`, `:b`, `a:` or `:`.
  private mutating func subscriptItem() throws(LanguageError) -> Subscript {
    let start = current.range
    let from = current.kind == .colon ? nil : try expression()
    guard current.kind == .colon else {
      if let from { return .position(from) }
      throw LanguageError(.expectedValue(found: current.kind), at: current.range)
    }
    var end = advance().range
    var to: Expression?
    if current.kind != .comma, current.kind != .rightBracket {
      let upper = try expression()
      end = upper.range
      to = upper
    }
    return .span(from: from, to: to, start.union(end))
  }

  private mutating func atom() throws(LanguageError) -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      _ = advance()
      return .number(value, token.range)
    case .string(let text):
      _ = advance()
      return .string(text, token.range)
    case .identifier(let name):
      _ = advance()
      if current.kind == .leftParen { return try call(name, nameRange: token.range) }
      return .name(name, token.range)
    case .leftParen:
      _ = advance()
      let inner = try expression()
      if current.kind != .rightParen {
        throw LanguageError(
          .expected(.closingParenthesis(openedAt: token.range.column), found: current.kind),
          at: current.range)
      }
      let close = advance().range
      return inner.spanning(token.range.union(close))
    case .leftBracket:
      return try list()
    case .end:
      throw LanguageError(.incompleteExpression, at: token.range)
    default:
      throw LanguageError(.expectedValue(found: token.kind), at: token.range)
    }
  }

  private mutating func list() throws(LanguageError) -> Expression {
    let open = advance().range
    var elements: [Expression] = []
    if current.kind != .rightBracket {
      repeat {
        if current.kind == .rightBracket { break }  // a trailing comma is fine
        elements.append(try expression())
      } while try consume(.comma)
    }
    guard current.kind == .rightBracket else {
      throw LanguageError(
        .expected(.closingBracket(openedAt: open.column), found: current.kind), at: current.range)
    }
    let close = advance().range
    return .list(elements, open.union(close))
  }

  private mutating func call(_ name: String, nameRange: SourceRange) throws(LanguageError)
    -> Expression
  {
    let open = advance().range
    var arguments: [CallArgument] = []
    if current.kind != .rightParen {
      repeat {
        if case .identifier(let label) = current.kind, next.kind == .assign {
          let labelRange = advance().range
          _ = advance()
          arguments.append(
            CallArgument(label: label, labelRange: labelRange, value: try expression()))
        } else {
          arguments.append(CallArgument(label: nil, labelRange: nil, value: try expression()))
        }
      } while try consume(.comma)
    }
    guard current.kind == .rightParen else {
      throw LanguageError(
        .expected(.closingCall(function: name, openedAt: open.column), found: current.kind),
        at: current.range)
    }
    let close = advance().range
    return .call(name, arguments, name: nameRange, nameRange.union(close))
  }
}
