import Foundation
import LossLanguage
import LossLessons
import Synchronization
import Testing

@testable import LossShell

/// Three tiny lessons: `count` (a compute step), then `more`, which requires it, then `extra`,
/// which the class leaves out.
private let classLessonFiles: [(name: String, text: String)] = [
  (
    "01-count.yaml",
    """
    format_version: 1
    id: count
    order: 1
    title: Count
    summary: Count.
    minutes: 1
    steps:
      - kind: say
        text: "The seed is {{ seed }}."
      - kind: compute
        text: Two plus two?
        answer: "2 + 2"
        tolerance: 0
        hints:
          - "Add them."
    """
  ),
  (
    "02-more.yaml",
    """
    format_version: 1
    id: more
    order: 2
    title: More
    summary: More.
    minutes: 1
    requires: [count]
    steps:
      - kind: say
        text: More.
    """
  ),
  (
    "03-extra.yaml",
    """
    format_version: 1
    id: extra
    order: 3
    title: Extra
    summary: Extra.
    minutes: 1
    steps:
      - kind: say
        text: Extra.
    """
  ),
]

private func lessonID(_ text: String) throws -> LessonID {
  try #require(LessonID(validating: text))
}

/// Exports handed in, as the executable's folder writer would receive them.
private final class HandedIn: Sendable {
  let exports = Mutex<[ProgressExport]>([])
  let fails: Bool
  init(fails: Bool = false) { self.fails = fails }

  var write: @Sendable (ProgressExport) -> Result<String, HandInFailure> {
    { export in
      if self.fails { return .failure(HandInFailure(reason: "the disk is full")) }
      self.exports.withLock { $0.append(export) }
      return .success("/class/\(export.learner).json")
    }
  }
}

/// A session of the class `count, more` with `rules` in `count`; no class when `rules` is nil.
private func classSession(
  _ rules: LessonRules? = LessonRules(skipping: .off, revealAfter: 2),
  requires: ClassSettings.Requires = .enforced, seed: Int? = nil,
  progress: LessonProgressKeeper = .inMemory(), handIn: HandedIn? = nil
) throws -> ShellSession {
  let library = LessonLibrary(builtinFiles: classLessonFiles)
  guard let rules else {
    let context = LessonContext(library: library, learner: "ada", progress: progress)
    return ShellSession(commands: .withLessons(context))
  }
  let settings = ClassSettings(
    file: "class.yaml",
    lessons: [
      ClassSettings.Entry(
        id: try lessonID("count"), rules: rules, seed: seed, position: .whole("class.yaml")),
      ClassSettings.Entry(
        id: try lessonID("more"), rules: .open, seed: nil, position: .whole("class.yaml")),
    ], requires: requires)
  let context = LessonContext(
    library: library.restricted(to: settings.lessons.map(\.id)), learner: "ada",
    progress: progress, classSettings: settings, handIn: handIn?.write)
  return ShellSession(commands: .withLessons(context))
}

private func lessonEvents(_ events: [ShellEvent]) -> [LessonEvent] {
  events.compactMap { if case .lesson(let event) = $0 { event } else { nil } }
}

private func lessonNotices(_ events: [ShellEvent]) -> [String] {
  lessonEvents(events).compactMap { if case .notice(let text) = $0 { text } else { nil } }
}

private func showsAnswer(_ events: [ShellEvent]) -> Bool {
  lessonEvents(events).contains { if case .answer = $0 { true } else { false } }
}

