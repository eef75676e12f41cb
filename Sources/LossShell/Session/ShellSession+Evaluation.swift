import LossEngine
import LossLanguage
import LossLessons

extension ShellSession {
  /// Runs one line of the language with everything the shell adds: loss reports, findings
  /// and watch updates. Commands and lesson steps use it to evaluate on the learner's behalf.
  public mutating func evaluate(_ source: String) -> [ShellEvent] {
    let statement: Statement?
    let outcome: Outcome
    do {
      statement = try Parser.parse(source)
      guard let statement else { return [] }
      outcome = try interpreter.run(statement, source: source)
    } catch {
      return failure(error, source: source)
    }
    switch (outcome, statement) {
    case (.nothing, _):
      return []
    case (.value(let value, let loss?), .expression(let expression)?):
      if case .call(_, let arguments, _, _) = expression,
        let report = LossReportBuilder(
          interpreter: interpreter, call: loss, arguments: arguments, source: source,
          expression: expression
        ).build(value: value)
      {
        return [.lossReport(report)] + interruptionNotice()
      }
      return [.value(name: nil, value)] + findings(for: value, from: expression)
    case (.value(let value, _), .expression(let expression)?):
      if let labelled = gradientLabels(value, expression) { return [.notice(labelled)] }
      return [.value(name: nil, value)] + findings(for: value, from: expression)
    case (.assigned(let name, let value), .assignment(_, _, _, let expression)?):
      return [.value(name: name, value)] + findings(for: value, from: expression)
        + variablesChanged([name])
    case (.assigned(let name, let value), _):
      return [.value(name: name, value)] + variablesChanged([name])
    case (.defined(let function), _):
      return [.defined(FunctionInfo(function))] + variablesChanged([function.name])
    case (.value(let value, _), _):
      return [.value(name: nil, value)]
    }
  }

  /// `grad(f, w, b)` at the prompt: "∂/∂w = -10, ∂/∂b = -4", each gradient named by its variable.
  private func gradientLabels(_ value: Value, _ expression: Expression) -> String? {
    guard case .call("grad", let arguments, _, _) = expression, arguments.count > 2,
      case .list(let items) = value, items.count == arguments.count - 1
    else { return nil }
    var parts: [String] = []
    for (argument, item) in zip(arguments.dropFirst(), items) {
      guard case .name(let name, _) = argument.value else { return nil }
      parts.append("∂/∂\(name) = \(ValueFormatter.compact(item))")
    }
    return parts.joined(separator: ", ")
  }

  private func findings(for value: Value, from expression: Expression) -> [ShellEvent] {
    guard let tensor = value.tensor,
      let note = NonFiniteExplainer.explain(
        [tensor], subject: "the result", expression: expression, scope: scope)
    else { return [] }
    return [.finding(note)]
  }

  private func interruptionNotice() -> [ShellEvent] {
    configuration.isInterrupted()
      ? [.interrupted("interrupted: the rest of the explanation was skipped")] : []
  }

  /// An error event, or an interruption notice when Ctrl-C stopped the computation.
  func failure(_ error: LanguageError, source: String) -> [ShellEvent] {
    if configuration.isInterrupted() || error.isInterruption {
      return [.interrupted("interrupted: the computation was stopped; nothing was changed")]
    }
    var error = error
    // A lone misspelt word is more likely a command than a variable: suggest the command.
    if case .unknownName = error.problem, error.context.isEmpty,
      let word = Identifier.single(in: source),
      let command = Suggestions.closest(to: word, among: commands.names)
    {
      error.problem = .unknownNameLikeCommand(word, command: command)
    }
    return [.error(Diagnostic(error, source: source))]
      + (BeginnerHints.hint(for: source).map { [.notice($0)] } ?? [])
  }
}
