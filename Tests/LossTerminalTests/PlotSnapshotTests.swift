import Foundation
import LossLanguage
import LossPlots
import LossShell
import Testing

@testable import LossTerminal

/// Each plot kind and edge case, at a fixed size, in colour and in plain ASCII. The expected
/// text is in PlotSnapshots/NAME.txt (ESC shown as ⎋); record with
/// `RECORD_SNAPSHOTS=$PWD/Tests/LossTerminalTests/PlotSnapshots swift test --filter PlotSnapshot`
/// and review the diff.
let plotCases: [(name: String, setup: [String], line: String, width: Int)] = [
  ("function-two-series", [], "plot([mse(e, 0), mae(e, 0)], e, -3, 3, width=40, height=10)", 80),
  ("function-gradient", [], "plot(grad(bce(p, 1), p), p, 0.01, 0.99, width=40, height=8)", 80),
  ("constant", [], "plot(2 + 0 * e, e, -1, 1, width=30, height=5)", 80),
  ("pole", [], "plot(1 / e, e, -3, 3, width=40, height=10)", 80),
  ("nan-region", [], "plot(log(e), e, -2, 2, width=40, height=8)", 80),
  (
    "huge-range-log-axis", [], "curve([1000, 100, 10, 1, 0.1, 0.01, 0.001], width=30, height=8)", 80
  ),
  ("one-point", [], "curve([5], width=20, height=5)", 80),
  (
    "curve-validation", [],
    "curve([[2.3, 1.5, 1.0, 0.7, 0.55, 0.45, 0.41], [2.3, 1.6, 1.2, 0.9, 0.95, 1.0, 1.1]], width=40, height=8)",
    80
  ),
  (
    "landscape-path", ["x = [1, 2, 3]", "y = [2, 4, 6]", "w = 0", "b = 1"],
    "landscape(mse(w * x + b, y), w, -1, 4, b, -2, 2, width=30, height=10, path=[[0, 1], [1, 0.8], [1.6, 0.5], [2, 0]])",
    80
  ),
  (
    "scatter-fit", ["x = [1, 2, 3, 4, 5]", "y = [2.1, 3.9, 6.2, 7.8, 10.3]"],
    "scatter(x, y, fit=2 * x, width=30, height=8)", 80
  ),
  (
    "scatter-classes", ["x = [-3, -2, -1, 0.5, 1.5, 2, 3]", "y = [0, 0, 0, 1, 0, 1, 1]"],
    "scatter(x, y, fit=sigmoid(2 * x), width=30, height=6)", 80
  ),
  ("forty-columns", [], "plot([mse(e, 0), mae(e, 0), huber(e, 0)], e, -3, 3)", 40),
]

func renderedPlot(_ setup: [String], _ line: String, style: Renderer.Style, width: Int) -> String {
  var session = ShellSession()
  for l in setup { _ = session.handle(line: l) }
  return Renderer(style: style, width: width).render(session.handle(line: line))
}

func snapshot(_ name: String) -> String {
  guard
    let url = Bundle.module.url(
      forResource: name, withExtension: "txt", subdirectory: "PlotSnapshots"),
    let text = try? String(contentsOf: url, encoding: .utf8)
  else { return "(no snapshot \(name))" }
  return text
}

@Suite("Plot snapshots")
struct PlotSnapshotTests {
  @Test(arguments: plotCases.map(\.name))
  func colour(name: String) throws {
    let c = try #require(plotCases.first { $0.name == name })
    let text = renderedPlot(c.setup, c.line, style: .color, width: c.width)
    expectSnapshot("\(name).color", text, snapshot("\(name).color"))
  }

  @Test(arguments: plotCases.map(\.name))
  func plain(name: String) throws {
    let c = try #require(plotCases.first { $0.name == name })
    let text = renderedPlot(c.setup, c.line, style: .plain, width: c.width)
    expectSnapshot("\(name).plain", text, snapshot("\(name).plain"))
    let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii)
  }

  @Test("every plot fits the width it was drawn for", arguments: [40, 60, 100])
  func fitsTheWidth(width: Int) {
    for c in plotCases {
      let line = c.line.replacingOccurrences(
        of: #", width=\d+, height=\d+"#, with: "", options: .regularExpression)
      for style in [Renderer.Style.color, .plain] {
        let text = strippingSGR(renderedPlot(c.setup, line, style: style, width: width))
        for row in text.split(separator: "\n") {
          #expect(row.count <= width, "\(c.name) at \(width): \(row)")
        }
      }
    }
  }

  @Test("save writes the SVG through the injected writer and says so")
  func save() {
    var session = ShellSession()
    _ = session.handle(line: "plot(mse(e, 0), e, -3, 3)")
    guard case .savePlot(let request)? = session.handle(line: "save p.svg").first else {
      Issue.record("no save request")
      return
    }
    var written: [String: String] = [:]
    let ok = PlotSaver.perform(request) { path, contents in
      written[path] = contents
      return nil
    }
    #expect(written["p.svg"]?.hasPrefix("<?xml") == true)
    guard case .notice(let message) = ok else {
      Issue.record("expected a notice")
      return
    }
    #expect(message.hasPrefix("saved the plot to p.svg as an SVG picture"))
    let failed = PlotSaver.perform(request) { _, _ in "No space left on device" }
    #expect(
      failed
        == .error(
          Diagnostic(
            message: "could not save p.svg: No space left on device", source: "save p.svg",
            range: SourceRange(5, 10))))
  }
}

