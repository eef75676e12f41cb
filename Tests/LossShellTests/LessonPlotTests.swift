import LossLanguage
import LossLessons
import LossPlots
import Testing

@testable import LossShell

/// A lesson with data, a hidden target and a tweak step to train in.
private let lessonText = """
  format_version: 1
  id: hills
  order: 1
  title: Hills
  summary: Plots inside a lesson.
  minutes: 2
  setup: |
    x = [1, 2, 3]
    y = [2, 5, 6]
    target = 7
  steps:
    - kind: tweak
      text: Train w and b.
      setup: |
        w = 0
        b = 0
      watch: "mse(w * x + b, y)"
      variables: [w, b]
      goal: "loss < 1"
      answer: ["c = train(mse(w * x + b, y), w, b, lr=0.05, steps=40)"]
    - kind: predict
      text: Guess the target.
      input: number
      loss: "(guess - target)^2"
      goal: "loss == 0"
      answer: "target"
  """

private func hillsSession() -> ShellSession {
  let context = LessonContext(
    library: LessonLibrary(builtinFiles: [("01-hills.yaml", lessonText)]), learner: "tester",
    progress: .inMemory())
  var session = ShellSession(configuration: ShellConfiguration(), commands: .withLessons(context))
  _ = session.handle(line: "start 1")
  return session
}

private func landscape(in events: [ShellEvent]) -> Landscape? {
  for event in events {
    if case .plot(let plot) = event, case .landscape(let landscape) = plot.content {
      return landscape
    }
  }
  return nil
}

@Suite("Plots typed inside a lesson")
struct LessonPlotTests {
  @Test("a plot typed in a lesson step sees the lesson's variables and its last train")
  func plotsSeeTheLesson() throws {
    var session = hillsSession()
    let trained = session.handle(line: "c = train(mse(w * x + b, y), w, b, lr=0.05, steps=40)")
    #expect(trained.contains { if case .lesson(.stepComplete) = $0 { true } else { false } })
    let events = session.handle(line: "landscape(mse(w * x + b, y), w, -1, 4, b, -2, 2)")
    let l = try #require(landscape(in: events), "\(events)")
    #expect(l.descentSteps == 40)
    #expect(l.path.first == Point(x: 0, y: 0))
    let scope = try #require(session[state: ActiveLesson.self].run?.scope)
    #expect(l.path.last == Point(x: scope["w"]?.scalar ?? .nan, y: scope["b"]?.scalar ?? .nan))
    // The free shell's own variables are not the lesson's.
    #expect(session.scope["x"] == nil)
  }

  @Test("a plot cannot show what the current guess is judged by")
  func hiddenTargetStaysHidden() {
    var session = hillsSession()
    _ = session.handle(line: "skip")
    let events = session.handle(line: "plot(e + target, e, 0, 1)")
    #expect(events.contains { $0.errorReport?.message.contains("unknown name 'target'") == true })
    #expect(!events.contains { if case .plot = $0 { true } else { false } })
  }
}
