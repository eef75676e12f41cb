import LossEngine
import LossLanguage
import Testing

@testable import LossLessons

/// A quiz whose answers are variables set up for each learner, as lesson 10's curve quiz.
private let quizFixture = """
  format_version: 1
  id: quiz-fixture
  title: Quiz
  summary: Which is which.
  minutes: 2
  setup: |
    over = 2
    under = 3
    healthy = 1
    curves = [10, 20, 30]
  steps:
    - kind: say
      text: Three curves.
    - kind: compute
      text: Which curve overfits?
      answer: "over"
      rounding: 0
      wrong:
        - answer: "under"
          say: "That one is stuck high."
      hints:
        - "Look for the gap."
    - kind: say
      text: "It was {{ over }}."
  """

@Suite("compute steps whose answer is a variable's name (quizzes)")
struct QuizAnswerTests {
  private func run() throws -> LessonRun {
    let report = LessonLoader.load(yaml: quizFixture, file: "quiz.yaml")
    return try LessonRun(
      lesson: try #require(report.lesson, "\(report.diagnostics)"), learner: "ada")
  }

  @Test func theAnswersAreHiddenAndCannotBeTyped() throws {
    var quiz = try run()
    #expect(quiz.hiddenNames == ["over", "under"], "hidden from the lesson's start")
    #expect(
      quiz.handle("over * 1") == [
        .notice(
          "`over` holds what a coming step asks you to work out, so it stays hidden until then.")
      ])
    #expect(quiz.handle("curves[2]").contains(.pressEnter), "other names can be typed")
    _ = quiz.handle("")
    let typed = quiz.handle("over")
    #expect(!typed.contains(.stepComplete))
    #expect(
      typed.contains(
        .notice(
          "`over` holds what this step asks you to work out, so it stays hidden until then: decide, then type the value."
        )))
    #expect(!quiz.handle("over + 0").contains(.stepComplete))
    // Other names stay usable, and the value itself is the way through.
    #expect(!quiz.handle("curves[1] / 10").contains(.stepComplete))
    #expect(quiz.handle("2").contains(.stepComplete))
    #expect(quiz.hiddenNames.isEmpty)
  }

  @Test func lessonCheckPlaysTheQuizWithTheValues() throws {
    var quiz = try run()
    _ = quiz.handle("")
    let at = SourcePosition(file: "quiz.yaml", line: 1, column: 1)
    #expect(quiz.typedForm(of: LessonExpression("curves", at: at)) == "curves")
    #expect(quiz.typedForm(of: LessonExpression("over", at: at)) == "2")
    let report = LessonLoader.load(yaml: quizFixture, file: "quiz.yaml")
    let lesson = try #require(report.lesson)
    #expect(LessonChecker.check(lesson).isEmpty)
  }
}
