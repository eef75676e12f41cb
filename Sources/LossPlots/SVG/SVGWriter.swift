import LossLanguage

/// A plot as a standalone SVG document: `viewBox` set, axes with ticks, labels as `<text>`,
/// series as `<polyline>`, a legend, the text alternative as `<desc>`; no fonts, scripts or
/// images fetched. Same data and axes as the terminal picture.
public enum SVGWriter {
  static let width = 640.0
  static let height = 400.0
  static let left = 70.0
  static let right = 20.0
  static let top = 40.0
  static let bottom = 60.0
  /// Colours per series, the terminal's order.
  public static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]

  public static func document(_ plot: Plot) -> String {
    let (xAxis, yAxis) = plot.axes
    var body: [String] = []
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    func px(_ x: Double) -> Double? { xAxis.fraction(x).map { left + $0 * plotWidth } }
    func py(_ y: Double) -> Double? { yAxis.fraction(y).map { top + (1 - $0) * plotHeight } }
    var legend: [(String, String, Bool)] = []  // name, colour, is a line

    switch plot.content {
    case .landscape(let l):
      body += heatmap(l, plotWidth: plotWidth, plotHeight: plotHeight)
      if l.path.count > 1 {
        let points = l.path.compactMap { p in px(p.x).flatMap { x in py(p.y).map { (x, $0) } } }
        body.append(polyline(points, colour: "#ffffff", width: 1.5))
        legend.append(("descent path", "#ffffff", true))
      }
      if let m = l.minimum, let x = px(m.point.x), let y = py(m.point.y) {
        body.append(star(x, y, colour: "#ffffff"))
        legend.append(("minimum (\(coordinates(m.point)))", "#ffffff", false))
      }
      if let c = l.current, let x = px(c.point.x), let y = py(c.point.y) {
        body.append(
          "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"5\" fill=\"#d62728\" stroke=\"#ffffff\"/>")
        legend.append(("now (\(coordinates(c.point)))", "#d62728", false))
      }
    case .lines(let line):
      for (index, series) in line.series.enumerated() {
        let colour = palette[index % palette.count]
        for run in runs(series, px: px, py: py) {
          body.append(polyline(run, colour: colour, width: 2))
        }
        legend.append((series.name, colour, true))
      }
      for marker in line.markers {
        if let x = px(marker.point.x), let y = py(marker.point.y) {
          body.append(
            "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4\" fill=\"none\" stroke=\"#000000\"/>")
          body.append(
            "<text x=\"\(f(x + 6))\" y=\"\(f(y - 6))\" font-size=\"11\">\(escape(marker.label)) (step \(Int(marker.point.x)))</text>"
          )
        }
      }
    case .scatter(let s):
      for (index, group) in s.groups.enumerated() {
        let colour = palette[index % palette.count]
        let marks = zip(group.xs, group.ys).compactMap { x, y in
          px(x).flatMap { cx in py(y).map { (cx, $0) } }
        }
        for (cx, cy) in SVGThinning.distinctPixels(marks) {
          body.append(
            index == 0
              ? "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"3\" fill=\"\(colour)\"/>"
              : "<path d=\"M\(f(cx - 3)),\(f(cy - 3))L\(f(cx + 3)),\(f(cy + 3))M\(f(cx - 3)),\(f(cy + 3))L\(f(cx + 3)),\(f(cy - 3))\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
          )
        }
        legend.append((group.name, colour, false))
      }
      if let fit = s.fit {
        for run in runs(fit, px: px, py: py) {
          body.append(polyline(run, colour: "#2ca02c", width: 2))
        }
        legend.append((fit.name, "#2ca02c", true))
      }
      if let b = s.boundary, let x = px(b) {
        body.append(
          "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>"
        )
        legend.append(("decision boundary (\(PlotDescription.n(b)))", "#d62728", true))
      }
    }

    var out: [String] = []
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    out.append(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" font-family=\"sans-serif\">"
    )
    out.append("<title>\(escape(plot.title))</title>")
    out.append("<desc>\(escape(PlotDescription.text(plot)))</desc>")
    out.append(
      "<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#ffffff\"/>")
    out.append(
      "<text x=\"\(f(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">\(escape(plot.title))</text>"
    )
    out += body
    out += axes(plot, xAxis, yAxis, plotWidth: plotWidth, plotHeight: plotHeight)
    for (index, entry) in legend.enumerated() {
      let y = top + 14 + Double(index) * 16
      let x = left + plotWidth - 200
      out.append(
        entry.2
          ? "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 18))\" y2=\"\(f(y - 4))\" stroke=\"\(entry.1)\" stroke-width=\"2\"/>"
          : "<circle cx=\"\(f(x + 9))\" cy=\"\(f(y - 4))\" r=\"4\" fill=\"\(entry.1)\" stroke=\"#000000\" stroke-width=\"0.5\"/>"
      )
      out.append(
        "<text x=\"\(f(x + 24))\" y=\"\(f(y))\" font-size=\"11\">\(escape(entry.0))</text>")
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  private static func axes(
    _ plot: Plot, _ xAxis: Axis, _ yAxis: Axis, plotWidth: Double, plotHeight: Double
  ) -> [String] {
    var out: [String] = []
    let x0 = left
    let y0 = top + plotHeight
    out.append(
      "<path d=\"M\(f(x0)),\(f(top))L\(f(x0)),\(f(y0))L\(f(x0 + plotWidth)),\(f(y0))\" fill=\"none\" stroke=\"#000000\"/>"
    )
    for tick in xAxis.ticks {
      guard let fraction = xAxis.fraction(tick) else { continue }
      let x = x0 + fraction * plotWidth
      out.append(
        "<line x1=\"\(f(x))\" y1=\"\(f(y0))\" x2=\"\(f(x))\" y2=\"\(f(y0 + 5))\" stroke=\"#000000\"/>"
      )
      out.append(
        "<text x=\"\(f(x))\" y=\"\(f(y0 + 18))\" text-anchor=\"middle\" font-size=\"11\">\(escape(tickLabel(tick)))</text>"
      )
    }
    for tick in yAxis.ticks {
      guard let fraction = yAxis.fraction(tick) else { continue }
      let y = top + (1 - fraction) * plotHeight
      out.append(
        "<line x1=\"\(f(x0 - 5))\" y1=\"\(f(y))\" x2=\"\(f(x0))\" y2=\"\(f(y))\" stroke=\"#000000\"/>"
      )
      out.append(
        "<text x=\"\(f(x0 - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"11\">\(escape(tickLabel(tick)))</text>"
      )
    }
    let (xName, yName) = plot.axisNames
    out.append(
      "<text x=\"\(f(x0 + plotWidth / 2))\" y=\"\(f(height - 20))\" text-anchor=\"middle\" font-size=\"12\">\(escape(xName))</text>"
    )
    let yText = yAxis.logarithmic ? "\(yName) (log scale)" : yName
    out.append(
      "<text x=\"16\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 16 \(f(top + plotHeight / 2)))\">\(escape(yText))</text>"
    )
    return out
  }

  private static func heatmap(_ l: Landscape, plotWidth: Double, plotHeight: Double) -> [String] {
    guard let range = l.finiteRange, !l.xs.isEmpty, !l.ys.isEmpty else { return [] }
    let cellWidth = plotWidth / Double(l.xs.count)
    let cellHeight = plotHeight / Double(l.ys.count)
    var out: [String] = []
    for row in 0..<l.ys.count {
      for column in 0..<l.xs.count {
        let v = l.value(row: row, column: column)
        guard v.isFinite else { continue }
        let level = HeatScale.level(v, in: range, levels: HeatScale.viridis.count)
        let x = left + Double(column) * cellWidth
        let y = top + plotHeight - Double(row + 1) * cellHeight
        out.append(
          "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cellWidth + 0.3))\" height=\"\(f(cellHeight + 0.3))\" fill=\"\(HeatScale.viridis[level])\"/>"
        )
      }
    }
    return out
  }

  /// Polylines for the finite runs of a series (gaps split it).
  private static func runs(
    _ series: Series, px: (Double) -> Double?, py: (Double) -> Double?
  ) -> [[(Double, Double)]] {
    var out: [[(Double, Double)]] = []
    var run: [(Double, Double)] = []
    for (x, y) in zip(series.xs, series.ys) {
      if let sx = px(x), let sy = py(y) {
        run.append((sx, sy))
      } else if !run.isEmpty {
        out.append(run)
        run = []
      }
    }
    if !run.isEmpty { out.append(run) }
    return out
  }

  private static func polyline(_ points: [(Double, Double)], colour: String, width: Double)
    -> String
  {
    let text = SVGThinning.columnExtremes(points).map { "\(f($0.0)),\(f($0.1))" }.joined(
      separator: " ")
    return
      "<polyline points=\"\(text)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(f(width))\"/>"
  }

  private static func star(_ x: Double, _ y: Double, colour: String) -> String {
    var points: [(Double, Double)] = []
    for (k, (c, s)) in starDirections.enumerated() {
      let radius = k % 2 == 0 ? 8.0 : 3.5
      points.append((x + radius * c, y + radius * s))
    }
    return
      "<polygon points=\"\(points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\" fill=\"#ffd700\" stroke=\"#000000\"/>"
  }

  /// (cos, sin) of −90° + k·36°, k = 0…9: the tips and notches of a five-pointed star.
  static let starDirections: [(Double, Double)] = [
    (0, -1), (0.587785, -0.809017), (0.951057, -0.309017), (0.951057, 0.309017),
    (0.587785, 0.809017), (0, 1), (-0.587785, 0.809017), (-0.951057, 0.309017),
    (-0.951057, -0.309017), (-0.587785, -0.809017),
  ]

  static func coordinates(_ p: Point) -> String {
    "\(ValueFormatter.number(p.x, significantDigits: 4)), \(ValueFormatter.number(p.y, significantDigits: 4))"
  }

  static func tickLabel(_ x: Double) -> String { ValueFormatter.number(x, significantDigits: 4) }

  /// Coordinates with two decimals: stable text, small files.
  static func f(_ x: Double) -> String { ValueFormatter.fixed(x, decimals: 2) }

  public static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension Plot {
  /// The names along x and y.
  public var axisNames: (x: String, y: String) {
    switch content {
    case .lines(let line): return (line.xName, line.yName)
    case .landscape(let l): return (l.xName, l.yName)
    case .scatter(let s): return (s.xName, s.yName)
    }
  }
}
