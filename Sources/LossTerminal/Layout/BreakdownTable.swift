import LossEngine
import LossLanguage
import LossShell

/// The per-element (or per-row) table of a loss report, fitted to the width: full, then with
/// a shorter bar, without the bar, with one-symbol directions, and finally one stacked
/// paragraph per element on very narrow terminals.
struct BreakdownTable {
  let renderer: Renderer
  let breakdown: Breakdown
  /// For the compact headers (`p`, `y`) of narrow tables.
  let predictionName: String

  private var glyphs: Glyphs { renderer.glyphs }
  private var hasTarget: Bool { breakdown.rows.contains { $0.target != nil } }
  private var hasTerms: Bool { breakdown.reduction != nil }
  /// Class-index targets: each example's class and the probability it was given.
  private var hasTrueClass: Bool { breakdown.rows.contains { $0.trueClass != nil } }
  private var hasSlope: Bool { breakdown.rows.contains { $0.slope != nil } }
  private var hasDirection: Bool { breakdown.unit == .element && hasSlope }

  private struct Cell {
    var text: String
    var tone: Tone = .normal
  }

  func lines() -> [Line] {
    let width = renderer.width
    let attempts = [
      (16, false, false), (10, false, false), (6, false, false), (0, false, false),
      (0, true, false),
      (6, true, true), (0, true, true),
    ]
    let hasBars = (breakdown.largestTerm.map { $0 > 0 || !$0.isFinite } ?? false)
    for (barWidth, shortDirections, compactHeaders) in attempts {
      if !hasBars, barWidth > 0 { continue }
      let table = columns(
        barWidth: barWidth, shortDirections: shortDirections, compactHeaders: compactHeaders)
      if tableWidth(table) <= width { return layout(table) }
    }
    return stacked()
  }

  // MARK: Columns

  private struct Column {
    var header: String
    var cells: [Cell]
    var rightAligned: Bool
    var width: Int { max(header.count, cells.map(\.text.count).max() ?? 0) }
  }

  private func columns(barWidth: Int, shortDirections: Bool, compactHeaders: Bool) -> [Column] {
    let rows = breakdown.rows
    var columns = [
      Column(
        header: "#", cells: rows.map { Cell(text: "\($0.index)", tone: .dim) }, rightAligned: true)
    ]
    columns.append(
      Column(
        header: compactHeaders ? predictionName : "prediction",
        cells: rows.map { Cell(text: numbers($0.prediction)) },
        rightAligned: true))
    if hasTarget {
      columns.append(
        Column(
          header: compactHeaders ? "y" : "target",
          cells: rows.map { Cell(text: $0.target.map(numbers) ?? "") },
          rightAligned: true))
    }
    if hasTrueClass {
      columns.append(
        Column(
          header: compactHeaders ? "p(y)" : "p(true class)",
          cells: rows.map {
            Cell(text: $0.trueClass.map { renderer.number($0.probability, digits: 4) } ?? "")
          },
          rightAligned: true))
    }
    if hasTerms {
      columns.append(
        Column(
          header: compactHeaders ? "term" : "loss term",
          cells: rows.map { row in
            Cell(
              text: row.term.map { renderer.number($0, digits: 4) } ?? "",
              tone: row.term?.isFinite == false ? .bad : .value)
          }, rightAligned: true))
    }
    if hasSlope {
      columns.append(
        Column(
          header: "slope", cells: rows.map { Cell(text: $0.slope.map(numbers) ?? "") },
          rightAligned: true))
    }
    if hasTerms, barWidth > 0 {
      columns.append(
        Column(
          header: "",
          cells: rows.map {
            Cell(
              text: bar($0.term, width: barWidth), tone: $0.term?.isFinite == false ? .bad : .accent
            )
          },
          rightAligned: false))
    }
    if hasDirection {
      columns.append(
        Column(
          header: "", cells: rows.map { direction($0, short: shortDirections) }, rightAligned: false
        ))
    }
    return columns.filter { $0.width > 0 }
  }

  private func tableWidth(_ columns: [Column]) -> Int {
    2 + columns.map(\.width).reduce(0, +) + 2 * max(0, columns.count - 1)
  }

  private func layout(_ columns: [Column]) -> [Line] {
    var lines: [Line] = []
    var header = Line("  ")
    for (position, column) in columns.enumerated() {
      if position > 0 { header.add("  ") }
      header.add(aligned(column.header, column), .dim)
    }
    lines.append(header)
    for rowIndex in breakdown.rows.indices {
      if let gap = gap(before: rowIndex) { lines.append(gap) }
      var line = Line("  ")
      for (position, column) in columns.enumerated() {
        if position > 0 { line.add("  ") }
        let cell = column.cells[rowIndex]
        let padding = String(repeating: " ", count: max(0, column.width - cell.text.count))
        if column.rightAligned { line.add(padding) }
        line.add(cell.text, cell.tone)
        if !column.rightAligned { line.add(padding) }
      }
      lines.append(line)
    }
    if let tail = gapAfterLast() { lines.append(tail) }
    return lines
  }

