import LossEngine
import LossLanguage

/// Turns a plot call (`plot(…)`, `curve(…)`, `landscape(…)`, `scatter(…)`) into a ``Plot``:
/// the expressions are sampled over their ranges with the interpreter's scope. Shared by the
/// shell and the lessons; no terminal, no I/O.
///
///     let call = try Parser.parseExpression("plot([mse(e, 0), mae(e, 0)], e, -3, 3)")
///     let plot = try PlotBuilder(interpreter: interpreter).build(call, source: text)
public struct PlotBuilder {
  public var interpreter: Interpreter
  /// Points per function series (the renderer picks what it can show; SVG uses them all).
  public var samples = 241
  /// The landscape grid, unless `width=`/`height=` ask otherwise.
  public var gridColumns = 60
  public var gridRows = 20

  public init(interpreter: Interpreter) {
    self.interpreter = interpreter
  }

  /// The calls that make plots, with their usage.
  public static let usages: [String: String] = [
    "plot": "EXPR, VAR, FROM, TO (several expressions as a list: [EXPR, EXPR])",
    "curve": "LOSSES (a vector, or the 2-row training/validation value of train)",
    "landscape": "LOSS, W1, FROM, TO, W2, FROM, TO",
    "scatter": "X, Y",
  ]

  public static func isPlotCall(_ name: String) -> Bool { usages[name] != nil }

  /// The plot a call asks for. `source` is the text the call's columns refer to.
  public func build(_ call: Expression, source: String) throws(PlotError) -> Plot {
    guard case .call(let name, let arguments, let nameRange, let range) = call,
      let usage = Self.usages[name]
    else {
      throw PlotError(
        .arguments(function: "plot", usage: Self.usages["plot"] ?? ""), at: call.range)
    }
    let context = CallContext(
      function: name, usage: usage, arguments: arguments, nameRange: nameRange, range: range,
      source: source, interpreter: interpreter)
    var plot: Plot
    switch name {
    case "plot": plot = try functionPlot(context)
    case "curve": plot = try curvePlot(context)
    case "landscape": plot = try landscapePlot(context)
    default: plot = try scatterPlot(context)
    }
    plot.size = try context.size()
    return plot
  }

  // MARK: plot

  private func functionPlot(_ call: CallContext) throws(PlotError) -> Plot {
    try call.checkOptions([])
    let positional = call.positional
    if positional.count > 4 { throw PlotError(.severalExpressionsNotInAList, at: call.range) }
    try call.expectCount(4)
    let variable = try call.name(positional[1], what: "VAR (the variable along x)")
    let (from, to) = try call.range(positional[2], positional[3])
    var expressions = [positional[0]]
    if case .list(let items, _) = positional[0] { expressions = items }
    let xs = Self.grid(from, to, count: samples)
    var series: [Series] = []
    for expression in expressions {
      var evaluator = PointEvaluator(interpreter, expression: expression)
      var ys: [Double] = []
      ys.reserveCapacity(xs.count)
      for x in xs {
        if evaluator.isInterrupted { throw PlotError(.interrupted, at: call.range) }
        ys.append(evaluator.value([variable], [x]))
      }
      let text = call.text(expression.range)
      if !ys.contains(where: \.isFinite) {
        if let shape = evaluator.nonScalarShape {
          throw PlotError(.notScalar(expression: text, shape: shape), at: expression.range)
        }
        throw PlotError(
          .nothingDefined(
            expression: text, reason: evaluator.firstFailure?.message ?? "nan or inf everywhere"),
          at: expression.range)
      }
      series.append(Series(name: text, xs: xs, ys: ys))
    }
    let names = series.map(\.name).joined(separator: ", ")
    let line = LinePlot(
      kind: .function, xName: variable, yName: series.count == 1 ? names : "",
      series: series, logarithmic: AxisScale.choose(for: series.flatMap(\.ys), kind: .function))
    return Plot(
      title: "\(names) for \(variable) from \(Self.number(from)) to \(Self.number(to))",
      content: .lines(line))
  }

  // MARK: curve

