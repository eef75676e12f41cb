import LossLanguage
import LossPlots

/// A ``Plot`` as terminal lines: title, y axis with nice tick labels, the drawing (braille
/// lines, coloured heatmap cells, point marks), x axis, legend; in plain mode the same in
/// ASCII, followed by the text alternative. Fits `width` (from 40 columns), or the fixed size
/// the plot asks for when it fits.
struct PlotDrawing {
  let plot: Plot
  let width: Int
  /// Braille, box drawing and colour tones; false for ASCII marks and shades.
  let unicode: Bool

  static let indent = 2
  /// Series marks in ASCII, in series order.
  static let asciiMarks: [Character] = ["*", "+", "o", "x", "#", "%"]
  static let defaultRows = 12

  func lines() -> [Line] {
    let (xAxis, yAxis) = plot.axes
    let yLabels = Ticks.labels(yAxis.ticks, format: format)
    let labelWidth = max(1, yLabels.map(\.count).max() ?? 1)
    let available = max(10, width - Self.indent - labelWidth - 2)
    var columns = min(available, plot.size?.columns ?? available)
    var rows = plot.size?.rows ?? Self.defaultRows
    if case .landscape(let l) = plot.content {
      columns = min(columns, plot.size?.columns ?? l.xs.count)
      rows = plot.size?.rows ?? l.ys.count
    }
    var grid = CellGrid(columns: columns, rows: rows, braille: unicode)
    var legend: [Line] = []
    switch plot.content {
    case .lines(let line): legend = drawLines(line, on: &grid, xAxis, yAxis)
    case .landscape(let l): legend = drawLandscape(l, on: &grid, xAxis, yAxis)
    case .scatter(let s): legend = drawScatter(s, on: &grid, xAxis, yAxis)
    }

    var out = Wrapper.wrap(
      [Span(text(plot.title), .strong)], width: width, indent: Self.indent, hanging: Self.indent + 2
    )
    let (xName, yName) = plot.axisNames
    let yTitle = yAxis.logarithmic ? "\(yName.isEmpty ? "y" : yName) (log scale)" : yName
    if !yTitle.isEmpty {
      out.append(Line(String(repeating: " ", count: Self.indent) + text(yTitle), .dim))
    }
    var labelAt: [Int: String] = [:]
    for (tick, label) in zip(yAxis.ticks, yLabels) {
      guard let f = yAxis.fraction(tick) else { continue }
      labelAt[Int(((1 - f) * Double(rows - 1)).rounded())] = label
    }
    for row in 0..<rows {
      let label = labelAt[row] ?? ""
      var line = Line(
        String(repeating: " ", count: Self.indent + labelWidth - label.count) + label, .dim)
      line.add(labelAt[row] == nil ? (unicode ? " │" : " |") : (unicode ? " ┤" : " +"), .dim)
      line.spans += grid.spans(row: row)
      out.append(line)
    }
    out += xAxisLines(xAxis, columns: columns, labelWidth: labelWidth, name: xName)
    out += legend
    if !unicode {
      out += PlotDescription.sentences(plot).flatMap {
        Wrapper.wrap([Span(text($0), .dim)], width: width, indent: Self.indent)
      }
    }
    return out.map(fitLine)
  }

  // MARK: Axes

  private func format(_ x: Double, _ digits: Int) -> String {
    ValueFormatter.number(x, significantDigits: digits)
  }

  private func text(_ s: String) -> String { unicode ? s : Glyphs.asciify(s) }

  private func xAxisLines(_ axis: Axis, columns: Int, labelWidth: Int, name: String) -> [Line] {
    let labels = Ticks.labels(axis.ticks, format: format)
    var rule = [Character](repeating: unicode ? "─" : "-", count: columns)
    var labelLine = [Character](repeating: " ", count: columns + labelWidth + 2)
    var lastEnd = -1
    for (tick, label) in zip(axis.ticks, labels) {
      guard let f = axis.fraction(tick) else { continue }
      let column = Int((f * Double(columns - 1)).rounded())
      guard column >= 0, column < columns else { continue }
      let start = labelWidth + 2 + column - label.count / 2
      let end = start + label.count
      guard start > lastEnd, end <= labelLine.count else { continue }
      rule[column] = unicode ? "┬" : "+"
      for (k, c) in label.enumerated() { labelLine[start + k] = c }
      lastEnd = end
    }
    let pad = String(repeating: " ", count: Self.indent)
    let axisLine = Line(
      pad + String(repeating: " ", count: labelWidth + 1) + (unicode ? "└" : "+") + String(rule),
      .dim)
    var out = [axisLine, Line(pad + String(labelLine), .dim)]
    if !name.isEmpty {
      let centre = Self.indent + labelWidth + 2 + columns / 2 - name.count / 2
      out.append(Line(String(repeating: " ", count: max(Self.indent, centre)) + text(name), .dim))
    }
    return out
  }

