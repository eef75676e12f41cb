import LossLanguage
import LossLessons
import Testing

@testable import LossShell

/// Two tiny lessons, as the built-in lessons would be given to the shell.
private let lessonFiles: [(name: String, text: String)] = [
  (
    "01-guess.yaml",
    """
    format_version: 1
    id: guess
    order: 1
    title: Guess
    summary: Guess a number.
    minutes: 2
    setup: |
      target = 3
    steps:
      - kind: say
        text: "Find {{ 1 + 1 }} things."
      - kind: predict
        text: Guess.
        prompt: guess
        input: number
        loss: "(guess - target)^2"
        feedback:
          - when: "loss == 0"
            say: "Yes."
          - when: "true"
            say: "No, {{ sqrt(loss) }} off."
        goal: "loss == 0"
        answer: "target"
        hints:
          - "It is small."
          - "It is {{ target }}."
      - kind: compute
        text: Twice the target?
        answer: "2 * target"
        tolerance: 1e-9
    """
  ),
  (
    "02-next.yaml",
    """
    format_version: 1
    id: next-one
    order: 2
    title: Next one
    summary: Another.
    minutes: 1
    steps:
      - kind: say
        text: Hello again.
    """
  ),
]

private func lessonSession(progress: LessonProgressKeeper = .inMemory()) -> ShellSession {
  let context = LessonContext(
    library: LessonLibrary(builtinFiles: lessonFiles), learner: "tester", progress: progress)
  return ShellSession(configuration: ShellConfiguration(), commands: .withLessons(context))
}

private func lessonEvents(_ events: [ShellEvent]) -> [LessonEvent] {
  events.compactMap { if case .lesson(let event) = $0 { event } else { nil } }
}

@Suite("Lessons in the shell")
struct LessonCommandTests {
  @Test func theMenuListsLessonsWithTheirStatus() {
    var session = lessonSession()
    let events = session.handle(line: "lessons")
    guard case .lessonMenu(let menu)? = events.first else {
      Issue.record("expected the menu, got \(events)")
      return
    }
    #expect(menu.rows.map(\.title) == ["Guess", "Next one"])
    #expect(menu.rows.map(\.status) == [.new, .new])
  }