  private func curvePlot(_ call: CallContext) throws(PlotError) -> Plot {
    try call.checkOptions([])
    try call.expectCount(1)
    let argument = call.positional[0]
    let tensor = try call.tensor(argument, what: "LOSSES")
    let rows: [[Double]]
    switch tensor.nested {
    case .scalar(let x): rows = [[x]]
    case .vector(let xs): rows = [xs]
    case .matrix(let m): rows = m
    }
    guard rows.count <= 2, let first = rows.first, !first.isEmpty else {
      throw PlotError(
        .badData(
          "curve takes a vector of losses, or 2 rows (training, then validation); got \(tensor.shapeDescription)"
        ), at: argument.range)
    }
    return Plot.lossCurve(
      title: "loss curve: \(call.text(argument.range))", training: first,
      validation: rows.count == 2 ? rows[1] : nil)
  }

  // MARK: landscape

  private func landscapePlot(_ call: CallContext) throws(PlotError) -> Plot {
    try call.checkOptions(["path"])
    try call.expectCount(7)
    let p = call.positional
    let loss = p[0]
    let w1 = try call.name(p[1], what: "W1")
    let (x0, x1) = try call.range(p[2], p[3])
    let w2 = try call.name(p[4], what: "W2")
    let (y0, y1) = try call.range(p[5], p[6])
    if w1 == w2 {
      throw PlotError(.badData("W1 and W2 must be two different variables"), at: p[4].range)
    }
    let size = try call.size()
    let columns = size?.columns ?? gridColumns
    let rows = size?.rows ?? gridRows
    let xs = Self.grid(x0, x1, count: columns)
    let ys = Self.grid(y0, y1, count: rows)
    let names = [w1, w2]
    let grid = GridSampler(interpreter: interpreter, expression: loss, names: names)
      .sample(xs: xs, ys: ys)
    if grid.interrupted { throw PlotError(.interrupted, at: call.range) }
    let values = grid.values
    let text = call.text(loss.range)
    guard
      let best = values.indices.filter({ values[$0].isFinite }).min(by: { values[$0] < values[$1] })
    else {
      if let shape = grid.nonScalarShape {
        throw PlotError(.notScalar(expression: text, shape: shape), at: loss.range)
      }
      throw PlotError(
        .nothingDefined(
          expression: text, reason: grid.firstFailure?.message ?? "nan or inf everywhere"),
        at: loss.range)
    }
    let evaluator = PointEvaluator(interpreter, expression: loss)
    var finder = MinimumFinder(evaluator: evaluator, names: names, box: (x0...x1, y0...y1))
    let (found, foundValue) = finder.refine(
      from: Point(x: xs[best % columns], y: ys[best / columns]), value: values[best])
    // Rounding noise of the refinement (5e-16 for an exact 0) is shown as the 0 it is.
    let point = Point(
      x: Self.snapped(found.x, scale: x1 - x0), y: Self.snapped(found.y, scale: y1 - y0))
    let value = Self.snapped(foundValue, scale: values.filter(\.isFinite).map(abs).max() ?? 1)
    var current: Marker?
    if let cx = interpreter.scope[w1]?.scalar, let cy = interpreter.scope[w2]?.scalar {
      let here = finder.evaluator.value(names, [cx, cy])
      current = Marker(label: "now", point: Point(x: cx, y: cy), value: here.isFinite ? here : nil)
    }
    var path: [Point] = []
    var pathSteps: Int?
    if let option = call.option("path") {
      path = try Self.path(call.tensor(option, what: "path"), at: option.range)
    } else if let trained = Self.descentPath(of: interpreter.lastTraining, over: w1, w2) {
      (path, pathSteps) = trained
    }
    let landscape = Landscape(
      loss: text, xName: w1, yName: w2, xs: xs, ys: ys, values: values,
      minimum: Marker(label: "minimum", point: point, value: value), current: current,
      path: path, pathSteps: pathSteps)
    return Plot(title: "\(text) over \(w1) and \(w2)", content: .landscape(landscape))
  }

