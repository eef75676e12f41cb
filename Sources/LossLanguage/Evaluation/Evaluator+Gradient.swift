import LossEngine

/// `grad(EXPR, NAME, ...)`.
extension Evaluator {
  /// `grad(EXPR, NAME, ...)`: evaluates EXPR again on a fresh tape whose named variables need
  /// gradients, and returns ∂EXPR/∂NAME for each name (a list when there are several).
  func gradient(of expression: Expression?, names: [Expression], call range: SourceRange)
    throws(LanguageError)
    -> RuntimeValue
  {
    guard let expression, !names.isEmpty else {
      throw LanguageError(.gradUsage, at: range)
    }
    if insideGradient {
      throw LanguageError(.nestedGrad, at: range)
    }
    var variableNames: [String] = []
    for name in names {
      guard case .name(let variable, let nameRange) = name else {
        throw LanguageError(.gradNeedsVariableName, at: name.range)
      }
      guard case .tensor = scope[variable] else {
        let known = scope.variables.keys.sorted()
        throw LanguageError(
          scope[variable].map { .gradNotNumeric(variable, what: $0.shapeDescription) }
            ?? .gradUnknownVariable(
              variable, suggestion: Suggestions.closest(to: variable, among: known)),
          at: nameRange)
      }
      variableNames.append(variable)
    }
    let inner = Evaluator(
      scope: scope, differentiating: Set(variableNames), insideGradient: true, depth: depth,
      isInterrupted: isInterrupted)
    // The leaves come first: a variable the expression does not use must still be recorded
    // before the output, or the tape's reverse sweep never reaches it (it gets zeros).
    var inputs: [Variable] = []
    for (variable, name) in zip(variableNames, names) {
      guard case .node(let leafNode)? = try inner.leaf(for: variable, at: name.range) else {
        throw LanguageError(.notANumber(variable), at: name.range)
      }
      inputs.append(leafNode)
    }
    var output = try inner.node(
      inner.evaluate(expression, in: topFrame), at: expression.range, for: "grad")
    output = try inner.after(inputs, output, at: expression.range)
    let gradients: [Tensor]
    do { gradients = try inner.tape.gradients(of: output, withRespectTo: inputs) } catch {
      throw LanguageError(.engine(error), at: expression.range)
    }
    let results = try gradients.map { g throws(LanguageError) in
      RuntimeValue.node(try constant(g, at: range))
    }
    return results.count == 1 ? results[0] : .list(results)
  }

  /// `output`, or an identity node recording it again after every one of `inputs`.
  ///
  /// The tape's reverse sweep runs from the output down, so an input recorded after it traps
  /// (index out of range). That happens when the expression is itself an earlier variable:
  /// in `grad(p, p, M)` the output is p's leaf, and M's leaf comes after it.
  func after(_ inputs: [Variable], _ output: Variable, at range: SourceRange) throws(LanguageError)
    -> Variable
  {
    guard inputs.contains(where: { $0.index > output.index }) else { return output }
    return try engine(at: range) { tape throws(EngineError) in
      try tape.add(output, try tape.constant(0))
    }
  }
}
