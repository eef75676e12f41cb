/// What the parser builds: expressions and statements, each remembering its columns.
public indirect enum Expression: Equatable, Sendable {
  case number(Double, SourceRange)
  case string(String, SourceRange)
  case name(String, SourceRange)
  /// `[a, b, c]` (a vector), or `[[…], […]]` (a matrix, when every element is a vector).
  case list([Expression], SourceRange)
  case negate(Expression, SourceRange)
  case binary(BinaryOperator, Expression, Expression, SourceRange)
  case call(String, [CallArgument], name: SourceRange, SourceRange)
  /// `x[i]`, `x[2:5]`, `X[i, j]`, `X[:, j]`: one subscript per axis, 1-based (see
  /// ``Subscript``); axes left out are taken whole (`X[i]` is row i).
  case index(Expression, [Subscript], SourceRange)

  public var range: SourceRange {
    switch self {
    case .number(_, let r), .string(_, let r), .name(_, let r), .list(_, let r), .negate(_, let r),
      .binary(_, _, _, let r), .call(_, _, _, let r), .index(_, _, let r):
      return r
    }
  }

  /// The same expression spanning `range`: a parenthesised one covers its brackets, so that a
  /// plot's title or an error's caret shows `(x - 2)^2`, not `x - 2)^2`.
  func spanning(_ range: SourceRange) -> Expression {
    switch self {
    case .number(let v, _): return .number(v, range)
    case .string(let v, _): return .string(v, range)
    case .name(let v, _): return .name(v, range)
    case .list(let v, _): return .list(v, range)
    case .negate(let v, _): return .negate(v, range)
    case .binary(let op, let a, let b, _): return .binary(op, a, b, range)
    case .call(let f, let arguments, let name, _): return .call(f, arguments, name: name, range)
    case .index(let v, let subscripts, _): return .index(v, subscripts, range)
    }
  }
}

/// One subscript of `x[…]`, for one axis.
public enum Subscript: Equatable, Sendable {
  /// `x[3]`: one position; the axis is dropped from the result.
  case position(Expression)
  /// `x[2:5]` (positions 2 to 5, both included, as in Julia, R and MATLAB), `x[:3]`, `x[3:]`,
  /// `x[:]`: a missing end is the axis's first or last position; the axis is kept.
  case span(from: Expression?, to: Expression?, SourceRange)

  /// The expressions inside, in order.
  public var expressions: [Expression] {
    switch self {
    case .position(let e): return [e]
    case .span(let from, let to, _): return [from, to].compactMap { $0 }
    }
  }

  public var range: SourceRange {
    switch self {
    case .position(let e): return e.range
    case .span(_, _, let r): return r
    }
  }
}

/// One argument of a call: positional (`label == nil`) or named (`delta=2`).
public struct CallArgument: Equatable, Sendable {
  public let label: String?
  public let labelRange: SourceRange?
  public let value: Expression
}

public enum BinaryOperator: String, Equatable, Sendable {
  case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", matmul = "@"
  case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
  case equal = "==", notEqual = "!="
}

/// A whole line: an expression, an assignment or a function definition; or several of them
/// separated by `;`.
public indirect enum Statement: Equatable, Sendable {
  case expression(Expression)
  /// `name = value`, or `name[i] = value`, `X[i, j] = value`, `x[2:4] = value` when `index`
  /// holds the subscripts (read as in ``Expression/index(_:_:_:)``).
  case assignment(name: String, nameRange: SourceRange, index: [Subscript]?, value: Expression)
  /// `w, b = w - 0.1, b + 0.1`: every value is computed first, then all are stored. A single
  /// value that is a list of as many items (`w, b = grad(L, w, b)`) is unpacked.
  case multipleAssignment(names: [String], nameRanges: [SourceRange], values: [Expression])
  /// `def name(a, b, tau=0.9) = body`; `defaults` holds the parameters given one.
  case definition(
    name: String, nameRange: SourceRange, parameters: [String], body: Expression,
    defaults: [String: Expression] = [:])
  /// `a; b; c`: statements run in turn, left to right.
  case sequence([Statement])
}
