import LossEngine

/// What one line produced.
public enum Outcome: Equatable, Sendable {
  /// A blank or comment-only line.
  case nothing
  /// An expression's value; `loss` is set when it was a top-level loss call.
  case value(Value, loss: LossCall?)
  case assigned(name: String, Value)
  /// `w, b = …`: the names in order and the values they now hold.
  case assignedSeveral(names: [String], values: [Value])
  case defined(UserFunction)
}

/// A top-level call of a built-in loss or a user function, with what the shell needs to
/// explain it: the prediction, the target, and ∂loss/∂prediction.
public struct LossCall: Equatable, Sendable {
  public let function: String
  public let isBuiltin: Bool
  /// The name of the prediction's parameter (`p`, `z` for `bce_logits`, a `def`'s first), as
  /// the gradient is labelled: ∂/∂z.
  public let parameter: String
  public let prediction: Tensor
  /// The second argument, when it was numbers.
  public let target: Tensor?
  /// ∂value/∂(first argument); nil when the value is not a single number.
  public let gradient: Tensor?
}

/// Runs lines of the language against a ``Scope``: the one entry point the shell, the lessons
/// and `losslab eval` use.
public struct Interpreter: Sendable {
  public var scope: Scope
  /// Polled during evaluation; return true to stop (Ctrl-C).
  public var isInterrupted: @Sendable () -> Bool
  /// Called at every step of a `train` (the shell draws a live curve from these).
  public var onTrainingProgress: (@Sendable (TrainingProgress) -> Void)?
  /// Reads the files `load` names (the language does no I/O itself); nil refuses `load`.
  public var fileReader: FileReader?
  /// What the variables may hold at once (``Scope/maximumStoredBytes``; tests lower it).
  public var maximumStoredBytes = Scope.maximumStoredBytes
  /// The last `train` run, or the `step`s since, kept for pictures of it (its curve, its path
  /// over the landscape).
  public private(set) var lastTraining: TrainingRun?
  /// What `train` and `step` did during the last statement run, in order.
  public private(set) var trainingRuns: [TrainingRun] = []
  public private(set) var steps: [StepReport] = []

  public init(scope: Scope = Scope(), isInterrupted: @escaping @Sendable () -> Bool = { false }) {
    self.scope = scope
    self.isInterrupted = isInterrupted
  }

  /// Parses and runs one line, updating the scope for assignments and definitions.
  @discardableResult
  public mutating func run(_ line: String) throws(LanguageError) -> Outcome {
    guard let statement = try Parser.parse(line) else { return .nothing }
    return try run(statement, source: line)
  }

  /// Runs one parsed statement; a ``Statement/sequence(_:)`` runs its statements in turn (an
  /// error stops the rest) and gives the last one's outcome.
  @discardableResult
  public mutating func run(_ statement: Statement, source: String) throws(LanguageError) -> Outcome
  {
    trainingRuns = []
    steps = []
    return try execute(statement, source: source)
  }

  private mutating func execute(_ statement: Statement, source: String) throws(LanguageError)
    -> Outcome
  {
    let record = TrainingRecord(observer: onTrainingProgress)
    // Training keeps what it reached even when the statement then fails (a diverging run
    // keeps its last finite parameters), so the record is applied on every path.
    defer { apply(record) }
    switch statement {
    case .sequence(let statements):
      var last = Outcome.nothing
      for statement in statements { last = try execute(statement, source: source) }
      return last
    case .expression(let expression):
      return try evaluateTopLevel(expression, record: record)
    case .assignment(let name, let nameRange, let index, let valueExpression):
      try checkAssignable(name, at: nameRange)
      let value = try evaluate(valueExpression, record: record)
      apply(record)
      if let index {
        let updated = try assignBlock(
          of: name, at: index, nameRange: nameRange, to: value, valueRange: valueExpression.range)
        scope.set(name, updated)
        return .assigned(name: name, updated)
      }
      try checkStorable([name], [value], at: nameRange)
      scope.set(name, value)
      return .assigned(name: name, value)
    case .multipleAssignment(let names, let nameRanges, let expressions):
      for (name, range) in zip(names, nameRanges) { try checkAssignable(name, at: range) }
      let evaluator = makeEvaluator(record)
      var values = try expressions.map { expression throws(LanguageError) in
        evaluator.value(try evaluator.evaluate(expression, in: evaluator.topFrame))
      }
      if values.count == 1, names.count > 1, let expression = expressions.first {
        values = try unpack(values[0], into: names.count, at: expression.range)
      }
      apply(record)
      try checkStorable(names, values, at: nameRanges.first)
      for (name, value) in zip(names, values) { scope.set(name, value) }
      return .assignedSeveral(names: names, values: values)
    case .definition(let name, let nameRange, let parameters, let body, let defaultExpressions):
      try checkAssignable(name, at: nameRange)
      for parameter in parameters where BuiltinLibrary.isReserved(parameter) {
        throw LanguageError(.parameterHidesBuiltin(parameter), at: nameRange)
      }
      let calls = try callees(of: body, defining: name)
      let callHeight = 1 + (calls.values.map(\.callHeight).max() ?? 0)
      guard callHeight <= Parser.maxDepth else {
        throw LanguageError(
          .nestingTooDeep(.definition(function: name, limit: Parser.maxDepth)), at: nameRange)
      }
      var defaults: [String: Value] = [:]
      for (parameter, expression) in defaultExpressions {
        defaults[parameter] = try evaluate(expression)
      }
      let function = UserFunction(
        name: name, parameters: parameters, body: body, defaults: defaults,
        source: source.trimmed, callees: calls, callHeight: callHeight)
      scope.define(function)
      return .defined(function)
    }
  }