  private func aligned(_ text: String, _ column: Column) -> String {
    let padding = String(repeating: " ", count: max(0, column.width - text.count))
    return column.rightAligned ? padding + text : text + padding
  }

  /// `⋮ 990 more` where the shown rows skip some.
  private func gap(before rowIndex: Int) -> Line? {
    let rows = breakdown.rows
    let previous = rowIndex == 0 ? 0 : rows[rowIndex - 1].index
    let skipped = rows[rowIndex].index - previous - 1
    guard skipped > 0 else { return nil }
    return Line("  \(glyphs.verticalEllipsis) \(skipped) more", .dim)
  }

  private func gapAfterLast() -> Line? {
    let skipped = breakdown.count - (breakdown.rows.last?.index ?? 0)
    guard skipped > 0 else { return nil }
    return Line("  \(glyphs.verticalEllipsis) \(skipped) more", .dim)
  }

  // MARK: Stacked

  /// One wrapped paragraph per element: `#4  prediction 8, target 7, loss term 1, slope 0.5 ↓`
  /// (with `p(true class)` after the target for class indices).
  private func stacked() -> [Line] {
    var lines: [Line] = []
    for (rowIndex, row) in breakdown.rows.enumerated() {
      if let gap = gap(before: rowIndex) { lines.append(gap) }
      var spans = [Span("#\(row.index) ", .dim)]
      var parts = ["prediction \(numbers(row.prediction))"]
      if let target = row.target { parts.append("target \(numbers(target))") }
      if let trueClass = row.trueClass {
        parts.append("p(true class) \(renderer.number(trueClass.probability, digits: 4))")
      }
      if hasTerms, let term = row.term {
        parts.append("loss term \(renderer.number(term, digits: 4))")
      }
      if let slope = row.slope { parts.append("slope \(numbers(slope))") }
      spans.append(Span(parts.joined(separator: ", ")))
      if hasDirection {
        let cell = direction(row, short: false)
        spans.append(Span(" "))
        spans.append(Span(cell.text, cell.tone))
      }
      lines += Wrapper.wrap(spans, width: renderer.width, indent: 2, hanging: 5)
    }
    if let tail = gapAfterLast() { lines.append(tail) }
    return lines
  }

  // MARK: Cells

  private func numbers(_ values: [Double]) -> String {
    if values.count == 1, let only = values.first { return renderer.number(only, digits: 4) }
    return "[" + renderer.summarisedElements(values, limit: 4, digits: 4) + "]"
  }

  /// A bar as long as the term's share of the largest term.
  private func bar(_ term: Double?, width: Int) -> String {
    guard let term else { return "" }
    let full = glyphs.bar[glyphs.bar.count - 1]
    if !term.isFinite { return String(repeating: full, count: width) }
    guard term > 0 else { return "" }
    let largest =
      breakdown.largestTerm.flatMap { $0.isFinite ? $0 : nil }
      ?? breakdown.rows.compactMap(\.term).filter(\.isFinite).max() ?? term
    let cells = min(Double(width), term / max(largest, .leastNormalMagnitude) * Double(width))
    let steps = glyphs.bar.count
    let eighths = Int((cells * Double(steps)).rounded())
    var bar = String(repeating: full, count: eighths / steps)
    if eighths % steps > 0 { bar.append(glyphs.bar[eighths % steps - 1]) }
    if bar.isEmpty, steps > 1, let thinnest = glyphs.bar.first { bar.append(thinnest) }
    return bar
  }

  /// An arrow in colour; a word when plain, where `^` and `v` alone would be cryptic.
  private func shortWord(_ arrow: String, _ word: String) -> String {
    renderer.style == .color ? arrow : word
  }

  private func direction(_ row: BreakdownRow, short: Bool) -> Cell {
    // Not "flat": the clip hid the slope of a prediction the target calls impossible.
    if row.isClipped { return Cell(text: short ? "clipped" : "clipped, see note", tone: .bad) }
    if row.error == 0, row.slope?.allSatisfy({ $0 == 0 }) ?? true {
      return Cell(text: short ? glyphs.check : "\(glyphs.check) on target", tone: .good)
    }
    switch row.direction {
    case .up?:
      return Cell(text: short ? shortWord(glyphs.up, "up") : "\(glyphs.up) raise it", tone: .accent)
    case .down?:
      return Cell(
        text: short ? shortWord(glyphs.down, "down") : "\(glyphs.down) lower it", tone: .accent)
    case .stay?:
      return Cell(text: "flat", tone: .dim)
    case nil:
      return Cell(text: "")
    }
  }
}