@Suite("A class in the shell")
struct ClassSessionTests {
  @Test func skipIsRefusedInTheClassWords() throws {
    var session = try classSession()
    run(["start count", ""], in: &session)
    let events = session.handle(line: "skip")
    #expect(
      lessonNotices(events) == [
        "Your teacher has turned skipping off for this lesson; 2 more tries before the answer can"
          + " be shown (`hint` shows it then)."
      ])
    #expect(session.prompt == "answer> ")
  }

  @Test func theLastHintShowsTheAnswerOnlyAfterTheTries() throws {
    var session = try classSession()
    run(["start count", "", "hint"], in: &session)
    #expect(!showsAnswer(session.handle(line: "hint")))
    run(["3", "5"], in: &session)
    #expect(showsAnswer(session.handle(line: "hint")))
  }

  @Test func nextAndEnterBeforeTheStepIsDoneAreRefused() throws {
    var session = try classSession()
    run(["start count", ""], in: &session)
    #expect(
      lessonNotices(session.handle(line: "next")).first?.contains("turned skipping off") == true)
    _ = session.handle(line: "")
    #expect(session.prompt == "answer> ")
  }

  @Test func leavingAndStartingAgainKeepsTheTriesAndTheLock() throws {
    let progress = LessonProgressKeeper.inMemory()
    var session = try classSession(progress: progress)
    run(["start count", "", "3", "leave"], in: &session)
    var later = try classSession(progress: progress)
    run(["start count", "5", "hint"], in: &later)
    #expect(showsAnswer(later.handle(line: "hint")))
    #expect(!lessonNotices(later.handle(line: "skip")).isEmpty)
    #expect(later.prompt == "answer> ")
  }

  @Test func resetAndRestartDoNotUnlock() throws {
    var session = try classSession()
    run(["start count", "", "3", "reset", "restart", ""], in: &session)
    #expect(session.prompt == "answer> ")
    #expect(!lessonNotices(session.handle(line: "skip")).isEmpty)
    run(["5", "hint"], in: &session)
    // The try before `restart` still counts: two tries, so the answer may now be shown.
    #expect(showsAnswer(session.handle(line: "hint")))
  }

  @Test func aLaterLessonIsRefusedUntilItsRequirementIsDone() throws {
    var session = try classSession()
    let refused = session.handle(line: "start 2")
    #expect(
      refused.notices == [
        "Your teacher asks you to finish lesson 1 (Count) before this lesson: type `start 1`."
      ])
    #expect(session.prompt == "losslab> ")
    run(["start 1", "", "4", ""], in: &session)
    run(["start more"], in: &session)
    #expect(session.prompt == "lesson> ")
  }

  @Test func withoutAClassRequiresOnlyAdvises() throws {
    var session = try classSession(nil)
    let events = session.handle(line: "start more")
    #expect(
      events.notices == [
        "This lesson builds on lesson 1 (Count), not finished yet: you can go on, or type"
          + " `start 1` first."
      ])
    #expect(session.prompt == "lesson> ")
  }

  @Test func anAdvisoryClassStartsALaterLessonWithTheAdvice() throws {
    var session = try classSession(requires: .advisory)
    #expect(
      session.handle(line: "start 2").notices.first?.hasPrefix("This lesson builds on") == true)
    #expect(session.prompt == "lesson> ")
  }

  @Test func onlyTheClassLessonsCanBeStartedByNumberOrId() throws {
    var session = try classSession()
    guard case .lessonMenu(let menu)? = session.handle(line: "lessons").first else {
      Issue.record("no menu")
      return
    }
    #expect(menu.rows.map(\.id) == ["count", "more"])
    #expect(
      session.handle(line: "start 3").notices == [
        "There is no lesson 3: the course has lessons 1 to 2. Type `lessons` to see them."
      ])
    #expect(
      session.handle(line: "start extra").notices.first?.hasPrefix("There is no lesson 'extra'")
        == true)
    #expect(session.prompt == "losslab> ")
  }

  @Test func theClassSeedIsEveryLearnersSeed() throws {
    var session = try classSession(seed: 77)
    #expect(lessonEvents(session.handle(line: "start count")).contains(.text("The seed is 77.")))
  }

  @Test func theExportIsHandedInWhenALessonEnds() throws {
    let handedIn = HandedIn()
    var session = try classSession(handIn: handedIn)
    run(["start count", "", "4"], in: &session)
    #expect(handedIn.exports.withLock { $0.isEmpty })
    let end = session.handle(line: "")
    #expect(end.notices.contains("Handed in: your teacher's folder has your progress."))
    let exports = handedIn.exports.withLock { $0 }
    #expect(exports.map(\.learner) == ["ada"])
    #expect(exports.first?.lessons["count"]?.isCompleted == true)
  }

  @Test func aFailedHandInIsSaidAndTheProgressIsKept() throws {
    let progress = LessonProgressKeeper.inMemory()
    var session = try classSession(progress: progress, handIn: HandedIn(fails: true))
    let end = run(["start count", "", "4", ""], in: &session)
    #expect(
      end.notices.contains(
        "Your progress is kept, but it could not be handed in to your teacher's folder (the disk"
          + " is full); tell your teacher, or write it with `losslab progress --export FILE`."))
    #expect(progress.load().progress.completedLessons == ["count"])
  }
}
