import LossEngine
import LossLanguage

/// Says where an `inf` or `nan` most likely came from, from the operations an expression uses
/// (including inside the learner's functions). NaN and infinity are values, not errors: the
/// engine returns them and this turns them into advice.
enum NonFiniteExplainer {
  /// A one-line finding, or nil when every number is finite.
  ///
  /// - Parameters:
  ///   - subject: What is non-finite, as the sentence starts ("the loss", "the gradient").
  ///   - inputs: Values the result was computed from (a loss's prediction and target).
  static func explain(
    _ results: [Tensor], subject: String, expression: Expression, scope: Scope,
    inputs: [Tensor] = []
  ) -> String? {
    let numbers = results.flatMap(\.storage)
    let hasNaN = numbers.contains { $0.isNaN }
    let hasNegativeInfinity = numbers.contains { $0 == -.infinity }
    guard hasNaN || numbers.contains(where: \.isInfinite) else { return nil }
    if inputs.contains(where: { $0.storage.contains { !$0.isFinite } }) {
      return
        "\(subject) is not finite because its inputs already contain inf or nan: a result can only be as finite as what goes in"
    }
    let uses = Operations(expression, scope: scope)
    if hasNaN {
      if uses.logarithm || uses.squareRoot {
        return
          "nan (not a number) in \(subject): a log or sqrt of a negative number, or 0 × inf, happened on the way; check the inputs' range (probabilities lie in [0, 1])"
      }
      return
        "nan (not a number) in \(subject): an undefined operation such as 0 × inf or inf − inf happened on the way"
    }
    let infinity = hasNegativeInfinity ? "-inf" : "inf"
    if uses.logarithm {
      return
        "\(infinity) in \(subject): log of 0 — a probability of exactly 0 (or 1, inside log(1 - p)); clip probabilities away from 0 and 1, e.g. clip(p, 1e-15, 1 - 1e-15)"
    }
    if uses.squareRoot {
      return "\(infinity) in \(subject): sqrt is infinitely steep at 0; move the input away from 0"
    }
    if uses.exponential {
      return
        "\(infinity) in \(subject): exp overflowed (e^x is too large for a double once x passes about 709)"
    }
    if uses.division {
      return
        "\(infinity) in \(subject): a division by a number so close to 0 that the result overflowed"
    }
    return
      "\(infinity) in \(subject): a number grew beyond the largest double (about 1.8e308); scale the inputs down"
  }

  /// Which operations an expression uses, looking into the learner's functions.
  private struct Operations {
    var logarithm = false
    var squareRoot = false
    var exponential = false
    var division = false

    init(_ expression: Expression, scope: Scope) {
      var visited: Set<String> = []
      visit(expression, scope: scope, visited: &visited)
    }

    private mutating func visit(_ expression: Expression, scope: Scope, visited: inout Set<String>)
    {
      switch expression {
      case .number, .string, .name: return
      case .list(let items, _): items.forEach { visit($0, scope: scope, visited: &visited) }
      case .negate(let x, _): visit(x, scope: scope, visited: &visited)
      case .binary(let op, let a, let b, _):
        if op == .divide || op == .power { division = true }
        visit(a, scope: scope, visited: &visited)
        visit(b, scope: scope, visited: &visited)
      case .index(let a, let subscripts, _):
        visit(a, scope: scope, visited: &visited)
        subscripts.flatMap(\.expressions).forEach { visit($0, scope: scope, visited: &visited) }
      case .call(let name, let arguments, _, _):
        switch name {
        case "log", "log2": logarithm = true
        case "sqrt": squareRoot = true
        case "exp": exponential = true
        default: break
        }
        // A built-in loss whose formula takes a log (cross-entropy) counts as using log.
        if let builtin = BuiltinLibrary.named(name), builtin.isLoss, builtin.summary.contains("log")
        {
          logarithm = true
        }
        arguments.forEach { visit($0.value, scope: scope, visited: &visited) }
        if let function = scope.functions[name], visited.insert(name).inserted {
          visit(function.body, scope: scope, visited: &visited)
        }
      }
    }
  }
}
