import LossEngine
import LossLanguage
import Testing

@testable import LossLessons

/// `Fixtures/runner.yaml`: a small lesson with every step kind, for the runner's tests.
func runnerFixture() throws -> String { try Fixtures.text("runner.yaml") }

func fixtureLesson() throws -> Lesson {
  let report = LessonLoader.load(yaml: try runnerFixture(), file: "runner.yaml")
  return try #require(report.lesson, "\(report.diagnostics)")
}

@Suite("Lesson runner")
struct RunnerTests {
  @Test func sayStepRendersTemplatesAndAdvancesOnEnter() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    let events = run.begin()
    #expect(events.contains(.text("Hello: the target is [3.0, -2.0] and the mse is 0.375.")))
    #expect(events.contains(.pressEnter))
    _ = run.handle("")
    #expect(run.stepIndex == 1)
  }

  @Test func predictShowsLossGradientChangeAndFeedback() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    let first = run.handle("0, 0")
    let readout = LessonReadouts(
      loss: 13, change: nil,
      gradients: [NamedTensor(name: "guess", tensor: try Tensor(vector: [-6, 4]))])
    #expect(first.contains(.readouts(readout)))
    #expect(first.contains(.feedback("Off by 3.61", tone: .neutral)))
    let second = run.handle("2, -2")
    #expect(second.contains(.feedback("Better, go right", tone: .good)))
    #expect(!second.contains(.stepComplete))
    let third = run.handle("3, -2")
    #expect(third.contains(.feedback("Bullseye", tone: .good)))
    #expect(third.contains(.stepComplete))
    #expect(run.stats.attempts == 3)
  }

  @Test func predictExplainsBadInputWithoutCountingATry() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    let events = run.handle("10")
    #expect(events.count == 1)
    guard case .inputProblem(let message)? = events.first else {
      Issue.record("expected an input problem, got \(events)")
      return
    }
    #expect(message.contains("Type two numbers separated by a comma, like `10, -5`"))
    #expect(run.stats.attempts == 0)
    #expect(run.handle("[3, -2]").contains(.stepComplete))
  }

  @Test func computeChecksByValueWithTargetedFeedback() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 2)
    #expect(run.handle("sum((pred - actual)^2)") == [.feedback("That's the sum.", tone: .bad)])
    #expect(run.handle("mae(pred, actual)") == [.feedback("That's the mae.", tone: .bad)])
    let far = run.handle("0.45")
    #expect(
      far == [
        .feedback("Not quite: you got 0.45, which is 0.075 too high (off by 20%).", tone: .bad)
      ])
    // Any correct way passes: a number within the tolerance, or another expression.
    #expect(run.handle("mean((actual - pred)^2)").contains(.stepComplete))
    var again = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = again.begin(at: 2)
    #expect(again.handle("0.3750004").contains(.stepComplete))
    var outside = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = outside.begin(at: 2)
    #expect(!outside.handle("0.37501").contains(.stepComplete))
  }

  @Test func computeErrorsShowTheCaretAndKeepTheStep() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 2)
    let events = run.handle("mse(pred, actual")
    guard case .error(let error, let source)? = events.first else {
      Issue.record("expected an error, got \(events)")
      return
    }
    #expect(source == "mse(pred, actual")
    #expect(error.range != nil)
    #expect(run.stepIndex == 2)
  }

  @Test func chooseAcceptsOnlyTheCorrectOptionWhateverTheShuffle() throws {
    for learner in ["ada", "grace", "alan", "edsger"] {
      var run = try LessonRun(lesson: fixtureLesson(), learner: learner)
      let events = run.begin(at: 3)
      guard
        case .options(let options)? = events.first(where: {
          if case .options = $0 { true } else { false }
        })
      else {
        Issue.record("no options shown")
        return
      }
      #expect(Set(options) == ["Right", "Wrong A", "Wrong B"])
      let right = try #require(options.firstIndex(of: "Right"))
      let wrong = try #require(options.firstIndex(of: "Wrong A"))
      #expect(run.handle("\(wrong + 1)") == [.feedback("No A. Try another.", tone: .bad)])
      #expect(run.handle("\(right + 1)") == [.feedback("Yes.", tone: .good), .stepComplete])
    }
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 3)
    #expect(run.handle("7") == [.inputProblem("Type the number of your choice, from 1 to 3.")])
  }

  @Test func tweakWatchesTheLossAndEndsAtTheGoal() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    let start = run.begin(at: 4)
    let initial = LessonReadouts(
      loss: 10, change: nil, gradients: [NamedTensor(name: "w", tensor: Tensor(scalar: -10))])
    #expect(start.contains(.readouts(initial)))
    let events = run.handle("w = 1")
    let after = LessonReadouts(
      loss: 2.5, change: -7.5, gradients: [NamedTensor(name: "w", tensor: Tensor(scalar: -5))])
    #expect(events.contains(.readouts(after)))
    #expect(!events.contains(.stepComplete))
    #expect(run.handle("w = 2").contains(.stepComplete))
  }

  @Test func exploreIsASandboxThatNeverLeaks() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 5)
    #expect(
      run.handle("target = [100, 100]") == [
        .value(name: "target", .tensor(try Tensor(vector: [100, 100])))
      ])
    #expect(run.handle("reset_me = 1").count == 1)
    _ = run.next()
    #expect(run.stepIndex == 6)
    #expect(run.scope["target"] == .tensor(try Tensor(vector: [3, -2])))
    #expect(run.scope["reset_me"] == nil)
  }

  @Test func plotStepSamplesTheCurve() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    let events = run.begin(at: 6)
    guard
      case .plot(let plot)? = events.first(where: { if case .plot = $0 { true } else { false } }),
      case .lines(let line) = plot.content
    else {
      Issue.record("no plot")
      return
    }
    #expect(line.series[0].ys.count == 241)
    #expect(line.series[0].ys.first == 9)
    #expect(line.series[0].ys[120] == 0)
  }

  @Test func backRestoresTheStepAsItWas() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 4)
    _ = run.handle("w = 1")
    _ = run.handle("w = 2")
    _ = run.next()
    #expect(run.stepIndex == 5)
    _ = run.back()
    #expect(run.stepIndex == 4)
    // The tweak step starts again from its setup, not from w = 2, and stays finished.
    #expect(run.scope["w"] == .tensor(Tensor(scalar: 0)))
    #expect(run.currentStepIsComplete)
    _ = run.back()
    #expect(run.stepIndex == 3)
    // Back once more shows the compute step afresh, as if it had just been reached.
    let compute = run.back()
    #expect(run.stepIndex == 2)
    #expect(compute.first == .header(lesson: "Fixture", step: 3, of: 7, title: nil))
    #expect(compute.contains(.text("What is the mse?")))
    #expect(!compute.contains(.stepComplete))
  }

  @Test func againRestartsTheStepAndBackAtTheStartSaysSo() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    _ = run.handle("1, 1")
    _ = run.again()
    #expect(run.scope["guess"] == nil)
    var first = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = first.begin()
    #expect(first.back() == [.notice("This is the first step.")])
  }

  @Test func skipRevealsTheAnswerCountsAndAppliesIt() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    let events = run.skip()
    #expect(events.first == .answer("3, -2"))
    #expect(run.stats.skips == 1)
    #expect(run.stepIndex == 2)
    #expect(run.scope["guess"] == .tensor(try Tensor(vector: [3, -2])))
  }

  @Test func hintsAreProgressiveAndEndWithTheAnswer() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    #expect(run.hint() == [.hint(number: 1, of: 2, text: "first hint")])
    #expect(run.hint() == [.hint(number: 2, of: 2, text: "The answer is 3, -2.")])
    #expect(run.hint().first == .answer("3, -2"))
    #expect(run.stats.hints == 3)
  }

  @Test func nextRefusesAnUnfinishedStep() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    #expect(
      run.next() == [
        .notice("Finish this step first (type `hint` for help, or `skip` to see the answer).")
      ])
    #expect(run.stepIndex == 1)
  }

  @Test func finishingTheLastStepCompletesTheLesson() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 6)
    let events = run.handle("")
    #expect(run.isFinished)
    guard case .lessonComplete(let title, _)? = events.last else {
      Issue.record("expected completion, got \(events)")
      return
    }
    #expect(title == "Fixture")
  }

  @Test func resumingRebuildsTheScopeFromEarlierAnswers() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 5)
    #expect(run.scope["guess"] == .tensor(try Tensor(vector: [3, -2])))
    #expect(run.scope["w"] == .tensor(Tensor(scalar: 2)))
  }

  @Test func seedsDifferPerLearnerAndLessonButAreStable() {
    #expect(
      LessonRun.seed(learner: "ada", lesson: "darts")
        == LessonRun.seed(learner: "ada", lesson: "darts"))
    #expect(
      LessonRun.seed(learner: "ada", lesson: "darts")
        != LessonRun.seed(learner: "grace", lesson: "darts"))
    #expect(
      LessonRun.seed(learner: "ada", lesson: "darts")
        != LessonRun.seed(learner: "ada", lesson: "gps"))
  }
}

