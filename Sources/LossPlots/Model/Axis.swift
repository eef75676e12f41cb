import LossEngine

/// One axis of a drawing: its range, linear or logarithmic, and its ticks. The terminal and the
/// SVG writer both place data with ``fraction(_:)``, so they show the same picture.
public struct Axis: Equatable, Sendable {
  public var low: Double
  public var high: Double
  public var logarithmic: Bool
  public var ticks: [Double]

  /// An axis covering the finite values (the positive ones when logarithmic); a constant gets
  /// a unit of room either side, so it is drawn as a line in the middle.
  public init(covering values: [Double], logarithmic: Bool = false, tickCount: Int = 5) {
    var low = Double.infinity
    var high = -Double.infinity
    for v in values where v.isFinite && (!logarithmic || v > 0) {
      low = min(low, v)
      high = max(high, v)
    }
    if low > high {
      low = 0
      high = 1
    } else if low == high {
      let room = max(abs(low) * 0.1, 1)
      low -= room
      high += room
    }
    let useLog = logarithmic && low > 0
    self.low = low
    self.high = high
    self.logarithmic = useLog
    self.ticks = useLog ? Ticks.decades(low, high) : Ticks.nice(low, high, count: tickCount)
  }

  /// Where `value` lies from `low` (0) to `high` (1), unclamped; nil for values that cannot be
  /// placed (not finite; not positive on a log axis). Computed on halves so that values near
  /// ±1.8e308 cannot overflow.
  public func fraction(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    if logarithmic {
      guard value > 0 else { return nil }
      let span = CMath.log10(high) - CMath.log10(low)
      return span > 0 ? (CMath.log10(value) - CMath.log10(low)) / span : 0.5
    }
    let span = high / 2 - low / 2
    guard span > 0 else { return 0.5 }
    let ratio = (value / 2 - low / 2) / span
    return ratio.isFinite ? ratio : nil
  }
}

extension Plot {
  /// The x and y axes both renderers use.
  public var axes: (x: Axis, y: Axis) {
    switch content {
    case .lines(let line):
      return (
        Axis(covering: line.series.flatMap(\.xs)),
        Axis(covering: line.series.flatMap(\.ys), logarithmic: line.logarithmic)
      )
    case .landscape(let l):
      return (Axis(covering: l.xs), Axis(covering: l.ys))
    case .scatter(let s):
      let series = s.groups + (s.fit.map { [$0] } ?? [])
      return (Axis(covering: series.flatMap(\.xs)), Axis(covering: series.flatMap(\.ys)))
    }
  }
}
