import Foundation
import LossLessons
import Testing

@testable import LossShell

private let lesson = (
  name: "01-twice.yaml",
  text: """
  format_version: 1
  id: twice
  title: Twice
  summary: Twice a number.
  minutes: 2
  setup: |
    target = 3
  steps:
    - kind: compute
      text: Twice the target?
      answer: "2 * target"
      tolerance: 1e-9
      wrong:
        - answer: "target ^ 2"
          say: "That is the square."
      hints:
        - "Add it to itself."
    - kind: choose
      question: Which is bigger?
      options:
        - text: "2"
        - text: "3"
          correct: true
  """
)

@Suite("What the class report needs is recorded per step")
struct StepRecordTests {
  @Test func wrongAnswersHintsAndSkipsAreSavedPerStep() throws {
    let progress = LessonProgressKeeper.inMemory()
    let context = LessonContext(
      library: LessonLibrary(builtinFiles: [lesson]), learner: "tester", progress: progress)
    var session = ShellSession(configuration: ShellConfiguration(), commands: .withLessons(context))
    _ = session.handle(line: "start twice")
    _ = session.handle(line: "target^2")
    _ = session.handle(line: "3*3")
    _ = session.handle(line: "7")
    _ = session.handle(line: "hint")
    _ = session.handle(line: "target + target")
    _ = session.handle(line: "")
    _ = session.handle(line: "skip")
    let saved = try #require(progress.load().progress.lessons["twice"])
    let first = try #require(saved.steps[0])
    #expect(first.attempts == 4)
    #expect(first.hints == 1)
    #expect(!first.skipped)
    // `3*3` has the square's value: the same misconception, whatever was typed.
    #expect(first.misconceptions == ["target ^ 2": 2])
    #expect(first.answers == ["target^2", "3*3", "7", "target + target"])
    #expect(saved.steps[1]?.skipped == true)
    #expect(saved.attempts == 4)
    #expect(saved.hintsUsed == 1)
    #expect(saved.skips == 1)

    let export = ProgressExport(learner: "tester", progress: progress.load().progress, at: Date())
    #expect(export.lessons["twice"]?.steps[1]?.misconceptions == ["target ^ 2": 2])
    #expect(export.lessons["twice"]?.steps[2]?.skipped == true)
  }

  @Test func countingTwiceSavesOnlyWhatIsNew() {
    var stats = LessonStats()
    stats.recordAttempt(at: 2, answer: "a")
    stats.recordMisconception("x", at: 2)
    let saved = stats
    stats.recordAttempt(at: 2, answer: "b")
    stats.recordMisconception("x", at: 2)
    stats.recordHint(at: 3)
    let delta = stats.since(saved)
    #expect(delta.attempts == 1)
    #expect(delta.steps[2] == StepRecord(attempts: 1, misconceptions: ["x": 1], answers: ["b"]))
    #expect(delta.steps[3] == StepRecord(hints: 1))
    #expect(stats.since(stats) == LessonStats())
  }
}
