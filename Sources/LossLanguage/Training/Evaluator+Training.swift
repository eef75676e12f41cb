import LossEngine

/// `train(LOSS, w, …, lr=, steps=, optimizer=, val=, until=, every=)` and `step(LOSS, w, …, lr=)`.
///
/// The loss is kept unevaluated and evaluated again at every step, on a fresh tape, in the frame
/// the call was written in, with the parameters set to their current values. The updated values
/// go to ``TrainingRecord``; the interpreter stores them in the scope after the statement, also
/// when training stops with an error (the last finite values are kept).
extension Evaluator {
  func train(_ arguments: BoundArguments) throws(LanguageError) -> RuntimeValue {
    let range = arguments.callRange
    let (loss, names, start) = try trainingSetup(arguments, for: "train")
    let options = try TrainingOptions(arguments, in: self, for: "train")
    var run = TrainingRun(
      parameters: names, optimizer: options.optimizer, learningRate: options.learningRate,
      steps: options.steps)
    if options.validation != nil { run.validation = [] }
    let points = TrainingRun.pathPoints(for: start)
    let stride = max(1, (options.steps + points) / points)
    var optimizer = options.optimizer.make(learningRate: options.learningRate)
    var values = start
    var previous = start
    defer {
      if let last = run.losses.indices.last, run.path.last?.step != last {
        run.path.append(.init(step: last, values: values))
      }
      record.set(names, values)
      record.runs.append(run)
    }
    let frame = arguments.frame
    for step in 0...options.steps {
      let point: (loss: Tensor, gradients: [Tensor])
      var validation: Double?
      do {
        point = try evaluate(
          loss, setting: names, to: values, in: frame, gradients: step < options.steps)
        if let expression = options.validation {
          validation = try scalar(
            evaluate(expression, setting: names, to: values, in: frame, gradients: false).loss,
            of: "the val loss", at: expression.range)
        }
      } catch {
        guard step > 0 else { throw error }
        values = previous
        if isInterrupted() {
          run.stop = .interrupted(step: step - 1)
          record.interruptionHandled.set()
          break
        }
        if case .engine(.overflow(let operation)) = error.problem {
          // Finite parameters that overflow the loss: the steps grew them until they did.
          let cause = TrainingProblem.Divergence.overflow(operation: operation)
          run.stop = .diverged(step: step, cause: cause)
          throw divergence(cause, step: step, options, names, at: range)
        }
        throw error.within(.trainingStep(step, of: options.steps), at: error.range)
      }
      let lossValue = try scalar(point.loss, of: "the loss", at: loss.range)
      guard lossValue.isFinite else {
        guard step > 0 else {
          throw LanguageError(
            .training(.startsNonFinite(loss: lossValue, parameters: names)), at: loss.range)
        }
        values = previous
        let cause = TrainingProblem.Divergence.loss(lossValue)
        run.stop = .diverged(step: step, cause: cause)
        throw divergence(cause, step: step, options, names, at: range)
      }
      run.losses.append(lossValue)
      if let validation { run.validation?.append(validation) }
      if step % stride == 0 { run.path.append(.init(step: step, values: values)) }
      record.observer?(
        TrainingProgress(
          step: step, steps: options.steps, loss: lossValue, validation: validation,
          parameters: names, values: values, every: options.every))
      if step == options.steps { break }
      if let threshold = options.threshold, lossValue <= threshold {
        run.stop = .reachedThreshold(step: step)
        break
      }
      if isInterrupted() {
        run.stop = .interrupted(step: step)
        record.interruptionHandled.set()
        break
      }
      if let bad = zip(names, point.gradients).first(where: { !$0.1.isFinite }) {
        let cause = TrainingProblem.Divergence.gradient(of: bad.0)
        run.stop = .diverged(step: step + 1, cause: cause)
        throw divergence(cause, step: step + 1, options, names, at: range)
      }
      previous = values
      do { try optimizer.step(&values, gradients: point.gradients) } catch {
        throw LanguageError(.engine(error), at: range)
      }
      if let bad = zip(names, values).first(where: { !$0.1.isFinite }) {
        values = previous
        let cause = TrainingProblem.Divergence.parameter(bad.0)
        run.stop = .diverged(step: step + 1, cause: cause)
        throw divergence(cause, step: step + 1, options, names, at: range)
      }
    }
    let curve: Tensor
    do {
      if let validation = run.validation {
        curve = try Tensor(matrix: [run.losses, validation])
      } else {
        curve = try Tensor(vector: run.losses)
      }
    } catch { throw LanguageError(.engine(error), at: range) }
    return .node(try constant(curve, at: range))
  }

