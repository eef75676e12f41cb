import LossLanguage
import LossPlots
import Testing

@testable import LossLessons

/// A lesson of one plot step with this `plot:` field.
func plotLesson(_ field: String, setup: String = "") -> LessonFileReport {
  LessonLoader.load(
    yaml: """
      format_version: 1
      id: plots
      title: Plots
      summary: A picture.
      minutes: 1
      \(setup)
      steps:
        - kind: plot
          text: A picture.
          plot: \(field)
      """, file: "plots.yaml")
}

@Suite("Plot steps")
struct PlotStepTests {
  @Test("a plot step takes any plot call, evaluated with the lesson's variables")
  func anyCall() throws {
    let report = plotLesson(
      "\"landscape(mse(w * x, y), w, -1, 3, b, 0, 1)\"",
      setup: "setup: |\n  x = [1, 2]\n  y = [2, 4]\n  w = 0\n  b = 0")
    let lesson = try #require(report.lesson, "\(report.diagnostics)")
    var run = try LessonRun(lesson: lesson, learner: "ada")
    let events = run.begin()
    guard
      case .plot(let plot)? = events.first(where: { if case .plot = $0 { true } else { false } }),
      case .landscape(let landscape) = plot.content
    else {
      Issue.record("no landscape in \(events)")
      return
    }
    #expect(abs((landscape.minimum?.point.x ?? 0) - 2) < 1e-6)
  }

  @Test("a plot field that is not a plot call is refused at load")
  func notAPlotCall() {
    let report = plotLesson("\"mse(e, 0)\"")
    #expect(
      report.diagnostics.map(\.message).contains {
        $0.hasPrefix("plot: expected a call of plot, curve, landscape or scatter")
      })
  }

  @Test("lesson check reports a plot step that cannot be drawn, and one that draws badly")
  func check() throws {
    let broken = try #require(plotLesson("\"plot(q * e, e, 0, 1)\"").lesson)
    #expect(LessonChecker.check(broken).contains { $0.message.contains("has no finite value") })
    let fine = try #require(plotLesson("\"plot(e^2, e, 0, 1)\"").lesson)
    #expect(LessonChecker.check(fine).isEmpty)
    let flagged = LessonChecker.check(fine, drawing: { _ in "too wide" })
    #expect(flagged.contains { $0.message.hasPrefix("the plot cannot be drawn well: too wide") })
  }
}