  private func makeEvaluator(_ record: TrainingRecord) -> Evaluator {
    let evaluator = Evaluator(scope: scope, record: record, isInterrupted: isInterrupted)
    evaluator.fileReader = fileReader
    return evaluator
  }

  /// Stores what training reached and keeps its reports; empties the record.
  /// Refuses to keep `values` under `names` when the variables would then hold more than
  /// ``maximumStoredBytes``: a learner's session is bounded in memory like each line.
  private func checkStorable(_ names: [String], _ values: [Value], at range: SourceRange?)
    throws(LanguageError)
  {
    guard !scope.fits(replacing: names, adding: values, limit: maximumStoredBytes) else { return }
    throw LanguageError(
      .variablesTooLarge(
        holding: scope.storedBytes(), limit: maximumStoredBytes,
        largest: scope.variables.max { $0.value.byteCount < $1.value.byteCount }?.key),
      at: range)
  }

  private mutating func apply(_ record: TrainingRecord) {
    for (name, value) in record.updates { scope.set(name, .tensor(value)) }
    trainingRuns += record.runs
    steps += record.steps
    if let last = record.runs.last { lastTraining = last }
    for report in record.steps {
      lastTraining = TrainingRun.after(report, continuing: lastTraining)
    }
    record.updates = []
    record.runs = []
    record.steps = []
  }

  /// One value spread over `count` names: a list of `count` items, or the elements of a
  /// vector (the rows of a matrix) of length `count`.
  private func unpack(_ value: Value, into count: Int, at range: SourceRange) throws(LanguageError)
    -> [Value]
  {
    switch value {
    case .list(let items) where items.count == count:
      return items
    case .tensor(let t) where !t.isScalar && t.shape[0] == count:
      let width = t.count / count
      return (0..<count).map { i in
        let part = Array(t.storage[(i * width)..<((i + 1) * width)])
        return .tensor(
          t.rank == 1
            ? Tensor(scalar: part[0])
            : (try? Tensor(vector: part)) ?? Tensor(scalar: .nan))
      }
    default:
      throw LanguageError(
        .statement(.cannotUnpack(names: count, what: value.shapeDescription)), at: range)
    }
  }

  /// Evaluates an expression without changing the scope.
  public func evaluate(_ expression: Expression) throws(LanguageError) -> Value {
    try evaluate(expression, record: TrainingRecord())
  }

  /// Evaluates with training's updates going to `record`. A helper, so that its evaluator's
  /// copy of the scope is gone before the scope changes: a copy still alive would make every
  /// assignment copy every variable.
  private func evaluate(_ expression: Expression, record: TrainingRecord) throws(LanguageError)
    -> Value
  {
    let evaluator = makeEvaluator(record)
    return evaluator.value(try evaluator.evaluate(expression, in: evaluator.topFrame))
  }

  /// Evaluates a one-number expression and its gradient with respect to each named variable
  /// (what `watch` shows after an assignment).
  public func evaluate(_ expression: Expression, gradientsFor names: [String]) throws(LanguageError)
    -> (value: Value, gradients: [String: Tensor])
  {
    let usable = names.filter { if case .tensor = scope[$0] { return true } else { return false } }
    let evaluator = Evaluator(
      scope: scope, differentiating: Set(usable), isInterrupted: isInterrupted)
    // Leaves before the output, so that unused variables get zeros (see Evaluator.gradient).
    var inputs: [Variable] = []
    for name in usable {
      if case .node(let leaf)? = try evaluator.leaf(for: name, at: expression.range) {
        inputs.append(leaf)
      }
    }
    let result = try evaluator.evaluate(expression, in: evaluator.topFrame)
    var gradients: [String: Tensor] = [:]
    if case .node(let node) = result, evaluator.tape.value(node).count == 1, !usable.isEmpty {
      let values: [Tensor]
      do { values = try evaluator.tape.gradients(of: node, withRespectTo: inputs) } catch {
        throw LanguageError(.engine(error), at: expression.range)
      }
      for (name, g) in zip(usable, values) { gradients[name] = g }
    }
    return (evaluator.value(result), gradients)
  }