  @Test func aLessonRunsStepByStepWithItsOwnPrompt() {
    var session = lessonSession()
    let start = lessonEvents(session.handle(line: "start 1"))
    #expect(start.contains(.text("Find 2 things.")))
    #expect(session.prompt == "lesson> ")
    _ = session.handle(line: "")
    #expect(session.prompt == "guess> ")
    #expect(
      lessonEvents(session.handle(line: "1")).contains(.feedback("No, 2 off.", tone: .neutral)))
    #expect(session.handle(line: "where") == [.notice("You are in Guess: step 2 of 3.")])
    #expect(
      lessonEvents(session.handle(line: "hint")) == [.hint(number: 1, of: 2, text: "It is small.")])
    #expect(lessonEvents(session.handle(line: "3")).contains(.stepComplete))
    _ = session.handle(line: "")
    #expect(session.prompt == "answer> ")
    let done = lessonEvents(session.handle(line: "target + target"))
    #expect(done.contains(.stepComplete))
    let finish = session.handle(line: "")
    #expect(lessonEvents(finish).contains { if case .lessonComplete = $0 { true } else { false } })
    #expect(finish.contains(.notice("Next: lesson 2, Next one. Type `start 2`.")))
    #expect(session.prompt == "losslab> ")
  }

  @Test func expressionsOutsideALessonStillWork() {
    var session = lessonSession()
    #expect(
      session.handle(line: "next") == [
        .notice("No lesson is running. Type `lessons` to see the course, or `start 1`.")
      ])
    #expect(session.handle(line: "2 + 2").first == .value(name: nil, .tensor(.init(scalar: 4))))
  }

  @Test func progressIsSavedAfterEveryStepAndResumes() {
    let progress = LessonProgressKeeper.inMemory()
    var session = lessonSession(progress: progress)
    _ = session.handle(line: "start guess")
    _ = session.handle(line: "")
    _ = session.handle(line: "1")
    _ = session.handle(line: "skip")
    let saved = progress.load().progress
    #expect(saved.position.lesson == "guess")
    #expect(saved.position.step == 2)
    let lesson = saved.lessons["guess"]
    #expect(lesson?.attempts == 1)
    #expect(lesson?.skips == 1)
    // A new shell with the same progress resumes at the same step.
    var later = lessonSession(progress: progress)
    let events = later.handle(line: "start")
    #expect(
      events.contains(.notice("Welcome back: resuming at step 3. Type `restart` to begin again.")))
    #expect(later.prompt == "answer> ")
    guard case .lessonMenu(let menu)? = later.handle(line: "lessons").first else {
      Issue.record("no menu")
      return
    }
    #expect(menu.rows.first?.status == .inProgress(step: 3, of: 3))
  }

  @Test func finishingALessonMarksItDone() {
    let progress = LessonProgressKeeper.inMemory()
    var session = lessonSession(progress: progress)
    _ = session.handle(line: "start 2")
    _ = session.handle(line: "")
    #expect(progress.load().progress.completedLessons == ["next-one"])
    guard case .lessonMenu(let menu)? = session.handle(line: "lessons").first else {
      Issue.record("no menu")
      return
    }
    #expect(menu.rows.last?.status == .done)
  }

  @Test func unknownLessonsGetASuggestion() {
    var session = lessonSession()
    #expect(
      session.handle(line: "start 9") == [
        .notice("There is no lesson 9: the course has lessons 1 to 2. Type `lessons` to see them.")
      ])
    let events = session.handle(line: "start guest")
    guard case .notice(let message)? = events.first else {
      Issue.record("expected a notice, got \(events)")
      return
    }
    #expect(message.contains("did you mean 'guess'?"))
  }

  @Test func leaveReturnsToTheFreeShellAndKeepsProgress() {
    let progress = LessonProgressKeeper.inMemory()
    var session = lessonSession(progress: progress)
    _ = session.handle(line: "start 1")
    _ = session.handle(line: "")
    let events = session.handle(line: "leave")
    #expect(events.first == .notice("You left Guess at step 2; `start` brings you back."))
    #expect(session.prompt == "losslab> ")
    #expect(progress.load().progress.position.step == 1)
  }

  @Test func backAndAgainWorkFromTheShell() {
    var session = lessonSession()
    _ = session.handle(line: "start 1")
    _ = session.handle(line: "")
    _ = session.handle(line: "back")
    #expect(session.prompt == "lesson> ")
    _ = session.handle(line: "next")
    _ = session.handle(line: "1")
    let again = lessonEvents(session.handle(line: "again"))
    #expect(again.first == .header(lesson: "Guess", step: 2, of: 3, title: nil))
  }

  @Test func everyLessonCommandsHelpExampleRuns() {
    let context = LessonContext(
      library: LessonLibrary(builtinFiles: lessonFiles), learner: "t", progress: .inMemory())
    let registry = CommandRegistry.withLessons(context)
    for command in registry.all where command.group == "lessons" {
      var session = ShellSession(configuration: ShellConfiguration(), commands: registry)
      for line in command.example.split(separator: "\n") {
        let events = session.handle(line: String(line))
        #expect(!events.contains { $0.isError }, "\(command.name): \(line) gave \(events)")
      }
    }
  }

  @Test func completionOffersLessonNamesAfterStart() {
    var configuration = ShellConfiguration()
    configuration.lessonNames = { ["1", "guess", "2", "next-one"] }
    let context = LessonContext(
      library: LessonLibrary(builtinFiles: lessonFiles), learner: "t", progress: .inMemory())
    let session = ShellSession(configuration: configuration, commands: .withLessons(context))
    #expect(session.completions(line: "start gu", cursor: 8) == ["guess"])
  }
}

@Suite("Lessons in the shell: a newcomer's rough edges")
struct LessonShellPolishTests {
  @Test func varsInALessonShowsItsVariablesButNotTheHiddenTarget() {
    var session = lessonSession()
    _ = session.handle(line: "start 1")
    _ = session.handle(line: "")
    let events = session.handle(line: "vars")
    guard case .variables(let listing)? = events.first else {
      Issue.record("expected the lesson's variables, got \(events)")
      return
    }
    #expect(listing.variables.map(\.name) == ["seed"])
    #expect(events.contains(.notice("hidden until the step that asks for them is done: target")))
    _ = session.handle(line: "3")
    guard case .variables(let after)? = session.handle(line: "vars").first else {
      Issue.record("no listing after the step")
      return
    }
    #expect(after.variables.map(\.name).contains("target"))
  }

