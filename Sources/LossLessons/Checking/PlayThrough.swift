import LossEngine
import LossLanguage
import LossPlots

/// Plays a lesson from start to end with its own answers, collecting what went wrong.
struct PlayThrough {
  let lesson: Lesson
  let learner: String
  var drawing: LessonChecker.PlotCheck?

  func run() -> [LessonDiagnostic] {
    var run: LessonRun
    do { run = try LessonRun(lesson: lesson, learner: learner) } catch {
      return [LessonDiagnostic(error.message, at: lesson.position)]
    }
    var problems: [LessonDiagnostic] = []
    var events = run.begin()
    var guardSteps = 0
    while !run.isFinished, guardSteps < lesson.steps.count * 4 + 10 {
      guardSteps += 1
      let step = run.step
      let index = run.stepIndex
      problems += renderingProblems(events, step: step)
      let found = play(step, in: &run)
      problems += found
      if !found.isEmpty { return problems }
      events = run.next()
      if !run.isFinished, run.stepIndex != index + 1 {
        problems.append(
          LessonDiagnostic(
            "the lesson did not move on after this step \(learnerNote)", at: step.position))
        return problems
      }
    }
    problems += renderingProblems(events, step: nil)
    return problems
  }

  /// Texts whose `{{ … }}` could not be computed.
  private func renderingProblems(_ events: [LessonEvent], step: LessonStep?) -> [LessonDiagnostic] {
    events.compactMap { event in
      let words: String
      switch event {
      case .text(let t), .feedback(let t, _), .notice(let t): words = t
      case .hint(_, _, let t): words = t
      case .options(let options): words = options.joined(separator: "\n")
      case .error(let error, let source):
        return LessonDiagnostic(
          "`\(source)`: \(error.message) \(learnerNote)",
          at: step?.position ?? lesson.position)
      case .plotError(let error, let source):
        var at = step?.position ?? lesson.position
        if case .plot(let plot)? = step?.content { at = plot.call.position }
        return LessonDiagnostic("`\(source)`: \(error.message) \(learnerNote)", at: at)
      case .plot(let plot):
        guard let problem = drawing?(plot) else { return nil }
        return LessonDiagnostic(
          "the plot cannot be drawn well: \(problem) \(learnerNote)",
          at: step?.position ?? lesson.position)
      default: return nil
      }
      guard let start = words.range(of: LessonRun.renderingFailure) else { return nil }
      return LessonDiagnostic(
        "text could not be computed: \(words[start.lowerBound...].dropFirst().dropLast()) \(learnerNote)",
        at: step?.position ?? lesson.position)
    }
  }

  /// Why a message names a learner: lessons seed their data from the learner's name.
  private var learnerNote: String {
    "(with the data of learner '\(learner)': lesson check plays each lesson as"
      + " \(LessonChecker.learners.count) learners, since seeded data differs per learner)"
  }

  /// What a step's loss gives after its answer: "its loss is 2.5", or why it is not a loss.
  private func lossReached(_ loss: LessonExpression, in run: LessonRun) -> (
    words: String, isALoss: Bool
  ) {
    let value: Value
    do {
      value = try Interpreter(scope: run.scope).evaluate(source: loss.source)
    } catch {
      return ("the loss `\(loss.source)` cannot be computed: \(error.message)", false)
    }
    guard let tensor = value.tensor, let x = tensor.scalarValue else {
      let what = value.tensor.map { "a value of shape \($0.shapeDescription)" } ?? "text"
      return ("the loss `\(loss.source)` gives \(what); expected one number", false)
    }
    guard x.isFinite else {
      return (
        "the loss `\(loss.source)` is \(ValueFormatter.number(x)); expected a finite number", false
      )
    }
    return ("its loss `\(loss.source)` is \(ValueFormatter.number(x))", true)
  }

