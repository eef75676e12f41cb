import LossEngine
import LossLanguage
import LossLessons
import LossPlots
import LossShell
import Testing

@testable import LossTerminal

/// Every kind of event, from a session that does a bit of everything.
let corpus: [ShellEvent] = {
  let lines = [
    "w = 0.5", "p = [2.5, 5, 3, 8]", "y = [3, 5, 2.5, 7]", "mse(p, y)", "mse(2.4, 2)", "mse(p, 3)",
    "big = linspace(-1000000, 1000000, 5000)", "mse(big, 0.123456789)", "big",
    "W = [[1.5, -2.25, 3, 4.125, 5, 6, 7, 8, 9, 10, 11, 12], [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]]",
    "tall = [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14], [15, 16], [17, 18], [19, 20]]",
    "mse(W, 0)", "mse(tall, 1)",
    "def sq(p, y) = mean((p - y)^2)", "sq(p, y)", "def rmse(p, y) = sqrt(mean((p - y)^2))",
    "rmse(p, y)",
    "def bad(p, y) = -mean((p - y)^2)", "bad(p, y)", "def nll(p, y) = -mean(y * log(p))",
    "nll([0, 1], [1, 0])",
    "log([1, 0])", "watch mse(w * p, y)", "watch sq(p, y)", "w = 1", "p[2] = 4", "watch",
    "watch w *",
    "mse([1, 2, 3], [1, 2])",
    "x = [1, 2, 3]", "train(mse(w * x, 2 * x), w, steps=3, val=mse(w * x, 2 * x + 1))",
    "step(mse(w * x, 2 * x), w, lr=0.1)",
    "a_really_long_variable_name_for_testing_layout = [1, 2, 3] + [4, 5, 6] * [7, 8, 9] - undefined_thing_here",
    "help", "help mse", "help watch", "help syntax", "help sq", "help nothing_like_it", "vars",
    "history",
    "plot([mse(e, 0), mae(e, 0), 1 / e], e, -3, 3)", "describe", "save picture.svg",
    "curve([[3, 2, 1, 0.5, 0.4], [3, 2.5, 2, 2.2, 2.4]])",
    "landscape(mse(w * p, y), w, -1, 3, p, -2, 2, path=[[2, 1], [1, 0]])",
    "scatter(p, y, fit=w * p)", "record session.cast", "record stop",
    "unwatch 9", "unwatch 1", "reset", "vars", "p = [1,", "", "2]", "hlep", "quit",
  ]
  var session = ShellSession(
    configuration: ShellConfiguration(
      resume:
        "Welcome back: you were on lesson 2 (hot and cold), step 3 of 8. Type start 2 to go on."))
  var events = session.start()
  for line in lines { events += session.handle(line: line) }
  events += [session.interrupt(), session.interrupt(), session.interrupt(partial: "x")].flatMap {
    $0
  }
  events.append(
    .trainingProgress(
      TrainingProgress(
        step: 3, steps: 10, loss: 0.25, validation: 0.5, parameters: ["w"],
        values: [Tensor(scalar: 1)], every: nil),
      curve: TrainingCurveSoFar(steps: 10, hasValidation: true)))
  var script = ShellSession(configuration: .script)
  events += script.handle(line: "1 + * 2")
  events += [
    .error(Diagnostic(message: "a message without a place")),
    .interrupted("interrupted: the computation was stopped; nothing was changed"),
    .history(firstNumber: 998, lines: ["1", String(repeating: "x", count: 300)]),
    .goodbye,
  ]
  events += lessonCorpus
  return events
}()

/// The text without SGR sequences.
func strippingSGR(_ text: String) -> String {
  var out = ""
  var inEscape = false
  for character in text {
    if character == "\u{1B}" {
      inEscape = true
    } else if inEscape {
      if character == "m" { inEscape = false }
    } else {
      out.append(character)
    }
  }
  return out
}