  /// `step(LOSS, w, …, lr=0.1)`: one plain gradient-descent update, reported in full.
  func step(_ arguments: BoundArguments) throws(LanguageError) -> RuntimeValue {
    let range = arguments.callRange
    let (loss, names, values) = try trainingSetup(arguments, for: "step")
    let options = try TrainingOptions(arguments, in: self, for: "step")
    let frame = arguments.frame
    var predictions: Tensor?
    if case .call(let function, let callArguments, _, _) = loss,
      BuiltinLibrary.named(function)?.isLoss == true || frame.functions[function] != nil,
      let first = callArguments.first(where: { $0.label == nil })
    {
      predictions = try evaluate(
        first.value, setting: names, to: values, in: frame, gradients: false
      ).loss
    }
    let before = try evaluate(loss, setting: names, to: values, in: frame, gradients: true)
    let lossBefore = try scalar(before.loss, of: "the loss", at: loss.range)
    var after = values
    var sgd = StochasticGradientDescent(learningRate: options.learningRate)
    do { try sgd.step(&after, gradients: before.gradients) } catch {
      throw LanguageError(.engine(error), at: range)
    }
    let lossAfter = try scalar(
      evaluate(loss, setting: names, to: after, in: frame, gradients: false).loss,
      of: "the loss", at: loss.range)
    record.set(names, after)
    record.steps.append(
      StepReport(
        predictions: predictions, lossBefore: lossBefore, learningRate: options.learningRate,
        updates: (0..<names.count).map {
          .init(
            name: names[$0], before: values[$0], gradient: before.gradients[$0], after: after[$0])
        }, lossAfter: lossAfter))
    return .node(try constant(Tensor(scalar: lossAfter), at: range))
  }

  /// The loss expression, the parameters' names and their current values, all checked: each
  /// parameter is a variable of the shell holding numbers, and the loss uses it.
  private func trainingSetup(_ arguments: BoundArguments, for builtin: String)
    throws(LanguageError) -> (Expression, [String], [Tensor])
  {
    let range = arguments.callRange
    if insideGradient {
      throw LanguageError(.training(.nested(function: builtin)), at: range)
    }
    guard let loss = arguments.rest.first, arguments.rest.count >= 2 else {
      throw LanguageError(.training(.usage(function: builtin)), at: range)
    }
    var names: [String] = []
    var values: [Tensor] = []
    for parameter in arguments.rest.dropFirst() {
      guard case .name(let name, let nameRange) = parameter else {
        throw LanguageError(.training(.parameterNotAName(function: builtin)), at: parameter.range)
      }
      if arguments.frame.locals[name] != nil {
        throw LanguageError(
          .training(.parameterIsLocal(function: builtin, name: name)), at: nameRange)
      }
      guard !names.contains(name) else {
        throw LanguageError(.training(.parameterListedTwice(name)), at: nameRange)
      }
      guard case .tensor = scope[name] else {
        throw LanguageError(
          .training(
            scope[name].map {
              .parameterNotNumeric(function: builtin, name: name, what: $0.shapeDescription)
            }
              ?? .unknownParameter(
                function: builtin, name: name,
                suggestion: Suggestions.closest(to: name, among: scope.variables.keys))),
          at: nameRange)
      }
      guard loss.uses(name, functions: arguments.frame.functions) else {
        throw LanguageError(
          .training(.lossDoesNotUse(function: builtin, name: name)), at: nameRange)
      }
      guard case .tensor(let value)? = scope[name] else { continue }
      names.append(name)
      values.append(value)
    }
    return (loss, names, values)
  }

