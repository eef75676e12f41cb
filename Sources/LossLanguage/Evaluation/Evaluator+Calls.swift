import LossEngine

/// Calls of built-ins and of the learner's functions.
extension Evaluator {
  /// The result of a call, and for a loss call the leaf that stood in for its first argument.
  struct CallResult {
    let value: RuntimeValue
    let firstArgument: Variable?
    let arguments: [RuntimeValue]
  }

  func call(
    _ name: String, _ arguments: [CallArgument], nameRange: SourceRange, range: SourceRange,
    in frame: Frame,
    differentiateFirstArgument: Bool = false
  ) throws(LanguageError) -> CallResult {
    if callDepth > Parser.maxDepth {
      throw LanguageError(.nestingTooDeep(.calls(limit: Parser.maxDepth)), at: range)
    }
    callCount += 1
    guard callCount <= tape.nodeLimit else {
      throw LanguageError(.engine(.tapeTooLarge(limit: tape.nodeLimit)), at: range)
    }
    if isInterrupted() { throw LanguageError(.engine(.interrupted), at: range) }
    callDepth += 1
    defer { callDepth -= 1 }
    if let builtin = BuiltinLibrary.named(name) {
      return try callBuiltin(
        builtin, arguments, range: range, in: frame,
        differentiateFirstArgument: differentiateFirstArgument)
    }
    if let function = frame.functions[name] {
      return try callUser(
        function, arguments, range: range, in: frame,
        differentiateFirstArgument: differentiateFirstArgument)
    }
    if scope[name] != nil || frame.locals[name] != nil {
      throw LanguageError(.notAFunction(name), at: nameRange)
    }
    let candidates = BuiltinLibrary.names + Array(frame.functions.keys)
    throw LanguageError(
      .unknownFunction(name, suggestion: Suggestions.closest(to: name, among: candidates)),
      at: nameRange)
  }

  private func callBuiltin(
    _ builtin: Builtin, _ arguments: [CallArgument], range: SourceRange, in frame: Frame,
    differentiateFirstArgument: Bool
  ) throws(LanguageError) -> CallResult {
    if builtin.isVariadic {
      let options = arguments.filter { $0.label != nil }
      try checkOptions(options, of: builtin)
      let bound = BoundArguments(
        values: [], ranges: [], rest: arguments.filter { $0.label == nil }.map(\.value),
        callRange: range, frame: frame, options: options)
      return CallResult(value: try builtin.body(self, bound), firstArgument: nil, arguments: [])
    }
    let slots = try ArgumentBinding.bind(
      arguments, to: builtin.parameters, function: builtin.name, call: range)
    var values: [RuntimeValue] = []
    var ranges: [SourceRange] = []
    var firstArgument: Variable?
    for (index, slot) in slots.enumerated() {
      switch slot {
      case .given(let expression):
        var value = try evaluate(expression, in: frame)
        if index == 0, differentiateFirstArgument {
          (value, firstArgument) = try standIn(for: value, at: expression.range)
        }
        values.append(value)
        ranges.append(expression.range)
      case .defaulted(let value):
        values.append(try constant(value, at: range))
        ranges.append(range)
      case .absent:
        values.append(.list([]))
        ranges.append(range)
      }
    }
    let bound = BoundArguments(values: values, ranges: ranges, rest: [], callRange: range)
    return CallResult(
      value: try builtin.body(self, bound), firstArgument: firstArgument, arguments: values)
  }

  /// Refuses options a variadic built-in does not know, and options given twice.
  private func checkOptions(_ options: [CallArgument], of builtin: Builtin) throws(LanguageError) {
    var seen: Set<String> = []
    for option in options {
      guard let label = option.label else { continue }
      guard builtin.options.contains(label) else {
        throw LanguageError(
          builtin.options.isEmpty
            ? .noNamedArguments(function: builtin.name)
            : .unknownArgument(
              function: builtin.name, label: label,
              suggestion: Suggestions.closest(to: label, among: builtin.options),
              parameters: builtin.options),
          at: option.labelRange)
      }
      guard seen.insert(label).inserted else {
        throw LanguageError(
          .argumentGivenTwice(function: builtin.name, label: label), at: option.labelRange)
      }
    }
  }

  /// A fresh leaf holding the first argument's value, so that the gradient of a top-level loss
  /// call is taken with respect to its prediction alone (a partial derivative, whatever else the
  /// prediction was computed from).
  private func standIn(for value: RuntimeValue, at range: SourceRange) throws(LanguageError)
    -> (RuntimeValue, Variable?)
  {
    guard case .node(let node) = value else { return (value, nil) }
    let leaf = try engine(at: range) { tape throws(EngineError) in
      try tape.leaf(tape.value(node), needsGradient: true, label: "prediction")
    }
    return (.node(leaf), leaf)
  }

  private func callUser(
    _ function: UserFunction, _ arguments: [CallArgument], range: SourceRange, in frame: Frame,
    differentiateFirstArgument: Bool
  ) throws(LanguageError) -> CallResult {
    let parameters = function.parameters.map {
      Builtin.Parameter($0, default: function.defaults[$0])
    }
    let slots = try ArgumentBinding.bind(
      arguments, to: parameters, function: function.name, call: range)
    var locals: [String: RuntimeValue] = [:]
    var values: [RuntimeValue] = []
    var firstArgument: Variable?
    for (index, (parameter, slot)) in zip(function.parameters, slots).enumerated() {
      let expression: Expression
      switch slot {
      case .given(let given): expression = given
      case .defaulted(let value):
        locals[parameter] = try constant(value, at: range)
        continue
      case .absent: continue
      }
      var value = try evaluate(expression, in: frame)
      if index == 0, differentiateFirstArgument {
        (value, firstArgument) = try standIn(for: value, at: expression.range)
      }
      locals[parameter] = value
      values.append(value)
    }
    let inner = Frame(locals: locals, functions: function.callees)
    do {
      return CallResult(
        value: try evaluate(function.body, in: inner), firstArgument: firstArgument,
        arguments: values)
    } catch {
      throw error.within(.inFunction(function.name), at: range)
    }
  }
}
