import LossLanguage
import LossLessons

/// A curve drawn in the terminal as a grid of characters, with its y range on the left and its
/// x range below, followed by a one-line description for screen readers and pipes.
struct PlotLayout {
  let samples: PlotSamples
  let width: Int
  let glyphs: Glyphs
  let height = 10

  func lines() -> [Line] {
    let points = samples.points.filter { $0.y.isFinite }
    guard let first = points.first, let last = points.last else {
      return Wrapper.wrap(
        [Span("(nothing to plot: \(samples.expression) gave no finite values)", .dim)],
        width: width,
        indent: 3)
    }
    let ys = points.map(\.y)
    let low = ys.min() ?? 0
    let high = ys.max() ?? 0
    let labelWidth = max(
      ValueFormatter.number(low, significantDigits: 4).count,
      ValueFormatter.number(high, significantDigits: 4).count)
    let columns = max(4, min(60, width - labelWidth - 6))
    var grid = [[Character]](repeating: [Character](repeating: " ", count: columns), count: height)
    for point in points {
      let across = Self.fraction(point.x, from: first.x, to: last.x)
      let down = high == low ? 0.5 : Self.fraction(point.y, from: high, to: low)
      let column = Int((across * Double(columns - 1)).rounded())
      let row = Int((down * Double(height - 1)).rounded())
      if (0..<columns).contains(column), (0..<height).contains(row) {
        grid[row][column] = glyphs.check == "ok" ? "*" : "•"
      }
    }
    var lines: [Line] = []
    for (index, row) in grid.enumerated() {
      let label =
        index == 0
        ? ValueFormatter.number(high, significantDigits: 4)
        : (index == height - 1 ? ValueFormatter.number(low, significantDigits: 4) : "")
      let padded = String(repeating: " ", count: labelWidth - label.count) + label
      lines.append(Line([Span("  " + padded + " |", .dim), Span(String(row), .value)]))
    }
    let axis =
      String(repeating: " ", count: labelWidth + 3) + "+" + String(repeating: "-", count: columns)
    lines.append(Line(axis, .dim))
    let from = ValueFormatter.number(first.x, significantDigits: 4)
    let to = ValueFormatter.number(last.x, significantDigits: 4)
    let gap = max(1, columns - from.count - to.count)
    lines.append(
      Line(
        String(repeating: " ", count: labelWidth + 4) + from + String(repeating: " ", count: gap)
          + to, .dim))
    lines += Wrapper.wrap([Span(description(points), .dim)], width: width, indent: 3)
    return lines
  }

  /// Where `value` lies between `start` (0) and `end` (1), clamped, computed on halves so that
  /// values near ±1.8e308 cannot overflow into infinity or NaN.
  static func fraction(_ value: Double, from start: Double, to end: Double) -> Double {
    let span = end / 2 - start / 2
    guard span != 0 else { return 0.5 }
    let ratio = (value / 2 - start / 2) / span
    return ratio.isFinite ? min(1, max(0, ratio)) : 0.5
  }

  /// "mse(e, 0) over e from -3 to 3: lowest 0 at e = 0, highest 9 at e = -3".
  private func description(_ points: [(x: Double, y: Double)]) -> String {
    guard let lowest = points.min(by: { $0.y < $1.y }),
      let highest = points.max(by: { $0.y < $1.y }),
      let first = points.first, let last = points.last
    else { return "" }
    let n = { (x: Double) in ValueFormatter.number(x, significantDigits: 4) }
    return
      "\(samples.expression) for \(samples.variable) from \(n(first.x)) to \(n(last.x)): lowest \(n(lowest.y)) at \(samples.variable) = \(n(lowest.x)), highest \(n(highest.y)) at \(samples.variable) = \(n(highest.x))"
  }
}
