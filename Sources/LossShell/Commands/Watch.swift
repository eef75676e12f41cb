import LossEngine
import LossLanguage
import LossPlots

/// An expression pinned with `watch`: re-evaluated after every assignment to a variable it
/// depends on, so a learner tweaking `w` sees the loss and its slope move.
public struct Watch: Equatable, Sendable {
  /// As typed.
  public let source: String
  let expression: Expression
  /// The value shown last, to say how much it changed.
  var last: Value?
  /// True for a watched plot (`watch landscape(…)`): redrawn rather than re-evaluated.
  var isPlot = false
}

/// One watched expression's state after a change.
public struct WatchReport: Equatable, Sendable {
  public enum Result: Equatable, Sendable {
    case value(Value)
    /// It cannot be computed now (a variable was removed, shapes no longer match).
    case failed(String)
  }

  /// 1-based, as `unwatch N` takes it.
  public let number: Int
  public let source: String
  public let result: Result
  /// New value − previous value, when both are single finite numbers; negative is better.
  public let change: Double?
  /// The slope with respect to each variable that changed (or, when first watched, each
  /// variable it uses).
  public let gradients: [NamedTensor]
  /// True when the watch was just added.
  public let isNew: Bool
}

extension ShellSession {
  /// How many variables a new watch shows slopes for.
  static let initialGradientLimit = 6

  /// Re-evaluates every watch that depends on one of `names` (after an assignment, a
  /// definition, or a lesson setting variables) and reports each with its slope with respect
  /// to the changed variables.
  public mutating func variablesChanged(_ names: [String]) -> [ShellEvent] {
    var events: [ShellEvent] = []
    for index in watches.indices {
      let uses = references(of: watches[index].expression)
      let changed = names.filter { uses.contains($0) }
      guard !changed.isEmpty else { continue }
      if configuration.isInterrupted() {
        events.append(.interrupted("interrupted: watches were not updated"))
        break
      }
      if watches[index].isPlot {
        events.append(redraw(watches[index]))
        continue
      }
      events.append(.watchUpdate(refresh(index, gradientsFor: changed, isNew: false)))
    }
    return events
  }

  /// A watched plot drawn again with the current variables (or why it cannot be).
  mutating func redraw(_ watch: Watch) -> ShellEvent {
    switch buildPlot(watch.source, source: watch.source, offset: 0) {
    case .success(let plot):
      self[state: LastPlotKey.self] = plot
      return .plot(plot)
    case .failure(let report):
      return .notice("the watched \(watch.source) cannot be drawn now: \(report.message)")
    }
  }

  /// Evaluates watch `index`, remembers its value and reports it.
  mutating func refresh(_ index: Int, gradientsFor names: [String], isNew: Bool) -> WatchReport {
    let watch = watches[index]
    let result: WatchReport.Result
    var change: Double?
    var gradients: [NamedTensor] = []
    do {
      let evaluated = try interpreter.evaluate(watch.expression, gradientsFor: names)
      result = .value(evaluated.value)
      if let old = watch.last?.tensor, old.count == 1, let oldValue = old.scalarValue,
        let new = evaluated.value.tensor, new.count == 1, let newValue = new.scalarValue,
        oldValue.isFinite, newValue.isFinite
      {
        change = newValue - oldValue
      }
      gradients = names.compactMap { name in
        evaluated.gradients[name].map { NamedTensor(name: name, tensor: $0) }
      }
      watches[index].last = evaluated.value
    } catch {
      result = .failed(error.message)
    }
    return WatchReport(
      number: index + 1, source: watch.source, result: result, change: change, gradients: gradients,
      isNew: isNew)
  }

  /// The global names an expression reads, looking into the learner's functions.
  func references(of expression: Expression) -> Set<String> {
    var names: Set<String> = []
    var visited: Set<String> = []
    collect(expression, locals: [], into: &names, visited: &visited)
    return names
  }

