import LossEngine

/// `grad(EXPR, NAME, ...)`.
extension Evaluator {
  /// `grad(EXPR, NAME, ...)`: evaluates EXPR again on a fresh tape whose named variables need
  /// gradients, and returns ∂EXPR/∂NAME for each name (a list when there are several).
  func gradient(
    of expression: Expression?, names: [Expression], call range: SourceRange, in frame: Frame
  ) throws(LanguageError) -> RuntimeValue {
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
      if let local = frame.locals[variable] {
        guard case .node = local else {
          throw LanguageError(
            .gradNotNumeric(variable, what: value(local).shapeDescription), at: nameRange)
        }
      } else {
        try checkDifferentiable(variable, at: nameRange)
      }
      variableNames.append(variable)
    }
    let inner = Evaluator(
      scope: scope, differentiating: Set(variableNames), insideGradient: true, depth: depth,
      isInterrupted: isInterrupted)
    let innerFrame = try inner.transplant(frame, from: self, differentiating: Set(variableNames))
    // The leaves come first: a variable the expression does not use must still be recorded
    // before the output, or the tape's reverse sweep never reaches it (it gets zeros).
    var inputs: [Variable] = []
    for (variable, name) in zip(variableNames, names) {
      var leaf = innerFrame.locals[variable]
      if leaf == nil { leaf = try inner.leaf(for: variable, at: name.range) }
      guard case .node(let leafNode)? = leaf else {
        throw LanguageError(.notANumber(variable), at: name.range)
      }
      inputs.append(leafNode)
    }
    // An input recorded after the output (`grad(p, p, M)`: the output is p's own leaf) gets a
    // zero gradient from the tape: it cannot influence the output.
    let output = try inner.node(
      inner.evaluate(expression, in: innerFrame), at: expression.range, for: "grad")
    let gradients: [Tensor]
    do { gradients = try inner.tape.gradients(of: output, withRespectTo: inputs) } catch {
      throw LanguageError(.engine(error), at: expression.range)
    }
    let results = try gradients.map { g throws(LanguageError) in
      RuntimeValue.node(try constant(g, at: range))
    }
    return results.count == 1 ? results[0] : .list(results)
  }

  /// Refuses a global `name` that is not a variable holding numbers.
  func checkDifferentiable(_ variable: String, at nameRange: SourceRange) throws(LanguageError) {
    guard case .tensor = scope[variable] else {
      let known = scope.variables.keys.sorted()
      throw LanguageError(
        scope[variable].map { .gradNotNumeric(variable, what: $0.shapeDescription) }
          ?? .gradUnknownVariable(
            variable, suggestion: Suggestions.closest(to: variable, among: known)),
        at: nameRange)
    }
  }

  /// `frame` (made on `outer`'s tape) rebuilt on this evaluator's tape: every local becomes a
  /// leaf holding its value, differentiated when its name is in `names`. A lazy expression
  /// (`grad`'s, `train`'s) is evaluated in the frame it was written in, so inside
  /// `def g(w) = grad(w^2, w)` the `w` is the function's parameter.
  func transplant(_ frame: Frame, from outer: Evaluator, differentiating names: Set<String>)
    throws(LanguageError) -> Frame
  {
    func rebuild(_ value: RuntimeValue, _ name: String) throws(LanguageError) -> RuntimeValue {
      switch value {
      case .node(let node):
        return .node(
          try engine(at: SourceRange(0, 0)) { tape throws(EngineError) in
            try tape.leaf(
              outer.tape.value(node), needsGradient: names.contains(name), label: name)
          })
      case .string: return value
      case .list(let items):
        return .list(try items.map { item throws(LanguageError) in try rebuild(item, "") })
      }
    }
    var locals: [String: RuntimeValue] = [:]
    for (name, value) in frame.locals { locals[name] = try rebuild(value, name) }
    return Frame(locals: locals, functions: frame.functions)
  }
}
