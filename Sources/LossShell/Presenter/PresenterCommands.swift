import LossLanguage
import LossLessons

/// The two commands presenter mode adds to the lesson commands.
enum PresenterCommands {
  /// `reveal`: the answer, then the engine's working (a loss call's report with its terms
  /// written out one by one); the step counts as done, so Enter goes on.
  static func reveal(_ context: LessonContext) -> ShellCommand {
    ShellCommand(
      name: "reveal", summary: "show this step's answer and the engine's working",
      details: [
        "The answer is applied as if typed, so Enter then moves on. Nothing is counted or saved."
      ],
      example: "reveal", group: "lessons"
    ) { session, _ in
      guard var run = session[state: ActiveLesson.self].run else {
        return [.notice("No lesson is running. Type `start N` to present lesson N.")]
      }
      let working = run.workingExpression
      guard let answer = run.reveal() else {
        return [.notice("This step has no answer to reveal: press Enter to go on.")]
      }
      var events = LessonCommands.after([.answer(answer)], run: run, in: &session, context)
      if let working {
        let isLoss: Bool
        if case .predict = run.step.content { isLoss = true } else { isLoss = false }
        events += workedOut(
          working, in: run.scope, valueName: isLoss ? "loss" : nil, session.configuration)
      }
      return events
    }
  }

  /// `goto N`: step N of the running lesson, with the earlier steps' answers applied.
  static func goto(_ context: LessonContext) -> ShellCommand {
    ShellCommand(
      name: "goto", arguments: "N", summary: "jump to step N of the lesson",
      details: [
        "Earlier steps count as answered, so the numbers are the ones the class would have."
      ],
      example: "goto 3", group: "lessons"
    ) { session, invocation in
      guard var run = session[state: ActiveLesson.self].run else {
        return [.notice("No lesson is running. Type `start N` to present lesson N.")]
      }
      guard let number = Int(invocation.argument), (1...run.stepCount).contains(number) else {
        return [
          .notice(
            "`goto` needs a step number from 1 to \(run.stepCount), like `goto \(min(3, run.stepCount))`."
          )
        ]
      }
      let events = run.begin(at: number - 1)
      return LessonCommands.after(events, run: run, in: &session, context)
    }
  }

  /// The shell's own explanation of `expression` in `scope`: a loss report (value, gradient,
  /// one row per term) for a loss call; a plain value only when it is worth naming
  /// (`valueName`: a predict step's loss at the answer), since a compute step's answer already
  /// shows its value.
  static func workedOut(
    _ expression: String, in scope: Scope, valueName: String?,
    _ configuration: ShellConfiguration
  ) -> [ShellEvent] {
    var scratch = ShellSession(
      configuration: ShellConfiguration(
        interactive: true, isInterrupted: configuration.isInterrupted))
    scratch.scope = scope
    let events = scratch.evaluate(expression)
    let values = events.compactMap { event -> Value? in
      if case .value(_, let value) = event { value } else { nil }
    }
    guard values.count == events.count else { return events }
    guard let valueName else { return [] }
    return values.map { .value(name: valueName, $0) }
  }
}