  @Test func startAfterTheWholeCourseSaysItIsDone() {
    var session = lessonSession()
    for line in ["start 1", "", "3", "", "2 * target", "", "start 2"] {
      _ = session.handle(line: line)
    }
    let last = session.handle(line: "")
    #expect(
      last.contains {
        $0.notice?.hasPrefix("You have finished the whole course: all 2 lessons.") == true
      }, "\(last)")
    let again = session.handle(line: "start")
    #expect(again.count == 1)
    #expect(again.first?.notice?.hasPrefix("You have finished the whole course") == true)
    #expect(session.prompt == "losslab> ")
  }

  @Test func endOfInputInALessonSaysThePlaceIsSaved() {
    var session = lessonSession()
    _ = session.handle(line: "start 1")
    _ = session.handle(line: "")
    let events = session.endOfInput()
    #expect(
      events.contains(
        .notice("Your place is saved: Guess, step 2 of 3. Type `start` next time to continue.")))
    #expect(events.last == .goodbye)
  }

  @Test func helpWhereShowsTheCommandAndTheFunctionAndHelpDefExists() {
    var session = lessonSession()
    let pages = session.handle(line: "help where").compactMap { event -> HelpPage? in
      if case .help(let page) = event { return page }
      return nil
    }
    #expect(pages.map(\.topic) == ["where", "where"])
    #expect(pages.map(\.kind).contains(.command(group: "lessons")))
    guard case .help(let def)? = session.handle(line: "help def").first else {
      Issue.record("no help for def")
      return
    }
    #expect(def.usage == "def NAME(PARAMETERS) = EXPRESSION")
    #expect(def.exampleResult == ["0.125"])
  }

  @Test func aClippedProbabilityExplainsTheClipInsteadOfNoDirection() {
    var session = lessonSession()
    let report = session.handle(line: "bce([0, 1], [1, 0])").compactMap(\.lossReport).first
    #expect(
      report?.notes.contains(
        "p = 0 was clipped to 1e-15 (and 1 more like it): the loss is capped at 34.5 per element and the clip hides the slope; the true loss is infinite"
      ) == true, "\(String(describing: report?.notes))")
    #expect(report?.reading?.direction == nil)
  }

  @Test func beginnersSlipsInTheFreeShellGetPlainWords() {
    var session = lessonSession()
    #expect(
      session.handle(line: "def f(p, y): return (p - y)**2").contains(
        .notice(
          "In LossLab a function is one line, with `=` instead of `:` and no `return`: `def f(p, y) = (p - y)**2`."
        )))
    #expect(
      session.handle(line: "50,000").contains(
        .notice("Write numbers without commas or `$`: `50000`.")))
  }
}

@Suite("grad at the prompt")
struct GradientLabelTests {
  @Test func severalVariablesAreLabelledByName() {
    var session = ShellSession()
    _ = session.handle(line: "w = 1")
    _ = session.handle(line: "b = 2")
    #expect(session.handle(line: "grad(w * 5 + b * 2, w, b)") == [.notice("∂/∂w = 5, ∂/∂b = 2")])
    #expect(
      session.handle(line: "grad(w * 5, w)").first == .value(name: nil, .tensor(.init(scalar: 5))))
  }
}

@Suite("The welcome screen")
struct WelcomeSuggestionTests {
  private func suggestions(resume: String?) -> [String] {
    let context = LessonContext(
      library: LessonLibrary(builtinFiles: []), learner: "tester", progress: .inMemory())
    var session = ShellSession(
      configuration: ShellConfiguration(resume: resume), commands: .withLessons(context))
    guard case .welcome(let welcome)? = session.start().first else { return [] }
    return welcome.suggestions.map { "\($0.input): \($0.effect)" }
  }

  @Test func aReturningLearnerIsOfferedToContinueNotTheFirstLesson() {
    #expect(suggestions(resume: nil).contains("start 1: begin the first lesson"))
    let returning = suggestions(resume: "Welcome back!")
    #expect(returning.contains("start: continue the course"))
    #expect(!returning.contains("start 1: begin the first lesson"))
  }
}
