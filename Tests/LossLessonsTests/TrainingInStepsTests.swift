import LossEngine
import LossLanguage
import Testing

@testable import LossLessons

/// A lesson whose tweak step is done with `step` or `train`, and a sandbox to try them in.
private let yaml = """
  format_version: 1
  id: descent
  title: Descent
  summary: Training inside a lesson.
  minutes: 2
  setup: |
    x = [1, 2, 3]
    y = [2, 4, 6]
  steps:
    - kind: tweak
      text: Step down.
      setup: |
        w = 0
      watch: "mse(w * x, y)"
      variables: [w]
      show: [change]
      goal: "loss < 1"
      answer: ["step(mse(w * x, y), w, lr=0.1)"]
    - kind: explore
      text: Try things.
  """

private func descentRun() throws -> LessonRun {
  try descentStart().run
}

private func descentStart() throws -> (run: LessonRun, events: [LessonEvent]) {
  let report = LessonLoader.load(yaml: yaml, file: "descent.yaml")
  let lesson = try #require(report.lesson, "\(report.diagnostics)")
  var run = try LessonRun(lesson: lesson, learner: "ada")
  let events = run.begin()
  return (run, events)
}

private func steps(in events: [LessonEvent]) -> [StepReport] {
  events.compactMap { if case .stepped(let report) = $0 { report } else { nil } }
}

private func runs(in events: [LessonEvent]) -> [TrainingRun] {
  events.compactMap { if case .trained(let run) = $0 { run } else { nil } }
}

@Suite("train and step typed in a lesson step")
struct TrainingInStepsTests {
  @Test("a step() in a tweak step shows its five parts and is judged as a move of its weight")
  func stepCountsAsAMove() throws {
    var run = try descentRun()
    let events = run.handle("step(mse(w * x, y), w, lr=0.1)")
    let report = try #require(steps(in: events).first, "\(events)")
    #expect(report.updates.map(\.name) == ["w"])
    // ∂/∂w mean((w·x − y)²) at w = 0 is −2·mean(x·y) = −56/3.
    #expect(abs((report.updates.first?.gradient.scalarValue ?? 0) + 56.0 / 3) < 1e-12)
    // The new loss is in the report; it is not shown again as a bare value.
    #expect(!events.contains { if case .value = $0 { true } else { false } })
    #expect(events.contains { if case .readouts = $0 { true } else { false } })
    #expect(events.contains(.stepComplete))
    #expect(run.stats.attempts == 1)
  }

  @Test("an assigned train in a tweak step shows what it did, then its value, and can end the step")
  func trainCountsAsAMove() throws {
    var run = try descentRun()
    let events = run.handle("c = train(mse(w * x, y), w, lr=0.05, steps=20)")
    let trained = try #require(runs(in: events).first, "\(events)")
    #expect(trained.parameters == ["w"] && trained.losses.count == 21)
    let order = events.map { event -> String in
      switch event {
      case .trained: "trained"
      case .value(let name, _): "value \(name ?? "")"
      case .readouts: "readouts"
      case .stepComplete: "done"
      default: "other"
      }
    }
    #expect(order == ["trained", "value c", "readouts", "done"])
  }

  @Test("a tweak step that shows only the change shows no empty readout at its start")
  func noEmptyReadoutAtTheStart() throws {
    let events = try descentStart().events
    #expect(!events.contains { if case .readouts = $0 { true } else { false } }, "\(events)")
  }

  @Test("train and step in an explore step are reported too")
  func sandboxReportsTraining() throws {
    var run = try descentRun()
    _ = run.skip()
    #expect(!steps(in: run.handle("step(mse(w * x, y), w, lr=0.1)")).isEmpty)
    #expect(!runs(in: run.handle("train(mse(w * x, y), w, steps=3)")).isEmpty)
    // A line without training reports none.
    let plain = run.handle("w + 1")
    #expect(steps(in: plain).isEmpty && runs(in: plain).isEmpty)
  }
}
