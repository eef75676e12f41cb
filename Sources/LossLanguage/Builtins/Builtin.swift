import LossEngine

/// A built-in function: its signature (for binding named arguments, completion and `help`),
/// its documentation, and what it computes.
public struct Builtin: Sendable {
  public enum Category: String, Sendable, CaseIterable {
    case loss = "losses"
    case math = "element-wise math"
    case reduction = "reductions"
    case data = "making data"
    case datasets = "datasets"
    case classification = "classification"
    case display = "showing numbers"
    case calculus = "calculus"
  }

  public struct Parameter: Sendable {
    public let name: String
    /// nil when the argument is required.
    public let defaultValue: Value?
    /// True when the argument may be left out with no default (the `b` of `max(a, b)`).
    public let isOptional: Bool
    public init(_ name: String, default defaultValue: Value? = nil, optional: Bool = false) {
      self.name = name
      self.defaultValue = defaultValue
      self.isOptional = optional
    }
  }

  /// Computes the result from bound arguments (in parameter order) on the evaluation's tape.
  typealias Body = @Sendable (Evaluator, BoundArguments) throws(LanguageError) -> RuntimeValue

  public let name: String
  public let category: Category
  public let parameters: [Parameter]
  /// `grad(EXPR, NAME, ...)`: takes further positional arguments, unevaluated.
  public let isVariadic: Bool
  /// One line: the formula or what it does.
  public let summary: String
  /// A call that `help` shows and the test suite runs.
  public let example: String
  /// The named options a variadic built-in accepts (`train(..., lr=0.1)`); others are refused.
  public var options: [String] = []
  /// True for `load`: its example needs a file, so `help` shows it without running it.
  public var readsFiles = false
  let body: Body

  /// `huber(p, y, delta=1)`: the signature as learners read it.
  public var signature: String {
    let parts = parameters.map { parameter -> String in
      if parameter.isOptional { return "[\(parameter.name)]" }
      guard let value = parameter.defaultValue else { return parameter.name }
      return "\(parameter.name)=\(ValueFormatter.compact(value))"
    }
    let named = options.map { "\($0)=…" }
    return "\(name)(\((parts + (isVariadic ? ["..."] : []) + named).joined(separator: ", ")))"
  }

  public var isLoss: Bool { category == .loss }
}

/// The arguments of one call, matched to parameters, each with the columns it came from.
struct BoundArguments {
  let values: [RuntimeValue]
  let ranges: [SourceRange]
  /// Further positional arguments of a variadic built-in, unevaluated.
  let rest: [Expression]
  let callRange: SourceRange
  /// The frame the call was made in: a variadic built-in evaluates `rest` there (so `grad`
  /// inside a `def` sees the function's parameters).
  var frame = Evaluator.Frame(locals: [:], functions: [:])
  /// A variadic built-in's named options, unevaluated, each checked against ``Builtin/options``.
  var options: [CallArgument] = []

  func node(_ i: Int, _ evaluator: Evaluator, of builtin: String) throws(LanguageError) -> Variable
  {
    try evaluator.node(values[i], at: ranges[i], for: builtin)
  }
}

extension Builtin {
  /// A built-in whose example reads a file (see ``readsFiles``).
  static func readingFiles(
    name: String, category: Category, parameters: [Parameter], isVariadic: Bool, summary: String,
    example: String, body: @escaping Body
  ) -> Builtin {
    var builtin = Builtin(
      name: name, category: category, parameters: parameters, isVariadic: isVariadic,
      summary: summary, example: example, body: body)
    builtin.readsFiles = true
    return builtin
  }
}
