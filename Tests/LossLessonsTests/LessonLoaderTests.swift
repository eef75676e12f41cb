import Foundation
import LossLessons
import Testing

@Suite("Loading a valid lesson")
struct ValidLessonTests {
  @Test func everyStepKindLoadsWithItsFields() throws {
    let report = LessonLoader.load(yaml: try Fixtures.text("complete.yaml"), file: "complete.yaml")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    let lesson = try #require(report.lesson)

    #expect(lesson.id.rawValue == "complete-sample")
    #expect(lesson.order == 3)
    #expect(lesson.minutes == 12)
    #expect(lesson.requires.map(\.rawValue) == ["darts", "hot-and-cold"])
    #expect(
      lesson.setup.map(\.source) == ["target = [3, -4]", "pred = [1, 2, 3]", "actual = [1, 2, 5]"])
    #expect(
      lesson.steps.map(\.content.kindName) == [
        "say", "predict", "predict", "compute", "compute", "choose", "tweak", "explore", "plot",
      ])

    guard case .say(let say) = lesson.steps[0].content else { throw Failure("step 1") }
    #expect(lesson.steps[0].title == "Hello")
    #expect(lesson.steps[0].hints.count == 2)
    #expect(
      say.text.segments == [
        .literal("Hello, *learner*: the target is "),
        .expression(
          LessonExpression(
            "target", at: SourcePosition(file: "complete.yaml", line: 16, column: 47))),
        .literal(" and **hidden**."),
      ])

    guard case .predict(let darts) = lesson.steps[1].content else { throw Failure("step 2") }
    #expect(darts.input == .point)
    #expect(darts.binding == "throw")
    #expect(darts.prompt == "dart")
    #expect(darts.show == [.loss, .gradient])
    #expect(darts.feedback.map(\.when.source) == ["loss == 0", "true"])
    #expect(darts.goal?.source == "loss < 1")
    #expect(darts.maxTries == 30)
    #expect(darts.answer.source == "target")

    guard case .predict(let vector) = lesson.steps[2].content else { throw Failure("step 3") }
    #expect(vector.input == .vector(size: 3))
    #expect(vector.binding == "guess", "bind defaults to guess")
    #expect(vector.prompt == "guess", "prompt defaults to the binding")
    #expect(vector.show == [.loss, .change], "show defaults to loss and change")
    #expect(vector.goal == nil)

    guard case .compute(let tolerance) = lesson.steps[3].content,
      case .compute(let rounding) = lesson.steps[4].content
    else { throw Failure("steps 4, 5") }
    #expect(tolerance.check == .tolerance(1e-6))
    #expect(tolerance.wrong.map(\.answer.source) == ["sum((pred - actual)^2)"])
    #expect(rounding.check == .rounding(places: 2))

    guard case .choose(let choose) = lesson.steps[5].content else { throw Failure("step 6") }
    #expect(choose.options.map(\.isCorrect) == [true, false])
    #expect(choose.options[1].feedback?.text == "No, that one is absolute.")

    guard case .tweak(let tweak) = lesson.steps[6].content else { throw Failure("step 7") }
    #expect(tweak.setup.map(\.source) == ["w = 0"])
    #expect(tweak.variables == ["w"])
    #expect(tweak.answer.map(\.source) == ["w = 1.2"])

    guard case .plot(let plot) = lesson.steps[8].content else { throw Failure("step 9") }
    #expect(plot.call.source == "plot(mse(e, 0), e, -3.0, 3.0)")
  }

  @Test func expressionPositionsPointIntoTheFile() throws {
    let report = LessonLoader.load(yaml: try Fixtures.text("complete.yaml"), file: "c.yaml")
    let lesson = try #require(report.lesson)
    // setup is a `|` block: one expression per line, at its own line and column.
    #expect(
      lesson.setup.map { "\($0.position.line):\($0.position.column)" } == ["9:3", "11:3", "12:3"])
    guard case .predict(let darts) = lesson.steps[1].content else { throw Failure("step 2") }
    // `loss: "sum(...)"` on line 25: the expression starts after the opening quote.
    #expect(darts.loss.position == SourcePosition(file: "c.yaml", line: 25, column: 12))
    #expect(darts.answer.position.line == 34)
  }

  @Test func everyExampleInFormatGuideLoads() throws {
    let guide = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Lessons/FORMAT.md"), encoding: .utf8)
    let blocks = guide.components(separatedBy: "```yaml\n").dropFirst()
      .compactMap { $0.components(separatedBy: "```").first }
    #expect(blocks.count >= 8, "a whole lesson plus one example per step kind")
    var kinds: Set<String> = []
    for block in blocks {
      let text =
        block.hasPrefix("format_version")
        ? block
        : LessonText.with(
          steps: block.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  " + $0 }.joined(separator: "\n"))
      let report = LessonLoader.load(yaml: text, file: "FORMAT.md")
      #expect(report.diagnostics.isEmpty, "\(report.diagnostics)\n\(text)")
      kinds.formUnion(report.lesson?.steps.map(\.content.kindName) ?? [])
    }
    #expect(
      kinds == ["say", "predict", "compute", "choose", "tweak", "explore", "plot", "define"])
  }
}

