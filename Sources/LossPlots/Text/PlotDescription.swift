import LossLanguage

/// A plot in words, for screen readers, pipes and `describe`: each series' range, where it is
/// lowest and highest, its shape when it has a simple one (a parabola, a V, a straight line),
/// its gaps; a loss curve's fall and where validation was lowest; a landscape's minimum.
///
///     mse(e, 0) rises from 0 at e = 0 to 9 at e = ±3, a parabola
///     loss fell from 2.3 to 0.41 in 50 steps; validation was lowest at step 31 (0.52) and then rose by 12%
public enum PlotDescription {
  public static func sentences(_ plot: Plot) -> [String] {
    switch plot.content {
    case .lines(let line):
      var out =
        line.kind == .curve ? curve(line) : line.series.map { function($0, variable: line.xName) }
      if line.logarithmic {
        out.append("The \(line.yName.isEmpty ? "y" : line.yName) axis is logarithmic.")
      }
      return out
    case .landscape(let landscape): return self.landscape(landscape)
    case .scatter(let scatter): return self.scatter(scatter)
    }
  }

  public static func text(_ plot: Plot) -> String { sentences(plot).joined(separator: " ") }

  static func n(_ x: Double) -> String { ValueFormatter.number(x, significantDigits: 3) }

  // MARK: Functions

  static func function(_ series: Series, variable: String, called name: String? = nil) -> String {
    let label = name ?? series.name
    let points = series.finitePoints
    guard let first = points.first, let last = points.last,
      let low = points.map(\.y).min(), let high = points.map(\.y).max()
    else { return "\(label) has no finite value in the range." }
    var text: String
    let scale = max(abs(low), abs(high), 1e-300)
    let tolerance = scale * 1e-9
    let at = { (value: Double) in where_(points.filter { abs($0.y - value) <= tolerance }.map(\.x))
    }
    if high - low <= tolerance {
      text = "\(label) is constant at \(n(low))"
    } else if let turn = points.firstIndex(where: { abs($0.y - low) <= tolerance }),
      turn > 0, turn < points.count - 1, abs(points[0].y - low) > tolerance,
      abs(points[points.count - 1].y - low) > tolerance
    {
      text =
        "\(label) rises from \(n(low)) at \(variable) = \(at(low)) to \(n(high)) at \(variable) = \(at(high))"
    } else if first.y <= last.y {
      text =
        "\(label) rises from \(n(first.y)) at \(variable) = \(n(first.x)) to \(n(last.y)) at \(variable) = \(n(last.x))"
      if high > last.y + tolerance { text += ", highest \(n(high)) at \(variable) = \(at(high))" }
      if low < first.y - tolerance { text += ", lowest \(n(low)) at \(variable) = \(at(low))" }
    } else {
      text =
        "\(label) falls from \(n(first.y)) at \(variable) = \(n(first.x)) to \(n(last.y)) at \(variable) = \(n(last.x))"
      if high > first.y + tolerance { text += ", highest \(n(high)) at \(variable) = \(at(high))" }
      if low < last.y - tolerance { text += ", lowest \(n(low)) at \(variable) = \(at(low))" }
    }
    if let shape = Shape.of(points) { text += ", \(shape)" }
    let gaps = gapRanges(series)
    if !gaps.isEmpty {
      text +=
        "; undefined (nan or inf) for "
        + gaps.map { a, b in
          a == b ? "\(variable) = \(n(a))" : "\(variable) from \(n(a)) to \(n(b))"
        }.joined(separator: " and ")
    }
    return text + "."
  }

  /// `0`, `±3`, or `-3 and 5` (at most three places).
  static func where_(_ xs: [Double]) -> String {
    var places: [Double] = []
    for x in xs where !places.contains(where: { abs($0 - x) <= 1e-12 * max(1, abs(x)) }) {
      places.append(x)
    }
    if places.count == 2, places[0] == -places[1] { return "±\(n(abs(places[0])))" }
    if places.count > 3 { return "\(n(places[0])) and elsewhere" }
    return places.map(n).joined(separator: " and ")
  }

  /// The x ranges (first and last sampled x) where the series is not finite.
  static func gapRanges(_ series: Series) -> [(Double, Double)] {
    var out: [(Double, Double)] = []
    var start: Double?
    var previous: Double?
    for (x, y) in zip(series.xs, series.ys) {
      if y.isFinite {
        if let s = start, let p = previous { out.append((s, p)) }
        start = nil
      } else if start == nil {
        start = x
      }
      previous = x
    }
    if let s = start, let p = previous { out.append((s, p)) }
    return out
  }

