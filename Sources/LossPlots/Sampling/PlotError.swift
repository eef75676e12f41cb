import LossLanguage

/// Why a plot could not be drawn: a kind (tests and callers decide on it) and the columns of
/// the call it concerns. ``message`` is the one wording.
public struct PlotError: Error, Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// `plot(EXPR)`: the call needs these arguments, e.g. `EXPR, VAR, FROM, TO`.
    case arguments(function: String, usage: String)
    /// An argument that must be a plain variable name.
    case notAName(what: String)
    /// FROM/TO (or a named option) did not evaluate to one finite number.
    case notANumber(what: String)
    /// FROM is not below TO.
    case emptyRange(from: Double, to: Double)
    /// The expression gave a value that is not one number (`shape` describes it).
    case notScalar(expression: String, shape: String)
    /// No point of the range gave a number; `reason` is the first failure.
    case nothingDefined(expression: String, reason: String)
    /// x and y of a scatter, or the rows of a path, do not fit together.
    case badData(String)
    case unknownOption(function: String, option: String, allowed: [String])
    /// `plot(a, b, e, -3, 3)`: several expressions go in a list.
    case severalExpressionsNotInAList
    /// An option's number is outside its documented bounds.
    case outOfBounds(option: String, range: ClosedRange<Int>)
    /// Evaluating an argument failed (the language's own error).
    case language(LanguageError)
    case interrupted
  }

  public let kind: Kind
  public let range: SourceRange?

  public init(_ kind: Kind, at range: SourceRange?) {
    self.kind = kind
    self.range = range
  }

  public var message: String {
    switch kind {
    case .arguments(let function, let usage):
      return "\(function) takes \(usage)"
    case .notAName(let what):
      return "\(what) must be a variable name, like e or w"
    case .notANumber(let what):
      return "\(what) must be one finite number"
    case .emptyRange(let from, let to):
      return
        "the range is empty: FROM (\(ValueFormatter.number(from))) must be below TO (\(ValueFormatter.number(to)))"
    case .notScalar(let expression, let shape):
      return
        "\(expression) must give one number at each point to be plotted; it gave \(shape)"
    case .nothingDefined(let expression, let reason):
      return "\(expression) has no finite value anywhere in the range (\(reason))"
    case .badData(let text):
      return text
    case .unknownOption(let function, let option, let allowed):
      return
        "\(function) has no option '\(option)'; it takes \(allowed.map { "\($0)=" }.joined(separator: ", "))"
    case .severalExpressionsNotInAList:
      return
        "to plot several expressions, put them in a list: plot([mse(e, 0), mae(e, 0)], e, -3, 3)"
    case .outOfBounds(let option, let range):
      return "\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
    case .language(let error):
      return error.message
    case .interrupted:
      return "interrupted: the plot was not finished"
    }
  }
}
