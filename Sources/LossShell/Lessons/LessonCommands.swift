import Foundation
import LossLanguage
import LossLessons

extension CommandRegistry {
  /// The standard commands plus the lesson commands, all working on `context`'s library.
  public static func withLessons(_ context: LessonContext) -> CommandRegistry {
    var registry = CommandRegistry.standard
    for command in LessonCommands.all(context) { registry.register(command) }
    return registry
  }
}

/// `lessons`, `start`, `next`, `back`, `again`, `restart`, `skip`, `hint`, `where`, `leave`.
enum LessonCommands {
  static func all(_ context: LessonContext) -> [ShellCommand] {
    [
      ShellCommand(
        name: "lessons", summary: "the course: every lesson, marked done, in progress or new",
        example: "lessons", group: "lessons"
      ) { session, _ in [.lessonMenu(LessonMenu(context: context))] },
      ShellCommand(
        name: "start", aliases: ["continue"], arguments: "[NUMBER|ID]",
        summary: "start a lesson (alone: continue where you left off)",
        details: [
          "A lesson you left half-way resumes at the step you were on; `restart` begins it again."
        ],
        example: "start 1", group: "lessons", completion: .lessonNames
      ) { session, input in start(&session, input.argument, context) },
      stepCommand("next", "move on to the next step (or press Enter)", context) { $0.next() },
      stepCommand("back", "go back to the previous step, as it was", context) { $0.back() },
      stepCommand("again", "start this step over", context) { $0.again() },
      stepCommand("restart", "start this lesson over from step 1", context) { $0.begin(at: 0) },
      stepCommand("skip", "show this step's answer and move on (counted as a skip)", context) {
        $0.skip()
      },
      stepCommand("hint", "a hint for this step; the last one shows the answer", context) {
        $0.hint()
      },
      ShellCommand(
        name: "where", summary: "which lesson and step you are on", example: "where",
        group: "lessons"
      ) { session, _ in
        guard let run = session[state: ActiveLesson.self].run else {
          return [.notice("No lesson is running. Type `lessons` to see the course.")]
        }
        return [.notice("You are in \(run.whereText).")]
      },
      ShellCommand(
        name: "leave", summary: "leave the lesson for the free shell (your progress is kept)",
        example: "leave", group: "lessons"
      ) { session, _ in
        guard let run = session[state: ActiveLesson.self].run else {
          return [.notice("No lesson is running.")]
        }
        let notice = save(&session, context, position: run.stepIndex)
        session[state: ActiveLesson.self] = LessonState()
        session.interceptor = nil
        return [
          .notice(
            "You left \(run.lesson.title) at step \(run.stepIndex + 1); `start` brings you back.")
        ]
          + (notice.map { [.notice($0)] } ?? [])
      },
    ]
  }

  /// A command that acts on the running lesson.
  private static func stepCommand(
    _ name: String, _ summary: String, _ context: LessonContext,
    _ action: @escaping @Sendable (inout LessonRun) -> [LessonEvent]
  ) -> ShellCommand {
    ShellCommand(name: name, summary: summary, example: name, group: "lessons") { session, _ in
      guard var run = session[state: ActiveLesson.self].run else {
        return [.notice("No lesson is running. Type `lessons` to see the course, or `start 1`.")]
      }
      let events = action(&run)
      return after(events, run: run, in: &session, context)
    }
  }

  // MARK: Starting

  static func start(_ session: inout ShellSession, _ argument: String, _ context: LessonContext)
    -> [ShellEvent]
  {
    let (progress, notice) = context.progress.load()
    var events: [ShellEvent] = notice.map { [.notice($0)] } ?? []
    let entry: LessonLibrary.Entry
    if argument.isEmpty {
      let unfinished = context.library.entries.filter {
        !progress.completedLessons.contains($0.id.rawValue)
      }
      let current = progress.position.lesson.flatMap { id in
        unfinished.first { $0.id.rawValue == id }
      }
      guard let chosen = current ?? unfinished.first else {
        guard let last = context.library.entries.last else {
          return events + [.notice("There are no lessons to start.")]
        }
        return events + [.notice(courseCompleteText(lessons: last.menuNumber))]
      }
      entry = chosen
    } else {
      switch context.library.find(argument) {
      case .found(let found): entry = found
      case .noSuchNumber(let number, let count):
        return events + [
          .notice(
            "There is no lesson \(number): the course has lessons 1 to \(count). Type `lessons` to see them."
          )
        ]
      case .noSuchLesson(let query, let suggestion):
        return events + [
          .notice(
            "There is no lesson '\(query)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? ".")
              + " Type `lessons` to see them.")
        ]
      }
    }
    if let notice = unmetRequirements(of: entry, progress, context) {
      events.append(.notice(notice.text))
      if notice.refuses { return events }
    }
    let saved = progress.lesson(entry.id)
    var run: LessonRun
    do {
      run = try LessonRun(
        lesson: entry.lesson, learner: context.learner,
        seed: context.seed ?? context.classSettings?.seed(for: entry.id),
        rules: context.classSettings?.rules(for: entry.id) ?? .open, earlier: saved,
        isInterrupted: session.configuration.isInterrupted)
    } catch {
      return events + [
        .error(Diagnostic(message: "lesson \(entry.id.rawValue) cannot start: \(error.message)"))
      ]
    }
    let resumeStep = saved.flatMap { $0.isCompleted ? nil : $0.step } ?? 0
    if resumeStep > 0 {
      events.append(
        .notice("Welcome back: resuming at step \(resumeStep + 1). Type `restart` to begin again."))
    }
    var state = LessonState()
    state.menuNumber = entry.menuNumber
    session[state: ActiveLesson.self] = state
    let lessonEvents = run.begin(at: resumeStep)
    return events + after(lessonEvents, run: run, in: &session, context)
  }