  /// `expression` with the named variables set to `values`, on a fresh tape, and its gradient
  /// with respect to each of them when asked.
  private func evaluate(
    _ expression: Expression, setting names: [String], to values: [Tensor], in frame: Frame,
    gradients: Bool
  ) throws(LanguageError) -> (loss: Tensor, gradients: [Tensor]) {
    var trial = scope
    for (name, value) in zip(names, values) { trial.set(name, .tensor(value)) }
    let inner = Evaluator(
      scope: trial, differentiating: gradients ? Set(names) : [], insideGradient: true,
      depth: depth, isInterrupted: isInterrupted)
    let innerFrame = try inner.transplant(frame, from: self, differentiating: [])
    var inputs: [Variable] = []
    if gradients {
      for name in names {
        if case .node(let leaf)? = try inner.leaf(for: name, at: expression.range) {
          inputs.append(leaf)
        }
      }
    }
    let output = try inner.node(
      inner.evaluate(expression, in: innerFrame), at: expression.range, for: "the loss")
    let value = inner.tape.value(output)
    guard gradients, value.isScalar else { return (value, []) }
    do {
      return (value, try inner.tape.gradients(of: output, withRespectTo: inputs))
    } catch {
      throw LanguageError(.engine(error), at: expression.range)
    }
  }

  private func scalar(_ value: Tensor, of what: String, at range: SourceRange)
    throws(LanguageError) -> Double
  {
    guard value.isScalar else {
      throw LanguageError(
        .training(.lossNotOneNumber(what: what, shape: value.shapeDescription)), at: range)
    }
    return value.storage[0]
  }

  private func divergence(
    _ cause: TrainingProblem.Divergence, step: Int, _ options: TrainingOptions,
    _ names: [String], at range: SourceRange
  ) -> LanguageError {
    LanguageError(
      .training(
        .diverged(
          step: step, steps: options.steps, cause: cause, learningRate: options.learningRate,
          parameters: names)), at: range)
  }
}

extension Expression {
  /// True when evaluating this expression can read `name`: it appears here, or in the body of
  /// a function called here (through that function's own callees) that does not shadow it.
  func uses(_ name: String, functions: [String: UserFunction]) -> Bool {
    var visited: Set<String> = []
    return uses(name, functions: functions, visited: &visited)
  }

  private func uses(
    _ name: String, functions: [String: UserFunction], visited: inout Set<String>
  ) -> Bool {
    switch self {
    case .number, .string: return false
    case .name(let n, _): return n == name
    case .list(let items, _):
      return items.contains { $0.uses(name, functions: functions, visited: &visited) }
    case .negate(let x, _): return x.uses(name, functions: functions, visited: &visited)
    case .binary(_, let a, let b, _):
      return a.uses(name, functions: functions, visited: &visited)
        || b.uses(name, functions: functions, visited: &visited)
    case .index(let a, let subscripts, _):
      return ([a] + subscripts.flatMap(\.expressions)).contains {
        $0.uses(name, functions: functions, visited: &visited)
      }
    case .call(let callee, let arguments, _, _):
      if arguments.contains(where: { $0.value.uses(name, functions: functions, visited: &visited) })
      {
        return true
      }
      guard let function = functions[callee], !function.parameters.contains(name),
        visited.insert(callee).inserted
      else { return false }
      return function.body.uses(name, functions: function.callees, visited: &visited)
    }
  }
}

extension Tensor {
  var isFinite: Bool { storage.allSatisfy(\.isFinite) }
}