@Suite("save notes.md")
struct SaveNotesTests {
  @Test("writes the course notes as Markdown, says when it replaces a file, reports a failed write")
  func notes() {
    var session = ShellSession()
    guard case .savePlot(let request)? = session.handle(line: "save notes.md").first else {
      Issue.record("no save request")
      return
    }
    var written: [String: String] = [:]
    let ok = PlotSaver.perform(request) { path, contents in
      written[path] = contents
      return nil
    }
    let notes = written["notes.md"] ?? ""
    #expect(notes.hasPrefix("# LossLab: loss functions on one page"))
    #expect(notes.contains("`mse(p, y) = mean((p - y)^2)`"))
    #expect(notes.contains("`w = w - lr * grad(loss, w)`"))
    #expect(notes.contains("| Blindfolded darts |"))
    guard case .notice(let message) = ok else {
      Issue.record("expected a notice")
      return
    }
    #expect(message.hasPrefix("saved the course notes to notes.md as Markdown ("))
    #expect(!message.contains("replacing"))
    let again = PlotSaver.perform(request, exists: { $0 == "notes.md" }) { _, _ in nil }
    guard case .notice(let replaced) = again else {
      Issue.record("expected a notice")
      return
    }
    #expect(replaced.hasSuffix(", replacing the file that was there"))
    let failed = PlotSaver.perform(request) { _, _ in "Permission denied" }
    #expect(
      failed
        == .error(
          Diagnostic(
            message: "could not save notes.md: Permission denied", source: "save notes.md",
            range: SourceRange(5, 13))))
  }

  @Test("refuses a file name with a control character, before anything is written")
  func hostileName() {
    var session = ShellSession()
    guard case .error(let report)? = session.handle(line: "save \u{7}notes.md").first else {
      Issue.record("expected an error")
      return
    }
    #expect(report.message.contains("can't hold control characters (^G at character 1)"))
    guard case .error(let record)? = session.handle(line: "record demo\u{1b}.cast").first else {
      Issue.record("record took a name with an escape")
      return
    }
    #expect(record.message.contains("(^[ at character 5)"))
  }

  @Test("in a script, a save is numbered by its line, and a missing plot is an error there")
  func scriptLines() {
    var session = ShellSession(configuration: .script)
    _ = session.handle(line: "x = 1")
    guard case .error(let missing)? = session.handle(line: "save p.svg").first else {
      Issue.record("a save without a plot is not an error")
      return
    }
    #expect(missing.line == 2 && missing.range == SourceRange(5, 10))
    _ = session.handle(line: "plot(mse(e, 0), e, -3, 3)")
    guard case .savePlot(let request)? = session.handle(line: "save p.svg").first else {
      Issue.record("no save request")
      return
    }
    #expect(
      PlotSaver.perform(request) { _, _ in "gone" }
        == .error(request.failure("could not save p.svg: gone")))
    #expect(request.failure("x").line == 4)
  }
}

@Suite("Plot check for lesson check")
struct PlotCheckTests {
  @Test("every snapshot case draws within 40 and 80 columns")
  func casesPass() throws {
    for c in plotCases {
      var session = ShellSession()
      for l in c.setup { _ = session.handle(line: l) }
      guard case .plot(let plot)? = session.handle(line: c.line).first else {
        Issue.record("\(c.name) did not draw")
        continue
      }
      #expect(Renderer.plotProblem(plot) == nil, "\(c.name)")
    }
  }

  @Test("a fixed size wider than the terminal is drawn within it")
  func wideRequest() throws {
    var session = ShellSession()
    guard case .plot(let plot)? = session.handle(line: "plot(e, e, 0, 1, width=300)").first else {
      throw PlotCheckFailure()
    }
    #expect(Renderer.plotProblem(plot) == nil)
  }
}

struct PlotCheckFailure: Error {}
