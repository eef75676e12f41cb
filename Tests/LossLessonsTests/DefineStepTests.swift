import LossEngine
import LossLanguage
import Testing

@testable import LossLessons

/// A lesson whose only real step asks for an asymmetric loss.
private let defineFixture = """
  format_version: 1
  id: define-fixture
  title: Define
  summary: Write a loss.
  minutes: 2
  setup: |
    y = [100, 102, 98, 105]
  steps:
    - kind: define
      text: Write asym.
      function: asym
      targets: "y"
      properties: [one_number, zero_at_target, never_negative, slope_towards_target]
      too_low_costs: 2
      wrong:
        - define: "def asym(p, y) = mean(where(p - y > 0, 2 * (p - y)^2, (p - y)^2))"
          say: "Wrong way round."
      answer: "def asym(p, y) = mean(where(y - p > 0, 2 * (y - p)^2, (y - p)^2))"
    - kind: say
      text: "asym(99, 100) is {{ asym(99, 100) }}."
  """

private func defineLesson(_ yaml: String = defineFixture) throws -> Lesson {
  let report = LessonLoader.load(yaml: yaml, file: "define.yaml")
  return try #require(report.lesson, "\(report.diagnostics)")
}

private func failures(_ events: [LessonEvent]) -> [String] {
  events.compactMap {
    if case .propertyCheck(false, let property, let detail) = $0 { return "\(property): \(detail)" }
    return nil
  }
}

@Suite("define steps: the custom-loss property checker")
struct DefineStepTests {
  @Test func aCorrectLossPassesEveryPropertyAndStaysDefined() throws {
    var run = try LessonRun(lesson: defineLesson(), learner: "ada")
    _ = run.begin()
    let events = run.handle("def asym(p, y) = mean(where(y - p > 0, 2 * (y - p)^2, (y - p)^2))")
    #expect(failures(events).isEmpty, "\(events)")
    #expect(events.contains(.stepComplete))
    #expect(
      events.contains(
        .propertyCheck(
          passed: true, property: "gradient points the right way",
          detail: "at p = 99 it is -4 (raise p), at p = 101 it is 2 (lower p)")))
    let next = run.next()
    #expect(next.contains(.text("asym(99, 100) is 2.")), "\(next)")
  }

  @Test func theWrongWayRoundGetsBothNumbersAndItsOwnWords() throws {
    var run = try LessonRun(lesson: defineLesson(), learner: "ada")
    _ = run.begin()
    let events = run.handle("def asym(p, y) = mean(where(p - y > 0, 2 * (p - y)^2, (p - y)^2))")
    #expect(
      failures(events) == [
        "asymmetric the wrong way round: too low by 1: asym(99, 100) = 1; too high by 1: asym(101, 100) = 2: you punish over-prediction more"
      ])
    #expect(events.contains(.feedback("Wrong way round.", tone: .bad)))
    #expect(!events.contains(.stepComplete))
    #expect(run.scope.functions["asym"] == nil)
  }

  @Test func aNegativeLossGetsACounterexample() throws {
    var run = try LessonRun(lesson: defineLesson(), learner: "ada")
    _ = run.begin()
    let events = run.handle("def asym(p, y) = mean(where(y - p > 0, 2 * (y - p), y - p))")
    #expect(
      failures(events).contains(
        "never negative: your loss is -10 at p = 110, y = 100: a loss can't reward a miss"),
      "\(failures(events))")
  }

  @Test func forgettingTheMeanAndAShiftedLossAreCaught() throws {
    var run = try LessonRun(lesson: defineLesson(), learner: "ada")
    _ = run.begin()
    let list = failures(run.handle("def asym(p, y) = where(y - p > 0, 2 * (y - p)^2, (y - p)^2)"))
    #expect(
      list.first?.hasPrefix("one number for a whole list: for 4 predictions") == true, "\(list)")
    let shifted = failures(run.handle("def asym(p, y) = mean((p - y)^2) + 1"))
    #expect(
      shifted.contains(
        "zero at a perfect prediction: asym(100, 100) = 1, not 0: a perfect prediction must cost nothing"
      ),
      "\(shifted)")
  }

  @Test func aSlopeThatPointsAwayIsCaught() throws {
    var run = try LessonRun(lesson: defineLesson(), learner: "ada")
    _ = run.begin()
    let list = failures(run.handle("def asym(p, y) = mean(-(p - y)^2)"))
    #expect(
      list.contains {
        $0.hasPrefix("gradient points the right way: too low at p = 99, the slope is 2")
      }, "\(list)")
  }

  @Test func inputThatIsNotTheRightDefinitionIsExplained() throws {
    var run = try LessonRun(lesson: defineLesson(), learner: "ada")
    _ = run.begin()
    #expect(
      run.handle("def f(p, y) = (p - y)^2") == [
        .inputProblem("Name it asym: `def asym(p, y) = …`.")
      ])
    #expect(
      run.handle("1 + 1") == [
        .inputProblem("Type your loss as a definition: `def asym(p, y) = …`.")
      ])
    let python = run.handle("def asym(p, y): return (p - y)**2")
    #expect(
      python.contains(
        .notice(
          "In LossLab a function is one line, with `=` instead of `:` and no `return`: `def asym(p, y) = (p - y)**2`."
        )), "\(python)")
    #expect(run.stats.attempts == 0)
  }

  @Test func lessonCheckPlaysTheStepAndRejectsAWrongEntryThatPasses() throws {
    #expect(LessonChecker.check(try defineLesson()).isEmpty)
    let passing = defineFixture.replacingOccurrences(
      of: "- define: \"def asym(p, y) = mean(where(p - y > 0,",
      with: "- define: \"def asym(p, y) = mean(where(y - p > 0,"
    ).replacingOccurrences(of: "2 * (p - y)^2, (p - y)^2))\"", with: "2 * (y - p)^2, (y - p)^2))\"")
    let found = LessonChecker.check(try defineLesson(passing))
    #expect(
      found.contains { $0.message.contains("passes every property: it must fail one") }, "\(found)")
    let failing = defineFixture.replacingOccurrences(
      of: "answer: \"def asym(p, y) = mean(where(y - p > 0, 2",
      with: "answer: \"def asym(p, y) = mean(where(y - p > 0, 3")
    let broken = LessonChecker.check(try defineLesson(failing))
    #expect(broken.contains { $0.message.contains("does not pass its own checks") }, "\(broken)")
  }

  @Test func unknownPropertiesAndBothRatiosAreRefusedAtLoad() {
    let typo = defineFixture.replacingOccurrences(of: "never_negative,", with: "never_negatve,")
    let report = LessonLoader.load(yaml: typo, file: "typo.yaml")
    #expect(report.lesson == nil)
    #expect(
      report.diagnostics.contains { $0.message.contains("did you mean 'never_negative'?") },
      "\(report.diagnostics)")
    let both = defineFixture.replacingOccurrences(
      of: "too_low_costs: 2", with: "too_low_costs: 2\n    too_high_costs: 3")
    #expect(
      LessonLoader.load(yaml: both, file: "both.yaml").diagnostics.contains {
        $0.message.contains("both too_low_costs and too_high_costs")
      })
  }
}