  /// The dot of a data point, or nil when it cannot be placed.
  private func dot(_ p: Point, _ grid: CellGrid, _ xAxis: Axis, _ yAxis: Axis) -> (Int, Int)? {
    guard let fx = xAxis.fraction(p.x), let fy = yAxis.fraction(p.y) else { return nil }
    let x = (fx * Double(grid.dotColumns - 1)).rounded()
    let y = ((1 - fy) * Double(grid.dotRows - 1)).rounded()
    guard x.isFinite, y.isFinite, abs(x) < 1e6, abs(y) < 1e6 else { return nil }
    return (Int(x), Int(y))
  }

  /// The cell of a data point.
  private func cell(_ p: Point, _ grid: CellGrid, _ xAxis: Axis, _ yAxis: Axis) -> (Int, Int)? {
    guard let fx = xAxis.fraction(p.x), let fy = yAxis.fraction(p.y) else { return nil }
    let c = (fx * Double(grid.columns - 1)).rounded()
    let r = ((1 - fy) * Double(grid.rows - 1)).rounded()
    guard c >= 0, r >= 0, c < Double(grid.columns), r < Double(grid.rows) else { return nil }
    return (Int(c), Int(r))
  }

  private func draw(
    _ series: Series, index: Int, mark: Character, on grid: inout CellGrid, _ xAxis: Axis,
    _ yAxis: Axis
  ) {
    var previous: (Int, Int)?
    for (x, y) in zip(series.xs, series.ys) {
      guard let here = dot(Point(x: x, y: y), grid, xAxis, yAxis) else {
        previous = nil
        continue
      }
      grid.line(from: previous ?? here, to: here, mark: mark, tone: .series(index))
      previous = here
    }
  }

  private func legendLine(_ entries: [(glyph: String, tone: Tone, label: String)]) -> [Line] {
    var spans: [Span] = []
    for (k, entry) in entries.enumerated() {
      if k > 0 { spans.append(Span("   ")) }
      spans.append(Span(entry.glyph, entry.tone))
      spans.append(Span((" " + text(entry.label)).replacingSpaces))
    }
    return Wrapper.wrap(spans, width: width, indent: Self.indent).map(\.restoringSpaces)
  }

  // MARK: Lines

  private func drawLines(_ line: LinePlot, on grid: inout CellGrid, _ xAxis: Axis, _ yAxis: Axis)
    -> [Line]
  {
    for (index, series) in line.series.enumerated().reversed() {
      draw(
        series, index: index, mark: Self.asciiMarks[index % Self.asciiMarks.count], on: &grid,
        xAxis, yAxis)
    }
    var entries: [(glyph: String, tone: Tone, label: String)] = []
    if line.series.count > 1 {
      entries = line.series.enumerated().map { index, series in
        (
          unicode ? "━━" : String(Self.asciiMarks[index % Self.asciiMarks.count]), .series(index),
          series.name
        )
      }
    }
    for marker in line.markers {
      if let (c, r) = cell(marker.point, grid, xAxis, yAxis) {
        grid.put(unicode ? "◆" : "@", column: c, row: r, tone: .accent)
      }
      entries.append(
        (
          unicode ? "◆" : "@", .accent,
          "\(marker.label): step \(Int(marker.point.x)) (\(format(marker.point.y, 3)))"
        ))
    }
    return entries.isEmpty ? [] : legendLine(entries)
  }

  // MARK: Landscapes