@Suite("Renderer properties")
struct RendererPropertyTests {
  @Test func theCorpusCoversEveryKindOfEvent() {
    func kind(_ event: ShellEvent) -> String {
      switch event {
      case .welcome: return "welcome"
      case .value: return "value"
      case .lossReport: return "lossReport"
      case .defined: return "defined"
      case .watchUpdate: return "watchUpdate"
      case .watchList: return "watchList"
      case .error: return "error"
      case .finding: return "finding"
      case .help: return "help"
      case .helpIndex: return "helpIndex"
      case .variables: return "variables"
      case .history: return "history"
      case .notice: return "notice"
      case .interrupted: return "interrupted"
      case .goodbye: return "goodbye"
      case .lesson: return "lesson"
      case .lessonMenu: return "lessonMenu"
      case .plot: return "plot"
      case .plotText: return "plotText"
      case .savePlot: return "savePlot"
      case .record: return "record"
      case .trainingProgress: return "trainingProgress"
      case .trained: return "trained"
      case .stepped: return "stepped"
      }
    }
    let kinds = Set(corpus.map(kind))
    #expect(kinds.count == 24, "missing kinds: only \(kinds.sorted())")
  }

  @Test func theLessonCorpusHasTrainAndStepReports() {
    #expect(lessonCorpus.contains { if case .lesson(.trained) = $0 { true } else { false } })
    #expect(lessonCorpus.contains { if case .lesson(.stepped) = $0 { true } else { false } })
  }

  @Test(arguments: [20, 40, 60, 80, 132])
  func plainOutputIsASCIIWithoutEscapes(width: Int) {
    let text = Renderer(style: .plain, width: width).render(corpus)
    #expect(!text.contains("\u{1B}"))
    let nonASCII = text.unicodeScalars.filter { !$0.isASCII }
    #expect(
      nonASCII.isEmpty, "non-ASCII in plain output: \(String(String.UnicodeScalarView(nonASCII)))")
  }

  @Test(arguments: [Renderer.Style.plain, .color], [20, 40, 60, 80, 132])
  func everyLineFitsTheWidth(style: Renderer.Style, width: Int) {
    let renderer = Renderer(style: style, width: width)
    for event in corpus {
      for line in renderer.lines(for: event) {
        let visibleLine = strippingSGR(line)
        #expect(
          visibleLine.count <= width, "\(visibleLine.count) > \(width): \(visibleLine) in \(event)")
      }
    }
  }

  @Test func colourUsesOnlySGRSequences() {
    let text = Renderer(style: .color, width: 80).render(corpus)
    #expect(text.contains("\u{1B}["))
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() where scalar == "\u{1B}" {
      var end = index + 1
      #expect(end < scalars.count && scalars[end] == "[")
      end += 1
      while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" {
        end += 1
      }
      #expect(end < scalars.count && scalars[end] == "m", "not an SGR sequence at \(index)")
    }
  }

  @Test func plainAndColourSayTheSameWords() {
    let plain = Renderer(style: .plain, width: 80)
    let colour = Renderer(style: .color, width: 80)
    let report = events(after: ["mse([2.5, 5, 3, 8], [3, 5, 2.5, 7])"])
    let plainText = plain.render(report)
    let colourText = strippingSGR(colour.render(report))
    for phrase in [
      "raise it", "lower it", "on target", "hurts most", "too high", "move it down", "loss term",
    ] {
      #expect(plainText.contains(phrase))
      #expect(colourText.contains(phrase))
    }
    let watch = allEvents(of: ["w = 0.5", "watch mse(w * [1, 2], [2, 4])", "w = 1", "w = 0"])
    #expect(plain.render(watch).contains("down by 3.125, better"))
    #expect(plain.render(watch).contains("up by 7.5, worse"))
    #expect(strippingSGR(colour.render(watch)).contains("↓ better by 3.125"))
    #expect(strippingSGR(colour.render(watch)).contains("↑ worse by 7.5"))
  }

  @Test func outputStaysBoundedForHugeValues() {
    let huge = events(after: ["big = linspace(0, 1, 1000000)", "mse(big, 0.5)"])
    let text = Renderer(style: .plain, width: 80).render(huge)
    #expect(text.split(separator: "\n").count < 30)
    let value = events(after: ["linspace(0, 1, 1000000)"])
    #expect(Renderer(style: .plain, width: 80).render(value).count < 400)
  }
}