@Suite("Lesson runner: going back and beginners' input")
struct NavigationTests {
  @Test func aFinishedStepStaysFinishedAfterBackAndKeepsTheLearnersWork() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 4)
    _ = run.handle("w = 1.999")
    _ = run.handle("w = 2")
    _ = run.next()
    _ = run.back()
    #expect(run.stepIndex == 4)
    #expect(run.currentStepIsComplete)
    #expect(run.handle("").contains { if case .header = $0 { true } else { false } })
    #expect(run.stepIndex == 5)
    #expect(run.scope["w"] == .tensor(Tensor(scalar: 2)))
  }

  @Test func aFinishedPredictStepSaysHowToDoItOver() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    #expect(run.handle("3, -2").contains(.stepComplete))
    _ = run.next()
    _ = run.back()
    #expect(
      run.handle("1, 1") == [
        .notice("You finished this step earlier: press Enter to go on, or `again` to do it over.")
      ])
    _ = run.again()
    #expect(!run.currentStepIsComplete)
    #expect(
      run.next().first
        == .notice("Finish this step first (type `hint` for help, or `skip` to see the answer)."))
  }

  @Test func anEmptyLineStaysInTheSandbox() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 5)
    #expect(
      run.handle("") == [
        .notice("An empty line stays here: type `next` when you're done exploring.")
      ])
    #expect(run.stepIndex == 5)
    _ = run.next()
    #expect(run.stepIndex == 6)
  }

  @Test func beginnersNumbersGetPlainWords() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    #expect(
      run.handle("10 -5") == [
        .inputProblem("Missing comma? Separate the numbers with a comma: `10, -5`.")
      ])
    #expect(run.stats.attempts == 0)
    _ = run.begin(at: 2)
    #expect(run.handle("50,000").contains(.notice("Write numbers without commas or `$`: `50000`.")))
    #expect(run.handle("$50000").contains(.notice("Write numbers without commas or `$`: `50000`.")))
    #expect(
      run.handle("pred[0]").contains(
        .notice("Positions start at 1 here: the first element of `pred` is `pred[1]`.")))
    #expect(
      run.handle("pred").contains(
        .feedback(
          "Not quite: that gives a list of 4 numbers, but the answer is one number.", tone: .bad)))
  }
}
