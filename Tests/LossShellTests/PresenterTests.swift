import LossLanguage
import LossLessons
import LossPlots
import Testing

@testable import LossShell

/// A lesson with a seeded number, a compute step answered by a loss call and a plot.
private let presentedLesson: [(name: String, text: String)] = [
  (
    "01-present.yaml",
    """
    format_version: 1
    id: present
    order: 1
    title: Presented
    summary: For the projector.
    minutes: 2
    setup: |
      p = [3, 5, 2.5]
      y = [2.5, 5, 3]
      drawn = seed + 1
    steps:
      - kind: say
        text: "Today's number is {{ drawn }}."
      - kind: compute
        text: The MSE of p against y?
        answer: "mse(p, y)"
        tolerance: 1e-9
      - kind: plot
        text: The parabola.
        plot: {expr: "mse(e, 0)", var: e, from: -3, to: 3}
      - kind: say
        text: The end.
    """
  )
]

private func presenter(seed: Int = Presenter.defaultSeed) -> ShellSession {
  Presenter.session(
    library: LessonLibrary(builtinFiles: presentedLesson), seed: seed,
    configuration: ShellConfiguration())
}

private func lessonEvents(_ events: [ShellEvent]) -> [LessonEvent] {
  events.compactMap { if case .lesson(let event) = $0 { event } else { nil } }
}

private func texts(_ events: [ShellEvent]) -> [String] {
  lessonEvents(events).compactMap { if case .text(let text) = $0 { text } else { nil } }
}

private func headerSteps(_ events: [ShellEvent]) -> [Int] {
  lessonEvents(events).compactMap { if case .header(_, let step, _, _) = $0 { step } else { nil } }
}

@Suite("Presenter mode through the session")
struct PresenterTests {
  @Test func theSeedIsTheOneGivenNotTheLearners() {
    var session = presenter(seed: 41)
    let (events, started) = Presenter.begin(&session, lesson: "1")
    #expect(started)
    #expect(texts(events) == ["Today's number is 42."])
    var other = presenter(seed: 41)
    #expect(Presenter.begin(&other, lesson: "present").events == events)
  }

  @Test func anUnknownLessonDoesNotStart() {
    var session = presenter()
    let (events, started) = Presenter.begin(&session, lesson: "7")
    #expect(!started)
    #expect(events.notices.contains { $0.contains("There is no lesson 7") })
  }

  @Test func revealShowsTheAnswerAndTheTermsThenEnterGoesOn() {
    var session = presenter()
    _ = Presenter.begin(&session, lesson: "1")
    _ = session.receive(.line(""))
    let revealed = session.receive(.line("reveal"))
    #expect(lessonEvents(revealed).contains(.answer("mse(p, y)   (= 0.166667)")))
    guard let report = revealed.lossReports.first else {
      Issue.record("no loss report in \(revealed)")
      return
    }
    expectClose(report.value, 1.0 / 6.0)
    #expect(report.breakdown?.rows.count == 3)
    #expect(headerSteps(session.receive(.line(""))) == [3])
  }

  @Test func revealOnANarrativeStepSaysThereIsNothingToReveal() {
    var session = presenter()
    _ = Presenter.begin(&session, lesson: "1")
    let events = session.receive(.line("reveal"))
    #expect(events.notices == ["This step has no answer to reveal: press Enter to go on."])
  }

  @Test func gotoJumpsAndBackReturns() {
    var session = presenter()
    _ = Presenter.begin(&session, lesson: "1")
    #expect(headerSteps(session.receive(.line("goto 4"))) == [4])
    #expect(headerSteps(session.receive(.line("back"))) == [3])
    #expect(headerSteps(session.receive(.line("goto 1"))) == [1])
  }

  @Test(arguments: ["goto 0", "goto 5", "goto two", "goto", "goto 99999999999999999999"])
  func gotoOutsideTheLessonNamesTheRange(_ line: String) {
    var session = presenter()
    _ = Presenter.begin(&session, lesson: "1")
    let events = session.receive(.line(line))
    #expect(events.notices == ["`goto` needs a step number from 1 to 4, like `goto 3`."])
  }

  @Test func theTeacherTypesIntoAStepLikeALearner() {
    var session = presenter()
    _ = Presenter.begin(&session, lesson: "1")
    _ = session.receive(.line(""))
    let events = session.receive(.line("mean((p - y)^2)"))
    #expect(lessonEvents(events).contains(.feedback("Correct: 0.166667.", tone: .good)))
  }

  @Test func plotsAreTallerAndTheEndSaysNothingAboutProgress() {
    var session = presenter()
    _ = Presenter.begin(&session, lesson: "1")
    let plotted = session.receive(.line("goto 3"))
    let plots = lessonEvents(plotted).compactMap { if case .plot(let p) = $0 { p } else { nil } }
    #expect(plots.map(\.size?.rows) == [Presenter.plotRows])
    let end = session.receive(.line("goto 4")) + session.receive(.line(""))
    #expect(lessonEvents(end).contains(.feedback("End of Presented.", tone: .good)))
    #expect(
      !lessonEvents(end).contains { if case .lessonComplete = $0 { true } else { false } })
    #expect(end.notices.isEmpty)
    #expect(session.start().isEmpty)
  }

  @Test func leavingSaysNothingAboutAPlaceSaved() {
    var session = presenter()
    _ = Presenter.begin(&session, lesson: "1")
    #expect(session.receive(.endOfInput) == [.goodbye])
  }
}