@Suite("Colour decision")
struct StyleTests {
  @Test func colourOnlyOnACapableTerminal() {
    let term = ["TERM": "xterm-256color"]
    #expect(Renderer.Style.detect(environment: term, isTerminal: true) == .color)
    #expect(Renderer.Style.detect(environment: term, isTerminal: false) == .plain)
    #expect(
      Renderer.Style.detect(environment: term, isTerminal: true, plainRequested: true) == .plain)
    #expect(
      Renderer.Style.detect(environment: ["TERM": "xterm", "NO_COLOR": "1"], isTerminal: true)
        == .plain)
    #expect(
      Renderer.Style.detect(environment: ["TERM": "xterm", "NO_COLOR": ""], isTerminal: true)
        == .color)
    #expect(Renderer.Style.detect(environment: ["TERM": "dumb"], isTerminal: true) == .plain)
    #expect(Renderer.Style.detect(environment: [:], isTerminal: true) == .plain)
  }
}

@Suite("Layout helpers")
struct LayoutTests {
  @Test func wrappingKeepsWordsAndIndents() {
    let lines = Wrapper.wrap([Span("one two three four five")], width: 10, indent: 2, hanging: 4)
    #expect(lines.map(\.plainText) == ["  one two", "    three", "    four", "    five"])
  }

  @Test func aWordLongerThanTheLineIsSplit() {
    let lines = Wrapper.wrap([Span("abcdefghijkl")], width: 5)
    #expect(lines.map(\.plainText) == ["abcde", "fghij", "kl"])
  }

  @Test func spacingBetweenWordsIsKeptOnALine() {
    let lines = Wrapper.wrap([Span("a   b"), Span(" c", .strong)], width: 20)
    #expect(lines.map(\.plainText) == ["a   b c"])
  }

  @Test func truncationEndsInAnEllipsis() {
    let line = Line([Span("abc", .name), Span("defgh")])
    #expect(line.truncated(to: 5, ellipsis: "…").plainText == "abcd…")
    #expect(line.truncated(to: 8, ellipsis: "…") == line)
  }

  @Test func barsAreProportionalToTheTerms() throws {
    let text = Renderer(style: .plain, width: 100).render(events(after: ["mse([1, 2, 3, 4], 0)"]))
    let bars = text.split(separator: "\n").dropFirst(3).prefix(4).map {
      $0.filter { $0 == "#" }.count
    }
    #expect(bars == [1, 4, 9, 16])
  }

  @Test func aClippedRowSaysClippedAndAFlatOneFlat() {
    for style in [Renderer.Style.plain, .color] {
      for width in [40, 80] {
        let clipped = Renderer(style: style, width: width).render(
          events(after: ["bce([0, 0.5], [1, 1])"]))
        #expect(clipped.contains("clipped"), "\(clipped)")
        #expect(!clipped.contains("flat"), "\(clipped)")
        let flat = Renderer(style: style, width: width).render(
          events(after: ["hinge([2, 0.5], [1, 1])"]))
        #expect(flat.contains("flat"), "\(flat)")
      }
    }
  }

  @Test func plainLessonTextReadsMarkupBeforeReplacingSymbols() {
    let text = Renderer(style: .plain, width: 80).render([
      .lesson(.text("Loss = 2·e·3, and *slope* · 3"))
    ])
    #expect(text.contains("Loss = 2*e*3, and slope * 3"), "\(text)")
  }

  @Test func asciiReplacesTheSymbolsProseUses() {
    #expect(Glyphs.asciify("a — b → c ∂ √x Σ ≤ 2²") == "a - b -> c d sqrt x sum  <= 2^2")
  }
}

