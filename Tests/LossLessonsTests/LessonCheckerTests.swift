import BuiltinLessons
import Testing

@testable import LossLessons

@Suite("lesson check")
struct LessonCheckerTests {
  @Test func everyBuiltinLessonLoadsAndPlaysThrough() {
    let library = LessonLibrary(builtinFiles: BuiltinLessons.files, extraPaths: [])
    #expect(!library.entries.isEmpty)
    #expect(library.diagnostics.filter { $0.severity == .error }.isEmpty, "\(library.diagnostics)")
    for entry in library.entries {
      let found = LessonChecker.check(entry.lesson)
      #expect(found.isEmpty, "\(entry.file): \(found.map(\.description))")
    }
  }

  @Test func theFixturePlaysThrough() throws {
    #expect(LessonChecker.check(try fixtureLesson()).isEmpty)
  }

  @Test func aBrokenExpressionIsReportedWithItsPosition() throws {
    let broken = try runnerFixture().replacingOccurrences(
      of: "loss: \"sum((guess - target)^2)\"", with: "loss: \"sum((guess - target)^2\"")
    let lesson = try #require(LessonLoader.load(yaml: broken, file: "broken.yaml").lesson)
    let found = LessonChecker.check(lesson)
    #expect(found.count == 1)
    let lossLine = try #require(
      broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.contains("sum((guess - target)^2\"")
      })
    #expect(found.first?.description.hasPrefix("broken.yaml:\(lossLine + 1):") == true, "\(found)")
    #expect(found.first?.message.contains("expected ',' or ')'") == true)
  }

  @Test func aWrongAnswerThatPassesIsReported() throws {
    let broken = try runnerFixture().replacingOccurrences(
      of: "- answer: \"mae(pred, actual)\"", with: "- answer: \"mean((pred - actual)^2)\"")
    let lesson = try #require(LessonLoader.load(yaml: broken, file: "wrong.yaml").lesson)
    let found = LessonChecker.check(lesson)
    #expect(
      found.contains {
        $0.message.contains("known-wrong answer `mean((pred - actual)^2)` passes the check")
      })
  }

  @Test func anUnreachableGoalIsReported() throws {
    let broken = try runnerFixture().replacingOccurrences(
      of: "answer: [\"w = 2\"]", with: "answer: [\"w = 1\"]")
    let lesson = try #require(LessonLoader.load(yaml: broken, file: "goal.yaml").lesson)
    let found = LessonChecker.check(lesson)
    #expect(found.contains { $0.message.contains("does not reach the goal") })
  }

  @Test func aTemplateThatCannotBeComputedIsReported() throws {
    let broken = try runnerFixture().replacingOccurrences(
      of: "The answer is {{ target[1] }}", with: "The answer is {{ targt[1] }}")
    let lesson = try #require(LessonLoader.load(yaml: broken, file: "hint.yaml").lesson)
    let found = LessonChecker.check(lesson)
    #expect(found.contains { $0.message.contains("unknown name 'targt'") })
  }
}
