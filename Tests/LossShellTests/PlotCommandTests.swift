import LossLanguage
import LossPlots
import Testing

@testable import LossShell

@Suite("Plot commands")
struct PlotCommandTests {
  func run(_ lines: [String]) -> (ShellSession, [ShellEvent]) {
    var session = ShellSession()
    var last: [ShellEvent] = []
    for line in lines { last = session.handle(line: line) }
    return (session, last)
  }

  @Test("plot(…) typed in the shell draws; describe says it in words")
  func plotAndDescribe() {
    let (_, events) = run(["plot([mse(e, 0), mae(e, 0)], e, -3, 3)", "describe"])
    #expect(
      events == [
        .plotText([
          "mse(e, 0) rises from 0 at e = 0 to 9 at e = ±3, a parabola.",
          "mae(e, 0) rises from 0 at e = 0 to 3 at e = ±3, a V.",
        ])
      ])
  }

  @Test("a plot error points at the argument in the typed line")
  func errorCaret() {
    let (_, events) = run(["plot(e^2, e, 3, -3)"])
    guard case .error(let report)? = events.first else {
      Issue.record("expected an error")
      return
    }
    #expect(report.range == SourceRange(16, 18))
    #expect(report.message.hasPrefix("the range is empty"))
  }

  @Test("watch landscape(…) redraws after each assignment of a weight, with the new point")
  func watchLandscape() {
    let (_, events) = run([
      "w = 0", "b = 0", "watch landscape((w - 1)^2 + (b + 1)^2, w, -2, 2, b, -2, 2)", "w = 0.5",
    ])
    guard case .plot(let plot)? = events.last, case .landscape(let l) = plot.content else {
      Issue.record("expected the landscape redrawn, got \(events)")
      return
    }
    #expect(l.current?.point == Point(x: 0.5, y: 0))
  }

  @Test("save needs a plot and a .svg or .txt name")
  func saveRules() {
    // A save with nothing to save failed, so it is an error (numbered in a script).
    #expect(
      run(["save a.svg"]).1.first.map { if case .error = $0 { true } else { false } } == true)
    let (_, events) = run(["plot(e, e, 0, 1)", "save a.png"])
    #expect(events.first.map { if case .error = $0 { true } else { false } } == true)
    let (_, text) = run(["plot(e, e, 0, 1)", "save out.txt"])
    guard case .savePlot(let request)? = text.first else {
      Issue.record("no save request")
      return
    }
    #expect(request.format == .text && request.path == "out.txt")
  }
}
