import LossEngine
import LossLanguage
import LossLessons

extension ShellSession {
  /// Runs one line of the language with everything the shell adds: loss reports, findings
  /// and watch updates. Commands and lesson steps use it to evaluate on the learner's behalf.
  public mutating func evaluate(_ source: String) -> [ShellEvent] {
    let parsed: Statement?
    do { parsed = try Parser.parse(source) } catch { return failure(error, source: source) }
    guard let parsed else { return [] }
    guard case .sequence(let statements) = parsed else { return evaluate(parsed, source: source) }
    // `a; b`: each statement as if typed alone; an error or Ctrl-C stops the rest.
    var events: [ShellEvent] = []
    for statement in statements {
      let produced = evaluate(statement, source: source)
      events += produced
      if produced.contains(where: \.stopsALine) || configuration.isInterrupted() { break }
    }
    return events
  }

  private mutating func evaluate(_ statement: Statement, source: String) -> [ShellEvent] {
    let outcome: Outcome
    do {
      outcome = try interpreter.run(statement, source: source)
    } catch {
      return failure(error, source: source) + variablesChanged(trainedNames)
    }
    let training =
      interpreter.trainingRuns.map(ShellEvent.trained) + interpreter.steps.map(ShellEvent.stepped)
    switch (outcome, statement) {
    case (.nothing, _):
      return []
    case (.value, .expression(.call("step", _, _, _))) where !interpreter.steps.isEmpty:
      return training + variablesChanged(trainedNames)
    case (.value(let value, let loss?), .expression(let expression)):
      if case .call(_, let arguments, _, _) = expression,
        let report = LossReportBuilder(
          interpreter: interpreter, call: loss, arguments: arguments, source: source,
          expression: expression
        ).build(value: value)
      {
        return [.lossReport(report)] + interruptionNotice()
      }
      return [.value(name: nil, value)] + findings(for: value, from: expression)
    case (.value(let value, _), .expression(let expression)):
      if let labelled = gradientLabels(value, expression) { return [.notice(labelled)] }
      return training + [.value(name: nil, value)] + findings(for: value, from: expression)
        + variablesChanged(trainedNames)
    case (.assigned(let name, let value), .assignment(_, _, _, let expression)):
      return training + [.value(name: name, value)] + findings(for: value, from: expression)
        + variablesChanged(trainedNames + [name])
    case (.assigned(let name, let value), _):
      return training + [.value(name: name, value)] + variablesChanged(trainedNames + [name])
    case (.assignedSeveral(let names, let values), _):
      return training + zip(names, values).map { ShellEvent.value(name: $0, $1) }
        + variablesChanged(trainedNames + names)
    case (.defined(let function), _):
      return [.defined(FunctionInfo(function))] + variablesChanged([function.name])
    case (.value(let value, _), _):
      return training + [.value(name: nil, value)] + variablesChanged(trainedNames)
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

  /// The variables `train` or `step` changed during the last statement.
  private var trainedNames: [String] {
    var names: [String] = []
    for name in interpreter.trainingRuns.flatMap(\.parameters)
      + interpreter.steps.flatMap({ $0.updates.map(\.name) }) where !names.contains(name)
    {
      names.append(name)
    }
    return names
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