  /// The path the last `train` (or run of `step`s) took, when it trained exactly these two
  /// weights, each a single number; in the landscape's order whichever order it trained them in.
  /// With the points, the number of updates they stand for (a long run keeps every k-th point).
  static func descentPath(of run: TrainingRun?, over w1: String, _ w2: String)
    -> (points: [Point], steps: Int)?
  {
    guard let run, run.parameters.count == 2, Set(run.parameters) == [w1, w2],
      let first = run.path.first, let last = run.path.last
    else { return nil }
    let swapped = run.parameters[0] != w1
    var points: [Point] = []
    for point in run.path {
      guard point.values.count == 2, let a = point.values[0].scalarValue,
        let b = point.values[1].scalarValue
      else { return nil }
      points.append(swapped ? Point(x: b, y: a) : Point(x: a, y: b))
    }
    return (points, last.step - first.step)
  }

  /// Points from an N×2 matrix (one row per point).
  private static func path(_ tensor: Tensor, at range: SourceRange) throws(PlotError) -> [Point] {
    guard case .matrix(let rows) = tensor.nested, rows.first?.count == 2 else {
      throw PlotError(
        .badData(
          "path must be a matrix with one row (W1, W2) per point; got \(tensor.shapeDescription)"),
        at: range)
    }
    return rows.map { Point(x: $0[0], y: $0[1]) }
  }

  // MARK: scatter

  private func scatterPlot(_ call: CallContext) throws(PlotError) -> Plot {
    try call.checkOptions(["fit"])
    try call.expectCount(2)
    let p = call.positional
    let xs = try call.tensor(p[0], what: "X").storage
    let ys = try call.tensor(p[1], what: "Y").storage
    guard xs.count == ys.count else {
      throw PlotError(
        .badData("X and Y must have as many numbers each; X has \(xs.count), Y has \(ys.count)"),
        at: p[1].range)
    }
    let xName = call.text(p[0].range)
    let yName = call.text(p[1].range)
    let isClasses = ys.allSatisfy { $0 == 0 || $0 == 1 } && Set(ys).count == 2
    var groups: [Series]
    if isClasses {
      groups = [0.0, 1.0].map { label in
        let chosen = xs.indices.filter { ys[$0] == label }
        return Series(
          name: "\(yName) = \(Self.number(label))", xs: chosen.map { xs[$0] },
          ys: chosen.map { ys[$0] })
      }
    } else {
      groups = [Series(name: "data", xs: xs, ys: ys)]
    }
    var fit: Series?
    var boundary: Double?
    if let option = call.option("fit") {
      let variable = try call.name(p[0], what: "X (to draw a fit)")
      let finite = xs.filter(\.isFinite)
      guard let low = finite.min(), let high = finite.max() else {
        throw PlotError(.badData("X has no finite numbers"), at: p[0].range)
      }
      let grid = Self.grid(low, high > low ? high : low + 1, count: samples)
      var evaluator = PointEvaluator(interpreter, expression: option)
      let fitted = grid.map { evaluator.value([variable], [$0]) }
      if !fitted.contains(where: \.isFinite) {
        throw PlotError(
          .nothingDefined(
            expression: call.text(option.range),
            reason: evaluator.nonScalarShape.map { "it gave \($0)" } ?? evaluator.firstFailure?
              .message
              ?? "nan or inf everywhere"), at: option.range)
      }
      fit = Series(name: call.text(option.range), xs: grid, ys: fitted)
      if isClasses { boundary = Self.crossing(of: 0.5, xs: grid, ys: fitted) }
    }
    let scatter = ScatterPlot(
      xName: xName, yName: yName, groups: groups, fit: fit, boundary: boundary)
    return Plot(title: "\(yName) against \(xName)", content: .scatter(scatter))
  }

  /// Where `ys` first crosses `level`, by linear interpolation between samples.
  static func crossing(of level: Double, xs: [Double], ys: [Double]) -> Double? {
    for i in 1..<max(1, xs.count) {
      let a = ys[i - 1] - level
      let b = ys[i] - level
      guard a.isFinite, b.isFinite else { continue }
      if a == 0 { return xs[i - 1] }
      if (a < 0) != (b < 0) { return xs[i - 1] + (xs[i] - xs[i - 1]) * a / (a - b) }
    }
    return nil
  }

