import LossShell
import Testing

@testable import LossTerminal

@Suite("Landscape marks in plain text")
struct LandscapeMarksTests {
  @Test("prose about ★ and ● names the marks a plain landscape draws (* and O)")
  func proseNamesTheDrawnMarks() {
    let lines = [
      "x = [1, 2, 3]", "y = [2, 4, 6]", "w = 0", "b = 0",
      "landscape(mse(w * x + b, y), w, -1, 4, b, -2, 2)",
    ]
    let plot = Renderer(style: .plain, width: 80).render(events(after: lines))
    #expect(plot.contains("* minimum"), "\(plot)")
    #expect(plot.contains("O now"), "\(plot)")
    let prose = Renderer(style: .plain, width: 80).render([
      .lesson(.text("★ is the lowest point, ● is you."))
    ])
    #expect(prose.contains("* is the lowest point, O is you."), "\(prose)")
  }
}