  private func drawLandscape(
    _ l: Landscape, on grid: inout CellGrid, _ xAxis: Axis, _ yAxis: Axis
  ) -> [Line] {
    guard let range = l.finiteRange else { return [] }
    let levels = HeatScale.terminalColours.count
    for row in 0..<grid.rows {
      for column in 0..<grid.columns {
        let gx = nearest(column, of: grid.columns, in: l.xs.count)
        let gy = nearest(grid.rows - 1 - row, of: grid.rows, in: l.ys.count)
        let v = l.value(row: gy, column: gx)
        guard v.isFinite else { continue }
        let level = HeatScale.level(v, in: range, levels: levels)
        grid.put(
          unicode ? " " : HeatScale.ramp[level], column: column, row: row,
          tone: unicode ? .heat(level, marked: false) : .normal)
      }
    }
    func mark(_ glyph: Character, _ c: Int, _ r: Int) {
      var tone: Tone = .strong
      if case .heat(let level, _) = grid.cell(column: c, row: r).1 {
        tone = .heat(level, marked: true)
      }
      grid.put(glyph, column: c, row: r, tone: tone)
    }
    let pathCells = l.path.compactMap { cell($0, grid, xAxis, yAxis) }
    for (a, b) in zip(pathCells, pathCells.dropFirst()) {
      var line = CellGrid(columns: grid.columns, rows: grid.rows, braille: false)
      line.line(from: a, to: b, mark: "o", tone: .normal)
      for r in 0..<grid.rows {
        for c in 0..<grid.columns where line.cell(column: c, row: r).0 == "o" {
          mark(unicode ? "•" : "o", c, r)
        }
      }
    }
    if pathCells.count == 1, let only = pathCells.first {
      mark(unicode ? "•" : "o", only.0, only.1)
    }
    if let current = l.current, let (c, r) = cell(current.point, grid, xAxis, yAxis) {
      mark(unicode ? "●" : "O", c, r)
    }
    if let minimum = l.minimum, let (c, r) = cell(minimum.point, grid, xAxis, yAxis) {
      mark(unicode ? "★" : "*", c, r)
    }

    var out: [Line] = []
    let low = format(range.lowerBound, 3)
    let high = format(range.upperBound, 3)
    var scale = Line(
      String(repeating: " ", count: Self.indent) + text(l.loss) + ": " + low + " ", .dim)
    for level in 0..<levels {
      scale.add(
        unicode ? "  " : String(HeatScale.ramp[level]),
        unicode ? .heat(level, marked: false) : .normal)
    }
    scale.add(" " + high, .dim)
    out.append(fitLine(scale))
    var entries: [(glyph: String, tone: Tone, label: String)] = []
    if let m = l.minimum {
      let value = m.value.map { " \(format($0, 4))" } ?? ""
      entries.append(
        (
          unicode ? "★" : "*", .strong,
          "minimum\(value) at \(l.xName) = \(format(m.point.x, 4)), \(l.yName) = \(format(m.point.y, 4))"
        ))
    }
    if let c = l.current {
      let value = c.value.map { ", loss \(format($0, 4))" } ?? ""
      entries.append(
        (
          unicode ? "●" : "O", .strong,
          "now: \(l.xName) = \(format(c.point.x, 4)), \(l.yName) = \(format(c.point.y, 4))\(value)"
        ))
    }
    if l.path.count > 1 {
      let steps = l.descentSteps
      entries.append(
        (unicode ? "•" : "o", .strong, "descent path, \(steps) step\(steps == 1 ? "" : "s")"))
    }
    return out + legendLine(entries)
  }

  private func fitLine(_ line: Line) -> Line {
    line.truncated(to: width, ellipsis: unicode ? "…" : "...")
  }

  /// The grid index nearest cell `k` of `cells` when the grid has `count` points.
  private func nearest(_ k: Int, of cells: Int, in count: Int) -> Int {
    guard cells > 1, count > 1 else { return 0 }
    return min(
      count - 1, max(0, Int((Double(k) / Double(cells - 1) * Double(count - 1)).rounded())))
  }

  // MARK: Scatter

  private func drawScatter(
    _ s: ScatterPlot, on grid: inout CellGrid, _ xAxis: Axis, _ yAxis: Axis
  ) -> [Line] {
    var entries: [(glyph: String, tone: Tone, label: String)] = []
    if let b = s.boundary, let fx = xAxis.fraction(b) {
      let c = Int((fx * Double(grid.columns - 1)).rounded())
      for r in 0..<grid.rows { grid.put(unicode ? "┊" : ":", column: c, row: r, tone: .bad) }
    }
    if let fit = s.fit {
      draw(fit, index: 2, mark: ".", on: &grid, xAxis, yAxis)
      entries.append((unicode ? "━━" : ".", .series(2), fit.name))
    }
    let glyphs: [Character] = unicode ? ["●", "×"] : ["o", "x"]
    for (index, group) in s.groups.enumerated() {
      let glyph = glyphs[index % glyphs.count]
      for (x, y) in zip(group.xs, group.ys) {
        if let (c, r) = cell(Point(x: x, y: y), grid, xAxis, yAxis) {
          grid.put(glyph, column: c, row: r, tone: .series(index))
        }
      }
      if s.groups.count > 1 || s.fit != nil {
        entries.append((String(glyph), .series(index), "\(group.name) (\(group.xs.count))"))
      }
    }
    if let b = s.boundary {
      entries.append(
        (unicode ? "┊" : ":", .bad, "decision boundary at \(s.xName) = \(format(b, 3))"))
    }
    return entries.isEmpty ? [] : legendLine(entries)
  }
}

extension String {
  /// Spaces as no-break spaces, so a legend entry is wrapped as one word.
  fileprivate var replacingSpaces: String { String(map { $0 == " " ? "\u{00A0}" : $0 }) }
}

extension Line {
  fileprivate var restoringSpaces: Line {
    Line(spans.map { Span(String($0.text.map { $0 == "\u{00A0}" ? " " : $0 }), $0.tone) })
  }
}