  // MARK: Helpers

  /// `count` points from `from` to `to`, both included.
  static func grid(_ from: Double, _ to: Double, count: Int) -> [Double] {
    guard count > 1 else { return [from] }
    return (0..<count).map { i in
      i == count - 1 ? to : from + (to - from) * (Double(i) / Double(count - 1))
    }
  }

  /// 0 for values below a trillionth of `scale`.
  static func snapped(_ x: Double, scale: Double) -> Double {
    abs(x) < abs(scale) * 1e-12 ? 0 : x
  }

  static func number(_ x: Double) -> String { ValueFormatter.number(x, significantDigits: 4) }
}

/// A call's arguments, with the checks every plot call shares.
private struct CallContext {
  let function: String
  let usage: String
  let arguments: [CallArgument]
  let nameRange: SourceRange
  let range: SourceRange
  let source: String
  let interpreter: Interpreter

  var positional: [Expression] { arguments.filter { $0.label == nil }.map(\.value) }

  func option(_ label: String) -> Expression? {
    arguments.first { $0.label == label }?.value
  }

  /// The source text of a sub-expression.
  func text(_ range: SourceRange) -> String {
    let scalars = Array(source.unicodeScalars)
    let start = max(0, min(range.start, scalars.count))
    let end = max(start, min(range.end, scalars.count))
    return String(String.UnicodeScalarView(scalars[start..<end]))
  }

  func expectCount(_ count: Int) throws(PlotError) {
    guard positional.count == count else {
      throw PlotError(.arguments(function: function, usage: usage), at: range)
    }
  }

  func checkOptions(_ allowed: [String]) throws(PlotError) {
    let all = allowed + ["width", "height"]
    for argument in arguments {
      if let label = argument.label, !all.contains(label) {
        throw PlotError(
          .unknownOption(function: function, option: label, allowed: all),
          at: argument.labelRange ?? argument.value.range)
      }
    }
  }

  func name(_ expression: Expression, what: String) throws(PlotError) -> String {
    guard case .name(let name, _) = expression else {
      throw PlotError(.notAName(what: what), at: expression.range)
    }
    return name
  }

  func value(_ expression: Expression) throws(PlotError) -> Value {
    do { return try interpreter.evaluate(expression) } catch {
      throw PlotError(.language(error), at: error.range ?? expression.range)
    }
  }

  func tensor(_ expression: Expression, what: String) throws(PlotError) -> Tensor {
    guard let tensor = try value(expression).tensor else {
      throw PlotError(.badData("\(what) must be numbers"), at: expression.range)
    }
    return tensor
  }

  func number(_ expression: Expression, what: String) throws(PlotError) -> Double {
    guard let x = try value(expression).scalar, x.isFinite else {
      throw PlotError(.notANumber(what: what), at: expression.range)
    }
    return x
  }

  func range(_ from: Expression, _ to: Expression) throws(PlotError) -> (Double, Double) {
    let low = try number(from, what: "FROM")
    let high = try number(to, what: "TO")
    guard low < high else { throw PlotError(.emptyRange(from: low, to: high), at: to.range) }
    return (low, high)
  }

  func whole(_ label: String, in bounds: ClosedRange<Int>) throws(PlotError) -> Int? {
    guard let expression = option(label) else { return nil }
    let x = try number(expression, what: label)
    guard x == x.rounded(), x >= Double(bounds.lowerBound), x <= Double(bounds.upperBound) else {
      throw PlotError(.outOfBounds(option: label, range: bounds), at: expression.range)
    }
    return Int(x)
  }

  func size() throws(PlotError) -> PlotSize? {
    let columns = try whole("width", in: PlotSize.columnRange)
    let rows = try whole("height", in: PlotSize.rowRange)
    return columns == nil && rows == nil ? nil : PlotSize(columns: columns, rows: rows)
  }
}