@Suite("Diagnostics for teachers")
struct DiagnosticTests {
  @Test func unknownStepKindSuggestsTheClosest() {
    let report = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: sya\n    text: Hi\n"), file: "l.yaml")
    #expect(report.lesson == nil)
    #expect(report.located == ["7:11 unknown step kind 'sya' — did you mean 'say'?"])
    #expect(
      report.diagnostics[0].description
        == "l.yaml:7:11: unknown step kind 'sya' — did you mean 'say'?")
  }

  @Test func unknownStepKindWithoutAGuessListsTheKinds() {
    let report = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: lecture\n    text: Hi\n"), file: "l.yaml")
    #expect(
      report.messages == [
        "unknown step kind 'lecture'; expected say, predict, compute, choose, tweak, explore, plot or define"
      ])
  }

  @Test func unknownFieldsSuggestTheClosest() {
    let report = LessonLoader.load(
      yaml: LessonText.with(
        header: "sumary: typo\n",
        steps: "  - kind: say\n    txt: Hi\n"), file: "l.yaml")
    #expect(
      report.located.contains("6:1 unknown field 'sumary' in the lesson — did you mean 'summary'?"))
    #expect(
      report.located.contains(
        "9:5 unknown field 'txt' in this say step (step 1) — did you mean 'text'?"))
    #expect(
      report.messages.contains(
        "this say step (step 1) has no 'text'; expected text: the text to show"))
  }

  @Test func aFieldOfAnotherKindSaysWhereItBelongs() {
    let report = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text: Hi\n    goal: \"loss < 1\"\n"),
      file: "l.yaml")
    #expect(
      report.messages == [
        "'goal' is not a field of this say step (step 1); it belongs to predict and tweak steps"
      ])
  }

  @Test func aStepFieldAtTheTopSaysToMoveIt() {
    let report = LessonLoader.load(yaml: LessonText.say() + "hints: [a]\n", file: "l.yaml")
    #expect(
      report.messages == [
        "'hints' is not a field of the lesson; it belongs inside a step (under steps:)"
      ])
  }

  @Test func wrongTypesSayWhatWasFoundAndExpected() {
    let text = """
      format_version: 1
      id: sample
      title: [a, b]
      summary: Fine.
      minutes: eight
      order: "1"
      steps:
        - kind: choose
          question: Which?
          options:
            - text: A
              correct: maybe
            - text: B
              correct: true

      """
    let report = LessonLoader.load(yaml: text, file: "l.yaml")
    #expect(
      report.located == [
        "3:8 title: found a list; expected one line of text (text in [brackets] is a YAML list; to write it as text, put it in quotes)",
        "5:10 minutes: found 'eight'; expected a whole number from 1 to 600",
        "6:8 order: found quoted text '1'; expected a whole number from -1000000 to 1000000",
        "12:18 correct: found 'maybe'; expected true or false",
      ])
  }

  @Test func missingRequiredFieldsAreAllReported() {
    let report = LessonLoader.load(yaml: "format_version: 1\nid: x\n", file: "l.yaml")
    #expect(
      report.messages == [
        "the lesson has no 'title'; expected title: the lesson's title",
        "the lesson has no 'summary'; expected summary: one line saying what it teaches",
        "the lesson has no 'minutes'; expected minutes: estimated minutes, like 8",
        "the lesson has no 'steps'; expected steps: a list of steps",
      ])
  }

  @Test func emptyValuesAreReported() {
    let report = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text:\n    title:\n"), file: "l.yaml")
    #expect(
      report.located == [
        "8:10 'text' is empty; expected text: the text to show",
        "9:11 'title' is empty; expected title: a short title, or no 'title' line at all",
      ])
  }

  @Test func badIDsAreRefusedWithASafeSuggestion() {
    let report = LessonLoader.load(
      yaml: LessonText.say().replacingOccurrences(of: "id: sample", with: "id: ../Darts Lesson"),
      file: "l.yaml")
    #expect(
      report.messages == [
        "id: '../Darts Lesson' is not a valid lesson id; expected 1 to 48 lowercase letters, digits and dashes, not starting with a dash such as 'darts-lesson'"
      ])
  }

  @Test func formatVersionIsCheckedFirst() {
    let newer = LessonLoader.load(
      yaml: "format_version: 2\nid: x\nbogus: field\n", file: "l.yaml")
    #expect(
      newer.located == [
        "1:17 format_version 2 is not supported; expected format_version: 1 (a newer LossLab may read this file)"
      ])
    let missing = LessonLoader.load(yaml: "id: x\n", file: "l.yaml")
    #expect(
      missing.messages == [
        "the lesson has no 'format_version'; expected format_version: 1 as its first line"
      ])
  }

  @Test func duplicateKeysAreEachReported() {
    let report = LessonLoader.load(
      yaml: LessonText.with(
        steps: "  - kind: say\n    text: A\n    text: B\n    title: x\n    title: y\n"),
      file: "l.yaml")
    #expect(
      report.located == [
        "9:5 duplicate key 'text' (first at line 8); expected each key once",
        "11:5 duplicate key 'title' (first at line 10); expected each key once",
      ])
  }

  @Test func duplicateStepFeaturesAreReported() {
    let steps = """
        - kind: predict
          text: Go.
          input: number
          loss: "guess^2"
          show: [loss, loss]
          goal: "loss < 1"
          answer: 0
        - kind: compute
          text: Go.
          answer: 1
          tolerance: 0.1
          rounding: 2
        - kind: choose
          question: Which?
          options:
            - text: Same
              correct: true
            - text: Same
        - kind: tweak
          text: Go.
          watch: "w^2"
          variables: [w, w]
          goal: "loss < 1"
          answer: ["w = 0"]

      """
    let report = LessonLoader.load(yaml: LessonText.with(steps: steps), file: "l.yaml")
    #expect(
      report.located == [
        "11:18 show: 'loss' is listed twice; expected each readout once",
        "14:5 this compute step has both 'tolerance' and 'rounding'; expected exactly one of them",
        "24:15 duplicate option 'Same'; expected every option to differ",
        "28:20 variables: 'w' is listed twice; expected each name once",
      ])
  }

  @Test func predictStepRulesAreChecked() {
    let steps = """
        - kind: predict
          text: Go.
          input: vector
          loss: "guess^2"
          answer: 0
        - kind: predict
          text: Go.
          input: point
          size: 2
          loss: "guess^2"
          max_tries: 0
          answer: 0
        - kind: predict
          text: Go.
          input: pont
          loss: "guess^2"
          goal: "loss < 1"
          answer: 0
          bind: 2x

      """
    let report = LessonLoader.load(yaml: LessonText.with(steps: steps), file: "l.yaml")
    #expect(
      report.located == [
        "7:5 this predict step never ends; expected goal: \"loss < 1\", max_tries: 3, or both",
        "9:12 input: vector needs a 'size'; expected size: N (how many numbers the learner types)",
        "15:11 'size' only applies to input: vector; expected no 'size' for input: point",
        "17:16 max_tries: found '0'; expected a whole number from 1 to 1000",
        "21:12 input: found 'pont'; expected number, point or vector — did you mean 'point'?",
        "25:11 bind: found '2x'; expected a variable name (letters, digits and _, like guess or w1)",
      ])
  }

  @Test func computeNeedsAToleranceOrRounding() {
    let report = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: compute\n    text: Go.\n    answer: 1\n"),
      file: "l.yaml")
    #expect(
      report.messages == [
        "this compute step has no 'tolerance' or 'rounding'; expected tolerance: 1e-6 (how far off still counts) or rounding: 2 (decimal places)"
      ])
  }

  @Test func chooseNeedsACorrectOptionAndTwoOptions() {
    let steps = """
        - kind: choose
          question: Which?
          options:
            - text: A
            - text: B
        - kind: choose
          question: Which?
          options:
            - text: A
              correct: true

      """
    let report = LessonLoader.load(yaml: LessonText.with(steps: steps), file: "l.yaml")
    #expect(
      report.located == [
        "10:7 no option is marked correct; expected correct: true on at least one option",
        "15:7 options: found 1 item; expected 2 to 26",
      ])
  }

  @Test func plotRangeMustIncrease() {
    let report = LessonLoader.load(
      yaml: LessonText.with(
        steps: "  - kind: plot\n    text: P.\n    plot: {expr: \"e^2\", var: e, from: 3, to: -3}\n"),
      file: "l.yaml")
    #expect(report.messages == ["plot: from (3.0) is not below to (-3.0); expected from < to"])
  }

  @Test func templatesWithBrokenHolesAreReportedWhereTheHoleIs() {
    let report = LessonLoader.load(
      yaml: LessonText.with(
        steps:
          "  - kind: say\n    text: \"Distance {{ sqrt(loss) \"\n  - kind: say\n    text: |\n      Line one\n      and {{ }} here\n"
      ),
      file: "l.yaml")
    #expect(
      report.located == [
        "8:21 text: '{{' is never closed; expected '{{ expression }}'",
        "12:11 text: '{{ }}' is empty; expected an expression inside",
      ])
  }

  @Test func unquotedExpressionListsGetQuotingAdvice() {
    let report = LessonLoader.load(
      yaml: LessonText.with(
        steps: "  - kind: compute\n    text: Go.\n    answer: [1, 2]\n    rounding: 1\n"),
      file: "l.yaml")
    #expect(
      report.messages == [
        "answer: found a list; expected an expression, like \"loss < 1\" (text in [brackets] is a YAML list; to write it as text, put it in quotes)"
      ])
  }

  @Test func allProblemsInAFileAreCollectedInOrder() {
    let text = """
      format_version: 1
      id: Bad_ID
      title: T
      summary: S
      minutes: 0
      requires: [bad-id, bad-id]
      steps:
        - kind: sya
          text: x
        - kind: predict
          text: x
        - kind: say
          text: x
          hint: [a]

      """
    let report = LessonLoader.load(yaml: text, file: "l.yaml")
    #expect(report.lesson == nil)
    #expect(report.diagnostics.map(\.position.line) == [2, 5, 6, 8, 10, 10, 10, 10, 14])
    #expect(report.errors.count == 9)
  }

  @Test func warningsDoNotStopALesson() {
    let steps = """
        - kind: predict
          text: Go.
          input: number
          loss: "guess^2"
          feedback:
            - when: "loss > 1"
              say: Far.
          goal: "loss < 1"
          answer: 0

      """
    let report = LessonLoader.load(yaml: LessonText.with(steps: steps), file: "l.yaml")
    #expect(report.lesson != nil)
    #expect(
      report.warnings.map(\.description) == [
        "l.yaml:12:7: warning: no feedback entry has when: \"true\"; tries that match no entry get no words"
      ])
  }

  @Test func yamlSyntaxErrorsGetAdvice() {
    let report = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text: Note: this breaks\n"), file: "l.yaml")
    #expect(
      report.located == [
        "8:15 YAML syntax error: mapping values are not allowed in this context; expected 'key: value' on its own line; if a value contains ': ', put it in quotes"
      ])
  }
}

struct Failure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

@Suite("Lesson names follow the language's identifier rule")
struct LessonIdentifierTests {
  /// `def` is the language's keyword: a tweak variable called def could never be typed.
  @Test(arguments: ["def", "1w", "w-1"])
  func aTweakVariableMustBeANameTheLanguageReads(name: String) {
    let steps = """
        - kind: tweak
          text: Go.
          watch: "w^2"
          variables: [\(name)]
          goal: "loss < 1"
          answer: ["w = 0"]

      """
    let report = LessonLoader.load(yaml: LessonText.with(steps: steps), file: "l.yaml")
    #expect(report.lesson == nil)
    #expect(report.messages.contains { $0.contains("expected a variable name") })
  }
}
