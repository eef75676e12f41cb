import LossLessons
import Testing

/// `lesson check` messages as a teacher reads them: the exact place (the answer, the goal, the
/// hint), the step number, the goal and the loss reached, and why a learner is named.
@Suite("lesson check messages")
struct LessonCheckMessageTests {
  static let learner =
    " (with the data of learner 'lesson-check-1': lesson check plays each lesson as 3 learners,"
    + " since seeded data differs per learner)"

  private func check(_ steps: String, header: String = "") throws -> [String] {
    let report = LessonLoader.load(
      yaml: LessonText.with(header: header, steps: steps), file: "l.yaml")
    let lesson = try #require(report.lesson, "\(report.located)")
    return LessonChecker.check(lesson).map {
      "\($0.position.line):\($0.position.column) \($0.message)"
    }
  }

  static let predict = """
      - kind: predict
        text: Guess.
        input: number
        loss: "(guess - 3)^2"
        goal: "loss < 1"
        answer: "5"

    """

  @Test func anAnswerThatMissesItsGoalPointsAtTheAnswerAndSaysWhatItReached() throws {
    #expect(
      try check(Self.predict) == [
        "12:14 step 1 (predict): the answer `5` (= 5) does not reach the goal `loss < 1`: its loss"
          + " `(guess - 3)^2` is 4" + Self.learner
      ])
  }

  @Test func aLossThatIsNotANumberIsSaidSo() throws {
    let nan = Self.predict.replacingOccurrences(of: "(guess - 3)^2", with: "log(guess - 10)")
    #expect(
      try check(nan) == [
        "10:12 step 1 (predict): the loss `log(guess - 10)` is nan; expected a finite number"
          + Self.learner
      ])
    let vector = Self.predict.replacingOccurrences(of: "(guess - 3)^2", with: "[guess, guess]")
    #expect(
      try check(vector) == [
        "10:12 step 1 (predict): the loss `[guess, guess]` gives a value of shape [2]; expected one"
          + " number" + Self.learner
      ])
  }

  @Test func anAnswerThatIsNotAValidInputQuotesTheInputProblem() throws {
    let found = try check(Self.predict.replacingOccurrences(of: "\"5\"", with: "\"[1, 2]\""))
    #expect(
      found == [
        "12:14 step 1 (predict): the answer `[1, 2]` (= 1, 2) is not a valid input: Type one"
          + " number, like `2.5`." + Self.learner
      ])
  }

  @Test func aTweakThatMissesItsGoalPointsAtItsAnswer() throws {
    let tweak = """
        - kind: tweak
          text: Move w.
          watch: "(w - 2)^2"
          variables: [w]
          goal: "loss < 0.01"
          answer: ["w = 1"]

      """
    #expect(
      try check(tweak, header: "setup: |\n  w = 0\n") == [
        "14:15 step 1 (tweak): the answer `w = 1` does not reach the goal `loss < 0.01`: its loss"
          + " `(w - 2)^2` is 1" + Self.learner
      ])
    #expect(
      try check(
        tweak.replacingOccurrences(of: "[w]", with: "[nosuch]"), header: "setup: |\n  w = 0\n")
        == [
          "9:5 step 1 (tweak): variables: 'nosuch' is not a number when the step starts; expected a"
            + " variable the setup assigns" + Self.learner
        ])
  }

  @Test func aHintThatCannotBeComputedPointsAtTheHint() throws {
    let found = try check(
      "  - kind: say\n    text: Hello.\n    hints:\n      - fine\n      - \"Is {{ nosuch }}\"\n")
    #expect(
      found == [
        "11:9 step 1 (say): hint 2 could not be computed: Is {{ nosuch }} [could not compute:"
          + " unknown name 'nosuch']" + Self.learner
      ])
  }

  @Test func aPlotOfAnUnknownNameIsFound() throws {
    let found = try check(
      "  - kind: plot\n    text: Look.\n    plot: {expr: \"(e - nosuch)^2\", var: e, from: -1, to: 1}\n"
    )
    // The plot is sampled over its whole range; the message points at the plot call and
    // names the unknown name.
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("9:19 `plot((e - nosuch)^2, e, -1.0, 1.0)`: ") == true)
    #expect(found.first?.contains("(unknown name 'nosuch')") == true)
    #expect(found.first?.hasSuffix(Self.learner) == true)
  }

  @Test func aHoleWithMillionsOfNumbersIsRefusedNotFormatted() throws {
    let found = try check("  - kind: say\n    text: \"All {{ linspace(0, 1, 1e7) }}\"\n")
    #expect(found.count == 1)
    #expect(
      found.first?.contains(
        "this value has 10,000,000 numbers; a lesson text shows at most 100") == true, "\(found)")
  }
}