  private func evaluateTopLevel(_ expression: Expression, record: TrainingRecord)
    throws(LanguageError) -> Outcome
  {
    let evaluator = makeEvaluator(record)
    guard case .call(let name, let arguments, let nameRange, let range) = expression,
      BuiltinLibrary.named(name)?.isLoss == true || scope.functions[name] != nil
    else {
      return .value(
        evaluator.value(try evaluator.evaluate(expression, in: evaluator.topFrame)), loss: nil)
    }
    let result = try evaluator.call(
      name, arguments, nameRange: nameRange, range: range, in: evaluator.topFrame,
      differentiateFirstArgument: true)
    let value = evaluator.value(result.value)
    guard let first = result.firstArgument else { return .value(value, loss: nil) }
    var gradient: Tensor?
    if case .node(let output) = result.value, evaluator.tape.value(output).count == 1 {
      do { gradient = try evaluator.tape.gradients(of: output, withRespectTo: [first])[0] } catch {
        throw LanguageError(.engine(error), at: range)
      }
    }
    var target: Tensor?
    if result.arguments.count > 1, case .node(let y) = result.arguments[1] {
      target = evaluator.tape.value(y)
    }
    let parameter =
      BuiltinLibrary.named(name)?.parameters.first?.name
      ?? scope.functions[name]?.parameters.first ?? "p"
    let call = LossCall(
      function: name, isBuiltin: BuiltinLibrary.named(name) != nil, parameter: parameter,
      prediction: evaluator.tape.value(first),
      target: target, gradient: gradient)
    return .value(value, loss: call)
  }

  private func checkAssignable(_ name: String, at range: SourceRange) throws(LanguageError) {
    if BuiltinLibrary.isReserved(name) {
      throw LanguageError(.builtinRedefined(name), at: range)
    }
  }

  /// `p[2] = 4`, `X[i, j] = v`, `x[2:4] = [a, b, c]`, `X[:, 1] = c`: a copy of the variable
  /// with one block replaced, positions checked as when reading. The copy leaves any other
  /// variable that held the same numbers as it was.
  private func assignBlock(
    of name: String, at subscripts: [Subscript], nameRange: SourceRange, to value: Value,
    valueRange: SourceRange
  ) throws(LanguageError) -> Value {
    guard case .tensor(let current)? = scope[name], !current.isScalar else {
      throw LanguageError(
        scope[name] == nil ? .elementOfUnknownName(name) : .noElementsToReplace(name),
        at: nameRange)
    }
    let picks: [AxisPick]
    do {
      let evaluator = makeEvaluator(TrainingRecord())
      picks = try evaluator.picks(subscripts, shape: current.shape, in: evaluator.topFrame)
    }
    guard case .tensor(let block) = value else {
      throw LanguageError(.onlyNumbersStored(name), at: valueRange)
    }
    let expected = AxisPick.blockShape(picks)
    guard block.shape == expected || (block.count == 1 && expected.reduce(1, *) == 1) else {
      throw LanguageError(
        .elementShapeMismatch(
          name: name, picks: Array(picks.prefix(subscripts.count)), expected: expected,
          got: block.shape),
        at: valueRange)
    }
    do { return .tensor(try current.replacing(picks, with: block)) } catch {
      throw LanguageError(.engine(error), at: valueRange)
    }
  }

  /// The user functions a body calls, bound now. Calling itself (directly or through a
  /// function defined later) is refused, so evaluation always terminates.
  private func callees(of body: Expression, defining name: String) throws(LanguageError) -> [String:
    UserFunction]
  {
    var found: [String: UserFunction] = [:]
    var failure: LanguageError?
    body.visitCalls { callName, range in
      guard failure == nil, BuiltinLibrary.named(callName) == nil else { return }
      if callName == name {
        failure = LanguageError(.recursion, at: range)
      } else if let function = scope.functions[callName] {
        found[callName] = function
      } else {
        let known = BuiltinLibrary.names + Array(scope.functions.keys)
        failure = LanguageError(
          .callsUndefinedFunction(
            callName, suggestion: Suggestions.closest(to: callName, among: known)),
          at: range)
      }
    }
    if let failure { throw failure }
    return found
  }
}

extension Expression {
  /// Calls `body` with the name and columns of every call inside, outermost first.
  func visitCalls(_ body: (String, SourceRange) -> Void) {
    switch self {
    case .number, .string, .name: return
    case .list(let items, _): items.forEach { $0.visitCalls(body) }
    case .negate(let x, _): x.visitCalls(body)
    case .binary(_, let a, let b, _):
      a.visitCalls(body)
      b.visitCalls(body)
    case .call(let name, let arguments, let nameRange, _):
      body(name, nameRange)
      arguments.forEach { $0.value.visitCalls(body) }
    case .index(let a, let subscripts, _):
      a.visitCalls(body)
      subscripts.flatMap(\.expressions).forEach { $0.visitCalls(body) }
    }
  }
}