/// One of each lesson event, and a menu, with long and awkward text.
let lessonCorpus: [ShellEvent] = {
  var points: [(Double, Double)] = []
  for i in 0...20 {
    let x = Double(i) / 10 - 1
    points.append((x, x * x))
  }
  let samples = Plot.function("mse(e, 0)", points)
  let events: [LessonEvent] = [
    .header(lesson: "The blindfolded dart player", step: 2, of: 9, title: "Silence"),
    .text(
      "You're *blindfolded*. The **bullseye** is somewhere; type `x, y` to throw.\n\nA second paragraph that is long enough to need wrapping at narrow widths, surely."
    ),
    .options([
      "You wouldn't: without feedback, learning is impossible.", "Throw harder.",
      "Throw many times.",
    ]),
    .readouts(
      LessonReadouts(
        loss: 500, change: -1200,
        gradients: [NamedTensor(name: "guess", tensor: Tensor(scalar: 40))])),
    .feedback("Friend: \"You're 20 centimetres to the left and 10 up.\"", tone: .good),
    .feedback("That's the sum.", tone: .bad),
    .hint(number: 1, of: 3, text: "Move x by what the friend says."),
    .answer("-30, 10"),
    .inputProblem("Type two numbers separated by a comma, like `10, -5`."),
    .error(
      LanguageError(.unknownName("bulseye", suggestion: nil), at: SourceRange(0, 7)),
      source: "bulseye"),
    .value(name: nil, .tensor(Tensor(scalar: 0.375))),
    .value(name: "position", .tensor(Tensor(scalar: -114.5))),
    .plot(samples),
    // Values at the ends of the double range (their span overflows) and a single point.
    .plot(
      Plot.function(
        "1e308 * sign(e)", [(-1, -1e308), (0, 0), (1, 1e308), (2, .nan), (3, .infinity)])),
    .plot(Plot.function("5", [(0, 5)])),
    .plot(Plot.function("log(0)", [])),
    .stepComplete,
    .pressEnter,
    .lessonComplete(title: "The blindfolded dart player", summary: LessonStats()),
    .notice("Finish this step first (type `hint` for help, or `skip` to see the answer)."),
  ]
  let menu = LessonMenu(
    rows: [
      .init(
        number: 1, id: "darts", title: "The blindfolded dart player",
        summary: "A friend who says how far off you are.", minutes: 8, status: .done,
        isBuiltin: true),
      .init(
        number: 2, id: "hot-and-cold", title: "Hot and cold", summary: "Warmer, colder.",
        minutes: 9, status: .inProgress(step: 3, of: 10), isBuiltin: true),
      .init(
        number: 3, id: "mine", title: "A teacher's lesson", summary: "Custom.", minutes: 5,
        status: .new, isBuiltin: false),
    ],
    problems: ["mine.yaml:3:1: unknown field 'titel'"])
  // train and step typed in a lesson step report as in the shell.
  var interpreter = Interpreter()
  for line in ["x = [1, 2]", "w = 0", "train(mse(w * x, 2 * x), w, steps=3)"] {
    _ = try? interpreter.run(line)
  }
  let trained = interpreter.trainingRuns.map(LessonEvent.trained)
  _ = try? interpreter.run("step(mse(w * x, 2 * x), w, lr=0.1)")
  let stepped = interpreter.steps.map(LessonEvent.stepped)
  return (events + trained + stepped).map { ShellEvent.lesson($0) } + [.lessonMenu(menu)]
}()

extension Plot {
  /// A one-series function plot over e, from points.
  static func function(_ name: String, _ points: [(Double, Double)]) -> Plot {
    let series = Series(name: name, xs: points.map(\.0), ys: points.map(\.1))
    return Plot(
      title: name,
      content: .lines(
        LinePlot(kind: .function, xName: "e", yName: name, series: [series], logarithmic: false)))
  }
}

@Suite("Lesson markup escapes")
struct LessonMarkupEscapeTests {
  @Test func anEscapedDotAtALineStartIsProseAndShowsWithoutTheBackslash() {
    let text = Renderer(style: .plain, width: 80).render([
      .lesson(.text("Train again to step\n650\\. You watch the validation loss now."))
    ])
    #expect(
      text.contains(" Train again to step 650. You watch the validation loss now."), "\(text)")
  }

  @Test func anEscapedStarIsAStarNotEmphasis() {
    let spans = MarkupSpans.parse("a \\*b\\* and *c\\*d*", style: .color)
    #expect(spans.map(\.text) == ["a *b* and ", "c*d"])
    #expect(spans.last?.tone == .accent)
  }

  @Test func backslashesInsideCodeAreShownAsTheyAre() {
    let spans = MarkupSpans.parse("`a\\*b`", style: .color)
    #expect(spans.map(\.text) == ["a\\*b"])
  }
}
