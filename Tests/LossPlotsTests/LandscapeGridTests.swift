import LossEngine
import LossLanguage
import LossPlots
import TestSupport
import Testing

/// The landscape's grid is evaluated in bands on several cores; every cell must hold the very
/// number one evaluation of the loss gives there, and what the pass reports must not depend on
/// how the rows were split.
@Suite("Landscape grid values")
struct LandscapeGridTests {
  private func landscape(_ interpreter: Interpreter, _ text: String) throws -> Landscape {
    let plot = try PlotBuilder(interpreter: interpreter).build(
      Parser.parseExpression(text), source: text)
    guard case .landscape(let landscape) = plot.content else {
      throw Failure("expected a landscape, got \(plot.content)")
    }
    return landscape
  }

  /// The frame of a seeded dataset against the cell-by-cell pass the shell made before bands:
  /// bit for bit, nan cells included.
  @Test func everyCellIsTheOneThreadValueBitForBit() throws {
    var interpreter = Interpreter()
    try interpreter.run("x, y = sine(n=200, noise=0.3, seed=7)")
    try interpreter.run("w = 0; b = 0")
    let loss = "huber(w * x + b, y, delta=0.5) + log(w + 1.5)"
    let l = try landscape(
      interpreter, "landscape(\(loss), w, -2, 2, b, -1, 1, width=37, height=13)")
    #expect(l.xs.count == 37 && l.ys.count == 13)
    let expression = try Parser.parseExpression(loss)
    var scratch = interpreter
    var expected: [UInt64] = []
    for y in l.ys {
      for x in l.xs {
        scratch.scope.set("w", .tensor(Tensor(scalar: x)))
        scratch.scope.set("b", .tensor(Tensor(scalar: y)))
        let value = (try? scratch.evaluate(expression))?.scalar ?? .nan
        expected.append(value.bitPattern)
      }
    }
    #expect(l.values.map(\.bitPattern) == expected)
    #expect(l.values.contains { $0.isNaN }, "w < -1.5 is outside log's domain: gaps in the grid")
  }

  /// A loss that fails at every cell (in every band) still says why.
  @Test func aLossFailingEverywhereSaysWhy() throws {
    var interpreter = Interpreter()
    try interpreter.run("w = 0; b = 0")
    let text = "landscape(mse(w, [1, 2]), w, -1, 1, b, -1, 1)"
    #expect(throws: PlotError.self) { try landscape(interpreter, text) }
    do {
      _ = try landscape(interpreter, text)
    } catch let error as PlotError {
      #expect(error.message.contains("mse"), "\(error.message)")
    }
  }
}