@Suite("Lesson runner details")
struct RunnerDetailTests {
  @Test func typingTheHiddenTargetsNameGivesNothingAway() throws {
    var run = try LessonRun(lesson: fixtureLesson(), learner: "ada")
    _ = run.begin(at: 1)
    let events = run.handle("target")
    guard case .inputProblem(let message)? = events.first else {
      Issue.record("expected an input problem, got \(events)")
      return
    }
    #expect(message == "Type two numbers separated by a comma, like `10, -5`.")
  }

  @Test func feedbackConditionsThatFailAreShownNotSwallowed() throws {
    let broken = try runnerFixture().replacingOccurrences(
      of: "- when: \"loss == 0\"", with: "- when: \"loss == zero\"")
    let lesson = try #require(LessonLoader.load(yaml: broken, file: "when.yaml").lesson)
    var run = try LessonRun(lesson: lesson, learner: "ada")
    _ = run.begin(at: 1)
    let events = run.handle("1, 1")
    #expect(
      events.contains {
        if case .error(let error, "loss == zero") = $0 {
          error.message.contains("unknown name 'zero'")
        } else {
          false
        }
      })
    #expect(LessonChecker.check(lesson).contains { $0.message.contains("unknown name 'zero'") })
  }
}

@Suite("Tweak feedback")
struct TweakFeedbackTests {
  @Test func tweakStepsGiveWordsAfterEachAssignment() throws {
    let yaml = """
      format_version: 1
      id: tweak-words
      title: Tweak words
      summary: Feedback in a tweak step.
      minutes: 1
      steps:
        - kind: tweak
          text: "Start: w is {{ w }}."
          setup: |
            w = 0
          watch: "mse(w * [1, 2], [2, 4])"
          variables: [w]
          feedback:
            - when: "loss < previous_loss"
              say: "Better: {{ loss }} (try {{ tries }})."
            - when: "true"
              say: "Not better."
          goal: "loss < 0.01"
          answer: ["w = 1", "w = 2"]
      """
    let lesson = try #require(LessonLoader.load(yaml: yaml, file: "tweak.yaml").lesson)
    var run = try LessonRun(lesson: lesson, learner: "ada")
    #expect(run.begin().contains(.text("Start: w is 0.")))
    #expect(run.handle("w = 1").contains(.feedback("Better: 2.5 (try 1).", tone: .good)))
    #expect(run.handle("w = 0").contains(.feedback("Not better.", tone: .bad)))
    #expect(run.handle("w = 2").contains(.stepComplete))
    #expect(LessonChecker.check(lesson).isEmpty)
  }
}