  // MARK: Curves

  static func curve(_ line: LinePlot) -> [String] {
    guard let training = line.series.first else { return [] }
    let points = training.finitePoints
    guard let first = points.first, let last = points.last else {
      return ["\(training.name) has no finite value."]
    }
    let steps = Int(last.x)
    let verb = last.y < first.y ? "fell" : (last.y > first.y ? "rose" : "stayed")
    let name = line.series.count == 2 ? "training loss" : "loss"
    var text =
      verb == "stayed"
      ? "\(name) stayed at \(n(first.y)) over \(steps) step\(steps == 1 ? "" : "s")"
      : "\(name) \(verb) from \(n(first.y)) to \(n(last.y)) in \(steps) step\(steps == 1 ? "" : "s")"
    if let low = points.min(by: { $0.y < $1.y }), low.y < min(first.y, last.y) {
      text += " (lowest \(n(low.y)) at step \(Int(low.x)))"
    }
    if line.series.count == 2, let marker = line.markers.first {
      let validation = line.series[1].finitePoints
      text += "; validation was lowest at step \(Int(marker.point.x)) (\(n(marker.point.y)))"
      if let end = validation.last, end.x > marker.point.x, marker.point.y != 0 {
        let rise = (end.y - marker.point.y) / abs(marker.point.y) * 100
        text += " and then rose by \(ValueFormatter.number(rise, significantDigits: 2))%"
        text += " (early stopping would stop at step \(Int(marker.point.x)))"
      }
    }
    let gaps = gapRanges(training)
    if !gaps.isEmpty { text += "; not finite from step \(Int(gaps[0].0))" }
    return [text + "."]
  }

  // MARK: Landscapes

  static func landscape(_ l: Landscape) -> [String] {
    var text =
      "\(l.loss) over \(l.xName) from \(n(l.xs.first ?? 0)) to \(n(l.xs.last ?? 0)) and \(l.yName) from \(n(l.ys.first ?? 0)) to \(n(l.ys.last ?? 0))"
    if let range = l.finiteRange {
      text += " ranges from \(n(range.lowerBound)) to \(n(range.upperBound))"
    }
    var out = [text + "."]
    if let m = l.minimum, let value = m.value {
      out.append(
        "The lowest point is \(ValueFormatter.number(value, significantDigits: 4)) at \(l.xName) = \(ValueFormatter.number(m.point.x, significantDigits: 6)), \(l.yName) = \(ValueFormatter.number(m.point.y, significantDigits: 6))."
      )
    }
    if let c = l.current {
      out.append(
        "You are at \(l.xName) = \(n(c.point.x)), \(l.yName) = \(n(c.point.y))\(c.value.map { ", where the loss is \(n($0))" } ?? "")."
      )
    }
    if let start = l.path.first, let end = l.path.last, l.path.count > 1 {
      out.append(
        "The descent path goes from (\(n(start.x)), \(n(start.y))) to (\(n(end.x)), \(n(end.y))) in \(l.descentSteps) step\(l.descentSteps == 1 ? "" : "s")."
      )
    }
    let gaps = l.values.filter { !$0.isFinite }.count
    if gaps > 0 {
      out.append("\(gaps) of \(l.values.count) grid points are undefined (nan or inf), left blank.")
    }
    return out
  }

  // MARK: Scatter

  static func scatter(_ s: ScatterPlot) -> [String] {
    var out: [String] = []
    let all = s.groups.flatMap(\.finitePoints)
    if s.groups.count == 2 {
      out.append(
        s.groups.map { "\($0.xs.count) points with \($0.name)" }.joined(separator: " and ")
          + " over \(s.xName) from \(n(all.map(\.x).min() ?? 0)) to \(n(all.map(\.x).max() ?? 0)).")
    } else if let lowX = all.map(\.x).min(), let highX = all.map(\.x).max(),
      let lowY = all.map(\.y).min(), let highY = all.map(\.y).max()
    {
      out.append(
        "\(all.count) point\(all.count == 1 ? "" : "s"): \(s.xName) from \(n(lowX)) to \(n(highX)), \(s.yName) from \(n(lowY)) to \(n(highY))."
      )
    }
    if let fit = s.fit {
      out.append(function(fit, variable: s.xName, called: "The fit \(fit.name)"))
    }
    if let boundary = s.boundary {
      out.append(
        "The decision boundary (where the fit crosses 0.5) is at \(s.xName) = \(n(boundary)).")
    }
    return out
  }
}
