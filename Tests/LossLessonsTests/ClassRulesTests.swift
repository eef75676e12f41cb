import Foundation
import Testing

@testable import LossLessons

/// A class's locks in the pure lesson run (`Fixtures/runner.yaml`: 0 say, 1 predict with two
/// hints, 2 compute, 3 choose, 4 tweak, 5 explore, 6 plot). Each test would fail without the
/// lock: an open run moves on, or shows the answer.
@Suite("Class rules in the lesson runner")
struct ClassRulesTests {
  private func run(
    _ rules: LessonRules, at step: Int, earlier: LessonProgress? = nil
  ) throws -> LessonRun {
    var run = try LessonRun(
      lesson: fixtureLesson(), learner: "ada", rules: rules, earlier: earlier)
    _ = run.begin(at: step)
    return run
  }

  private func notices(_ events: [LessonEvent]) -> [String] {
    events.compactMap { if case .notice(let text) = $0 { text } else { nil } }
  }

  private func showsAnswer(_ events: [LessonEvent]) -> Bool {
    events.contains { if case .answer = $0 { true } else { false } }
  }

  @Test func skipIsRefusedWithTheClassWordsAndNothingIsCounted() throws {
    var run = try run(LessonRules(skipping: .off, revealAfter: 2), at: 2)
    let events = run.skip()
    #expect(
      notices(events) == [
        "Your teacher has turned skipping off for this lesson; 2 more tries before the answer can"
          + " be shown (`hint` shows it then)."
      ])
    #expect(!showsAnswer(events))
    #expect(run.stepIndex == 2)
    #expect(run.stats.skips == 0)
    _ = run.handle("1")
    #expect(notices(run.skip()).first?.contains("1 more try before the answer") == true)
  }

  @Test func theLastHintWaitsForTheTriesThenShowsTheAnswerWithoutOfferingSkip() throws {
    var run = try run(LessonRules(skipping: .off, revealAfter: 2), at: 1)
    _ = run.hint()
    _ = run.hint()
    let early = run.hint()
    #expect(!showsAnswer(early))
    #expect(
      notices(early) == [
        "No more hints for now: your teacher asks for 2 tries at a step before its answer is"
          + " shown; 2 more to go."
      ])
    _ = run.handle("0, 0")
    _ = run.handle("1, 1")
    let late = run.hint()
    #expect(late.contains(.answer("3, -2")))
    #expect(notices(late) == ["Type it in to go on."])
    #expect(run.stepIndex == 1)
  }

  @Test func skipAllowedStillWaitsForTheTriesBeforeShowingTheAnswer() throws {
    var run = try run(LessonRules(skipping: .allowed, revealAfter: 1), at: 2)
    #expect(
      notices(run.skip()) == [
        "Not yet: your teacher asks for 1 try at a step before its answer is shown; 1 more to go."
      ])
    _ = run.handle("0")
    let skipped = run.skip()
    #expect(showsAnswer(skipped))
    #expect(run.stepIndex == 3)
  }

  @Test func nextAndEnterBeforeTheStepIsDoneSayWhy() throws {
    var run = try run(LessonRules(skipping: .off), at: 2)
    let next = notices(run.next())
    #expect(
      next == [
        "Finish this step first (type `hint` for help). Your teacher has turned skipping off for"
          + " this lesson; `hint` shows the answer, then type it in to go on."
      ])
    #expect(!next.joined().contains("`skip` to see the answer"))
    _ = run.handle("")
    #expect(run.stepIndex == 2)
  }

  @Test func backThenForwardDoesNotGetPastALockedStep() throws {
    var run = try run(LessonRules(skipping: .off), at: 2)
    _ = run.back()
    _ = run.next()
    #expect(run.stepIndex == 2)
    _ = run.next()
    _ = run.skip()
    #expect(run.stepIndex == 2)
  }

  @Test func againKeepsTheTriesTowardTheAnswer() throws {
    var run = try run(LessonRules(skipping: .off, revealAfter: 2), at: 2)
    _ = run.handle("1")
    _ = run.again()
    _ = run.handle("2")
    #expect(showsAnswer(run.hint()))
  }

  @Test func aLimitOfOneSkipHoldsAcrossRestart() throws {
    var run = try run(LessonRules(skipping: .limited(1)), at: 2)
    #expect(showsAnswer(run.skip()))
    #expect(run.stepIndex == 3)
    _ = run.begin(at: 0)
    _ = run.begin(at: 3)
    #expect(
      notices(run.skip()) == [
        "Your teacher allows 1 skip in this lesson and you have used it; `hint` shows the answer,"
          + " then type it in to go on."
      ])
    #expect(run.stepIndex == 3)
  }

  @Test func earlierVisitsCountTowardTheLimitAndTheTries() throws {
    var earlier = LessonProgress.new(at: Date(timeIntervalSince1970: 0))
    earlier.skips = 2
    earlier.steps[2] = StepRecord(attempts: 3)
    var run = try run(LessonRules(skipping: .limited(2), revealAfter: 3), at: 2, earlier: earlier)
    #expect(notices(run.skip()).first?.hasPrefix("Your teacher allows 2 skips") == true)
    #expect(showsAnswer(run.hint()))
  }

  @Test func aStepWithNoAnswerIsLeftWithoutSpendingASkip() throws {
    var run = try run(LessonRules(skipping: .limited(1)), at: 0)
    _ = run.skip()
    #expect(run.stepIndex == 1)
    #expect(run.stats.skips == 0)
  }

  @Test func withoutAClassEverythingStaysOpen() throws {
    var run = try run(.open, at: 2)
    #expect(showsAnswer(run.skip()))
    #expect(run.stepIndex == 3)
  }
}