  /// What `start` says of a lesson's unfinished `requires`: advice by default; a refusal when a
  /// class file enforces them.
  static func unmetRequirements(
    of entry: LessonLibrary.Entry, _ progress: LearnerProgress, _ context: LessonContext
  ) -> (text: String, refuses: Bool)? {
    let unmet = entry.lesson.requires.filter { !progress.completedLessons.contains($0.rawValue) }
      .compactMap(context.library.entry(id:))
    guard let first = unmet.first else { return nil }
    let names = unmet.map { "lesson \($0.menuNumber) (\($0.lesson.title))" }
      .joined(separator: " and ")
    if context.classSettings?.requires == .enforced {
      return (
        "Your teacher asks you to finish \(names) before this lesson: type `start \(first.menuNumber)`.",
        true
      )
    }
    guard context.advisesRequires else { return nil }
    return (
      "This lesson builds on \(names), not finished yet: you can go on, or type"
        + " `start \(first.menuNumber)` first.", false
    )
  }

  /// What `start` and the end of the last lesson say once every lesson is done.
  static func courseCompleteText(lessons: Int) -> String {
    "You have finished the whole course: all \(lessons) lessons. From here: `start N` revisits"
      + " lesson N, `lessons` shows the course, and the free shell is yours: try"
      + " `mse([2.5, 5], [3, 5])`, or write your own loss with `def` (`help def` says how)."
  }

  // MARK: After every lesson action

  /// Stores the run, points the prompt at it, saves progress when a step was completed, and
  /// wraps the events for the renderer.
  static func after(
    _ events: [LessonEvent], run: LessonRun, in session: inout ShellSession,
    _ context: LessonContext
  ) -> [ShellEvent] {
    var state = session[state: ActiveLesson.self]
    let previousStep = state.run?.stepIndex
    state.run = run
    session[state: ActiveLesson.self] = state
    var out = events.map { ShellEvent.lesson($0) }
    if run.isFinished {
      if let notice = complete(&session, context, run: run) { out.append(.notice(notice)) }
      if let notice = handIn(context) { out.append(.notice(notice)) }
      session[state: ActiveLesson.self] = LessonState()
      session.interceptor = nil
      if let next = context.library.entries.first(where: { $0.menuNumber == state.menuNumber + 1 })
      {
        out.append(
          .notice(
            "Next: lesson \(next.menuNumber), \(next.lesson.title). Type `start \(next.menuNumber)`."
          ))
      } else {
        let completed = context.progress.load().progress.completedLessons
        if context.library.entries.allSatisfy({ completed.contains($0.id.rawValue) }) {
          out.append(.notice(courseCompleteText(lessons: context.library.entries.count)))
        }
      }
      return out
    }
    session.interceptor = interceptor(context, prompt: "\(run.prompt)> ")
    if previousStep != run.stepIndex || run.stats != state.savedStats {
      if let notice = save(&session, context, position: run.stepIndex) {
        out.append(.notice(notice))
      }
    }
    return out
  }

  /// While a lesson runs, lines that are not commands go to the current step.
  static func interceptor(_ context: LessonContext, prompt: String) -> InputInterceptor {
    InputInterceptor(prompt: prompt) { session, line in
      guard var run = session[state: ActiveLesson.self].run else { return nil }
      let events = run.handle(line)
      return after(events, run: run, in: &session, context)
    }
  }

  /// Saves the position and the counters added since the last save.
  @discardableResult
  static func save(_ session: inout ShellSession, _ context: LessonContext, position: Int)
    -> String?
  {
    var state = session[state: ActiveLesson.self]
    guard let run = state.run else { return nil }
    let id = run.lesson.id
    let counted = run.stats.since(state.savedStats)
    let seconds = Date().timeIntervalSince(state.startedAt)
    state.savedStats = run.stats
    state.startedAt = Date()
    session[state: ActiveLesson.self] = state
    return context.progress.update { progress, now in
      progress.move(to: position, in: id, at: now)
      progress.record(counted, in: id, at: now)
      progress.addTime(seconds, in: id, at: now)
    }
  }

  /// Hands the learner's export in to the class's folder; what to tell the learner. A failure
  /// loses nothing: the progress file was saved first.
  private static func handIn(_ context: LessonContext) -> String? {
    guard let handIn = context.handIn else { return nil }
    let export = ProgressExport(
      learner: context.learner, progress: context.progress.load().progress, at: Date())
    switch handIn(export) {
    case .success:
      return "Handed in: your teacher's folder has your progress."
    case .failure(let failure):
      return "Your progress is kept, but it could not be handed in to your teacher's folder"
        + " (\(PrintableText.sanitized(failure.reason, keepingNewlines: false))); tell your"
        + " teacher, or write it with `losslab progress --export FILE`."
    }
  }

  private static func complete(
    _ session: inout ShellSession, _ context: LessonContext, run: LessonRun
  ) -> String? {
    _ = save(&session, context, position: run.stepIndex)
    return context.progress.update { progress, now in progress.complete(run.lesson.id, at: now) }
  }
}
