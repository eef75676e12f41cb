import LossLanguage
import LossPlots
import TestSupport
import Testing

/// The plot a line asks for, built against the scope made by `setup`.
func plot(_ call: String, setup: [String] = []) throws -> Plot {
  var interpreter = Interpreter()
  for line in setup { try interpreter.run(line) }
  let expression = try Parser.parseExpression(call)
  return try PlotBuilder(interpreter: interpreter).build(expression, source: call)
}

/// The error a plot call gives.
func plotError(_ call: String, setup: [String] = []) throws -> PlotError? {
  do {
    _ = try plot(call, setup: setup)
    return nil
  } catch let error as PlotError {
    return error
  }
}

@Suite("Plot builder")
struct PlotBuilderTests {
  @Test("the landscape's minimum is the least-squares line to 1e-6, not a grid cell")
  func landscapeMinimumIsAnalytic() throws {
    let xs = [1.0, 2, 3, 4, 5]
    let ys = [2.1, 3.9, 6.2, 7.8, 10.3]
    let n = Double(xs.count)
    let mx = xs.reduce(0, +) / n
    let my = ys.reduce(0, +) / n
    let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    let w = sxy / sxx
    let b = my - w * mx
    let result = try plot(
      "landscape(mse(w * x + b, y), w, -1, 4, b, -3, 3)",
      setup: ["x = [1, 2, 3, 4, 5]", "y = [2.1, 3.9, 6.2, 7.8, 10.3]", "w = 0.5", "b = 1"])
    guard case .landscape(let landscape) = result.content, let minimum = landscape.minimum else {
      throw Failure("expected a landscape with a minimum")
    }
    #expect(abs(minimum.point.x - w) < 1e-6)
    #expect(abs(minimum.point.y - b) < 1e-6)
    // The best grid cell is visibly off (the grid step is 5/59 in w).
    let cells = landscape.values.indices.min { landscape.values[$0] < landscape.values[$1] } ?? 0
    #expect(abs(landscape.xs[cells % landscape.xs.count] - w) > 1e-3)
    #expect(landscape.current?.point == Point(x: 0.5, y: 1))
    #expect(landscape.xs.count == 60 && landscape.ys.count == 20)
  }

  @Test("a minimum on the edge of the box stays in the box")
  func minimumOnTheEdge() throws {
    let result = try plot("landscape((a - 5)^2 + (c + 1)^2, a, 0, 2, c, -3, 3)")
    guard case .landscape(let l) = result.content, let m = l.minimum else {
      throw Failure("no minimum")
    }
    #expect(m.point.x == 2)
    #expect(abs(m.point.y + 1) < 1e-6)
  }

  @Test("several expressions in a list are several series, named as typed")
  func severalSeries() throws {
    let result = try plot("plot([mse(e, 0), mae(e, 0), huber(e, 0)], e, -3, 3)")
    guard case .lines(let line) = result.content else { throw Failure("lines") }
    #expect(line.series.map(\.name) == ["mse(e, 0)", "mae(e, 0)", "huber(e, 0)"])
    #expect(line.series[0].ys.first == 9 && line.series[1].ys.last == 3)
    #expect(!line.logarithmic)
  }

  @Test("a gradient can be plotted")
  func gradientPlot() throws {
    let result = try plot("plot(grad(bce(p, 1), p), p, 0.01, 0.99)")
    guard case .lines(let line) = result.content else { throw Failure("lines") }
    // d/dp −log p = −1/p.
    expectClose(line.series[0].ys[0], -100, absolute: 1e-6)
  }

  @Test("points where the expression fails or is infinite are gaps, not errors")
  func gaps() throws {
    let result = try plot("plot(1 / e, e, -3, 3)")
    guard case .lines(let line) = result.content else { throw Failure("lines") }
    #expect(line.series[0].ys[120].isNaN)
    #expect(line.series[0].ys[0] == -1.0 / 3)
    #expect(PlotDescription.text(result).contains("undefined (nan or inf) for e = 0"))
  }

  @Test("a loss curve's validation row marks its minimum")
  func validationMinimum() throws {
    let result = try plot("curve([[3, 2, 1, 0.5, 0.4], [3, 2.5, 2, 2.2, 2.4]])")
    guard case .lines(let line) = result.content else { throw Failure("lines") }
    #expect(line.series.map(\.name) == ["training", "validation"])
    #expect(line.markers.first?.point == Point(x: 2, y: 2))
    #expect(
      PlotDescription.text(result)
        == "training loss fell from 3 to 0.4 in 4 steps; validation was lowest at step 2 (2) and then rose by 20% (early stopping would stop at step 2)."
    )
  }

  @Test("a curve over more than two decades gets a log axis")
  func logAxis() throws {
    let result = try plot("curve([100, 10, 1, 0.1, 0.01])")
    guard case .lines(let line) = result.content else { throw Failure("lines") }
    #expect(line.logarithmic)
    #expect(result.axes.y.ticks == [0.01, 0.1, 1, 10, 100])
    let modest = try plot("curve([10, 5, 1])")
    guard case .lines(let flat) = modest.content else { throw Failure("lines") }
    #expect(!flat.logarithmic)
  }

  @Test("scatter of 0/1 labels has two classes and the boundary where the fit crosses 0.5")
  func classes() throws {
    let result = try plot(
      "scatter(x, y, fit=sigmoid(2 * (x - 1)))",
      setup: ["x = [-2, -1, 0, 2, 3, 4]", "y = [0, 0, 0, 1, 1, 1]"])
    guard case .scatter(let s) = result.content else { throw Failure("scatter") }
    #expect(s.groups.map(\.name) == ["y = 0", "y = 1"])
    #expect(s.groups[1].xs == [2, 3, 4])
    expectClose(s.boundary ?? .nan, 1, absolute: 1e-3)
  }

  @Test(
    "wrong calls say what was expected",
    arguments: [
      ("plot(e^2, e, 3, -3)", PlotError.Kind.emptyRange(from: 3, to: -3)),
      ("plot(e^2, 2, -3, 3)", .notAName(what: "VAR (the variable along x)")),
      ("plot(e^2, f^2, e, -3, 3)", .severalExpressionsNotInAList),
      ("plot(e^2, e, -3)", .arguments(function: "plot", usage: PlotBuilder.usages["plot"] ?? "")),
      (
        "plot(e^2, e, -3, 3, colour=1)",
        .unknownOption(function: "plot", option: "colour", allowed: ["width", "height"])
      ),
      ("plot(e^2, e, -3, 3, width=5)", .outOfBounds(option: "width", range: PlotSize.columnRange)),
      (
        "curve([[1, 2], [3, 4], [5, 6]])",
        .badData(
          "curve takes a vector of losses, or 2 rows (training, then validation); got [3, 2]")
      ),
    ])
  func errors(call: String, kind: PlotError.Kind) throws {
    #expect(try plotError(call)?.kind == kind)
  }

  @Test("a list inside the list is a series that is not one number")
  func notScalar() throws {
    #expect(
      try plotError("plot([[e, e]], e, -3, 3)")?.kind
        == .notScalar(expression: "[e, e]", shape: "[2]"))
  }

  @Test("a name unknown everywhere says so")
  func unknownName() throws {
    guard case .nothingDefined(let expression, _)? = try plotError("plot(q * e, e, 0, 1)")?.kind
    else { throw Failure("expected nothingDefined") }
    #expect(expression == "q * e")
  }
}