  private func collect(
    _ expression: Expression, locals: Set<String>, into names: inout Set<String>,
    visited: inout Set<String>
  ) {
    switch expression {
    case .number, .string: return
    case .name(let name, _):
      if !locals.contains(name) { names.insert(name) }
    case .list(let items, _):
      items.forEach { collect($0, locals: locals, into: &names, visited: &visited) }
    case .negate(let x, _):
      collect(x, locals: locals, into: &names, visited: &visited)
    case .binary(_, let a, let b, _):
      collect(a, locals: locals, into: &names, visited: &visited)
      collect(b, locals: locals, into: &names, visited: &visited)
    case .index(let a, let subscripts, _):
      for part in [a] + subscripts.flatMap(\.expressions) {
        collect(part, locals: locals, into: &names, visited: &visited)
      }
    case .call(let name, let arguments, _, _):
      arguments.forEach { collect($0.value, locals: locals, into: &names, visited: &visited) }
      guard let function = scope.functions[name] else { return }
      names.insert(name)
      if visited.insert(name).inserted {
        collect(function.body, locals: Set(function.parameters), into: &names, visited: &visited)
      }
    }
  }

  // MARK: Commands

  /// `watch`, `watch EXPR`.
  static func watchCommand(_ session: inout ShellSession, _ input: CommandInvocation)
    -> [ShellEvent]
  {
    guard !input.argument.isEmpty else {
      guard !session.watches.isEmpty else {
        return [.notice("nothing is watched yet; try: watch mse(w * 2, 3) and then change w")]
      }
      let reports = session.watches.indices.filter { !session.watches[$0].isPlot }.map {
        session.refresh($0, gradientsFor: [], isNew: false)
      }
      return (reports.isEmpty ? [] : [.watchList(reports)])
        + session.watches.filter(\.isPlot).map { session.redraw($0) }
    }
    let expression: Expression
    do {
      expression = try Parser.parseExpression(input.argument)
    } catch {
      return [
        .error(
          Diagnostic(
            message: error.message, source: input.source, range: input.sourceRange(error.range)))
      ]
    }
    let source = input.argument
    if let existing = session.watches.firstIndex(where: { $0.source == source }) {
      return [.notice("already watching that as watch \(existing + 1)")]
    }
    guard session.watches.count < session.configuration.watchLimit else {
      return [
        .error(
          Diagnostic(
            message:
              "at most \(session.configuration.watchLimit) expressions can be watched; unwatch one first",
            source: input.source, range: input.sourceRange(nil)))
      ]
    }
    if case .call(let name, _, _, _) = expression, PlotBuilder.isPlotCall(name),
      session.scope.functions[name] == nil
    {
      let offset = input.argumentColumn
      switch session.buildPlot(source, source: input.source, offset: offset) {
      case .failure(let report): return [.error(report)]
      case .success(let plot):
        session[state: LastPlotKey.self] = plot
        session.watches.append(
          Watch(source: source, expression: expression, last: nil, isPlot: true))
        return [.plot(plot)]
      }
    }
    session.watches.append(Watch(source: source, expression: expression, last: nil))
    let variables = session.references(of: expression).filter { session.scope[$0]?.tensor != nil }
      .sorted()
    let report = session.refresh(
      session.watches.count - 1, gradientsFor: Array(variables.prefix(initialGradientLimit)),
      isNew: true)
    return [.watchUpdate(report)]
  }

  /// `unwatch` (all), `unwatch N`, or `unwatch EXPR` as it was typed.
  static func unwatchCommand(_ session: inout ShellSession, _ input: CommandInvocation)
    -> [ShellEvent]
  {
    guard !session.watches.isEmpty else { return [.notice("nothing is being watched")] }
    if input.argument.isEmpty {
      let count = session.watches.count
      session.watches.removeAll()
      return [.notice("stopped watching \(count == 1 ? "1 expression" : "\(count) expressions")")]
    }
    let index: Int
    if let number = Int(input.argument) {
      guard number >= 1, number <= session.watches.count else {
        let range = session.watches.count == 1 ? "1" : "1 to \(session.watches.count)"
        return [
          .error(
            Diagnostic(
              message:
                "there is no watch \(number); the watches are numbered \(range) (type watch to list them)",
              source: input.source, range: input.sourceRange(nil)))
        ]
      }
      index = number - 1
    } else if let match = session.watches.firstIndex(where: { $0.source == input.argument }) {
      index = match
    } else {
      return [
        .error(
          Diagnostic(
            message:
              "unwatch takes a watch's number (type watch to list them), or nothing to stop them all",
            source: input.source, range: input.sourceRange(nil)))
      ]
    }
    let removed = session.watches.remove(at: index)
    return [.notice("stopped watching \(removed.source)")]
  }
}
