import LossEngine
import LossLanguage

extension LessonRun {
  /// A `def` line in a `define` step: checked by properties on a copy of the scope; kept in the
  /// lesson scope once it passes them all.
  mutating func tryDefine(_ line: String, _ define: DefineStep) -> [LessonEvent] {
    var scratch = interpreter
    let outcome: Outcome
    do { outcome = try scratch.run(line) } catch { return LessonRun.failure(error, in: line) }
    let example = "`def \(define.function)(p, y) = …`"
    guard case .defined(let function) = outcome else {
      return [.inputProblem("Type your loss as a definition: \(example).")]
    }
    guard function.name == define.function else {
      return [.inputProblem("Name it \(define.function): \(example).")]
    }
    guard function.parameters.count == 2 else {
      return [
        .inputProblem(
          "\(define.function) takes two arguments, the prediction and the target: \(example).")
      ]
    }
    state.tries += 1
    stats.recordAttempt(at: stepIndex)
    let targets: [Double]
    do {
      let value = try interpreter.evaluate(source: define.targets.source)
      targets = value.tensor?.storage ?? []
    } catch {
      return [.error(error, source: define.targets.source)]
    }
    let checker = PropertyChecker(interpreter: scratch, function: define.function, targets: targets)
    let verdicts = checker.check(define)
    var events: [LessonEvent] = verdicts.map {
      .propertyCheck(passed: $0.passed, property: $0.property, detail: $0.detail)
    }
    if verdicts.allSatisfy(\.passed) {
      interpreter.scope.define(function)
      state.isComplete = true
      return events + [
        .feedback("Your loss works: \(define.function) is yours to use from here on.", tone: .good),
        .stepComplete,
      ]
    }
    for wrong in define.wrong {
      var known = interpreter
      guard (try? known.run(wrong.definition.source)) != nil else { continue }
      let other = PropertyChecker(interpreter: known, function: define.function, targets: targets)
      if checker.sameValues(as: other) {
        stats.recordMisconception(wrong.definition.source, at: stepIndex)
        return events + [.feedback(render(wrong.say), tone: .bad)]
      }
    }
    events.append(
      .feedback(
        "Fix what failed and define it again (the Up arrow brings your line back).", tone: .bad))
    return events
  }
}