  private func play(_ step: LessonStep, in run: inout LessonRun) -> [LessonDiagnostic] {
    let number = run.stepIndex + 1
    func problem(_ message: String, at position: SourcePosition? = nil) -> [LessonDiagnostic] {
      [
        LessonDiagnostic(
          "step \(number) (\(step.content.kindName)): \(message) \(learnerNote)",
          at: position ?? step.position)
      ]
    }
    func completes(_ events: [LessonEvent]) -> Bool { events.contains(.stepComplete) }
    var collected: [LessonEvent] = []
    for hint in 0..<step.hints.count {
      let events = run.hint()
      collected += events
      if case .hint(let number, _, let text)? = events.first,
        text.contains(LessonRun.renderingFailure)
      {
        return problem(
          "hint \(number) could not be computed: \(text)", at: step.hints[hint].position)
      }
      _ = hint
    }
    switch step.content {
    case .say, .explore, .plot:
      return renderingProblems(collected, step: step)
    case .predict(let predict):
      guard let answer = run.answerText() else {
        return problem("the answer `\(predict.answer.source)` cannot be computed")
      }
      let tries = predict.goal == nil ? (predict.maxTries ?? 1) : 1
      var events: [LessonEvent] = []
      for _ in 0..<tries where !completes(events) { events = run.handle(answer) }
      let trouble = renderingProblems(events, step: step)
      if !trouble.isEmpty { return trouble }
      for case .inputProblem(let message) in events {
        return problem(
          "the answer `\(predict.answer.source)` (= \(answer)) is not a valid input: \(message)",
          at: predict.answer.position)
      }
      if completes(events) { return [] }
      let reached = lossReached(predict.loss, in: run)
      guard reached.isALoss else { return problem(reached.words, at: predict.loss.position) }
      let goal = predict.goal.map { " `\($0.source)`" } ?? ""
      return problem(
        "the answer `\(predict.answer.source)` (= \(answer)) does not reach the goal\(goal):"
          + " \(reached.words)", at: predict.answer.position)
    case .compute(let compute):
      for wrong in compute.wrong {
        let events = run.handle(run.typedForm(of: wrong.answer))
        if completes(events) {
          return problem(
            "the known-wrong answer `\(wrong.answer.source)` passes the check: it must fail")
        }
        let expected = run.render(wrong.say)
        guard events.contains(.feedback(expected, tone: .bad)) else {
          return problem(
            "the known-wrong answer `\(wrong.answer.source)` does not get its own feedback (another check matched first)"
          )
        }
      }
      return completes(run.handle(run.typedForm(of: compute.answer)))
        ? [] : problem("the answer `\(compute.answer.source)` does not pass its own check")
    case .choose(let choose):
      let shown = run.state.optionOrder
      for (position, option) in shown.enumerated() where !choose.options[option].isCorrect {
        if completes(run.handle("\(position + 1)")) {
          return problem("a wrong option was accepted")
        }
      }
      guard let correct = shown.firstIndex(where: { choose.options[$0].isCorrect }) else {
        return problem("no option is correct")
      }
      return completes(run.handle("\(correct + 1)"))
        ? [] : problem("the correct option was not accepted")
    case .define(let define):
      for wrong in define.wrong {
        let events = run.handle(wrong.definition.source)
        if completes(events) {
          return problem(
            "the known-wrong definition `\(wrong.definition.source)` passes every property: it must fail one"
          )
        }
        guard events.contains(.feedback(run.render(wrong.say), tone: .bad)) else {
          return problem(
            "the known-wrong definition `\(wrong.definition.source)` does not get its own feedback (it gives other values, or an earlier entry matched)"
          )
        }
      }
      let events = run.handle(define.answer.source)
      let trouble = renderingProblems(events, step: step)
      if !trouble.isEmpty { return trouble }
      if completes(events) { return [] }
      let failed = events.compactMap { event -> String? in
        if case .propertyCheck(false, let property, let detail) = event {
          return "\(property): \(detail)"
        }
        return nil
      }
      return problem(
        "the answer `\(define.answer.source)` does not pass its own checks"
          + (failed.isEmpty ? "" : " (\(failed.joined(separator: "; ")))"))
    case .tweak(let tweak):
      for name in tweak.variables where run.scope[name]?.tensor == nil {
        let known = run.scope.variables.keys.sorted()
        let suggestion = Suggestions.closest(to: name, among: known).map {
          " — did you mean '\($0)'?"
        }
        return problem(
          "variables: '\(name)' is not a number when the step starts"
            + (suggestion ?? "; expected a variable the setup assigns"))
      }
      var events: [LessonEvent] = []
      for line in tweak.answer where !completes(events) { events = run.handle(line.source) }
      let trouble = renderingProblems(events, step: step)
      if !trouble.isEmpty { return trouble }
      if completes(events) { return [] }
      let reached = lossReached(tweak.watch, in: run)
      guard reached.isALoss else { return problem(reached.words, at: tweak.watch.position) }
      let answer = tweak.answer.map { "`\($0.source)`" }.joined(separator: ", ")
      return problem(
        "the answer \(answer) does not reach the goal `\(tweak.goal.source)`: \(reached.words)",
        at: tweak.answer.first?.position)
    }
  }
}
