import LossEngine

/// Axis ticks at nice numbers (1, 2 or 5 × 10ⁿ, Heckbert's "nice numbers"), and the choice of a
/// logarithmic axis.
public enum Ticks {
  /// About `count` ticks covering `low...high` at a nice step; the ticks lie inside the range.
  public static func nice(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
    guard low.isFinite, high.isFinite else { return [] }
    guard high > low else { return [low] }
    let step = niceStep((high - low) / Double(max(1, count - 1)))
    guard step.isFinite, step > 0 else { return [low, high] }
    let first = (low / step).rounded(.up)
    let last = (high / step).rounded(.down)
    guard last >= first, last - first < 1000 else { return [low, high] }
    return stride(from: first, through: last, by: 1).map { k in
      let t = k * step
      return abs(t) < step * 1e-9 ? 0 : t
    }
  }

  /// The nice number nearest `raw`: 1, 2 or 5 times a power of ten.
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let exponent = CMath.log10(raw).rounded(.down)
    let fraction = raw / CMath.pow(10, exponent)
    let nice: Double = fraction < 1.5 ? 1 : (fraction < 3 ? 2 : (fraction < 7 ? 5 : 10))
    return nice * CMath.pow(10, exponent)
  }

  /// Powers of ten between `low` and `high` (both > 0), for a log axis; at most ~6.
  public static func decades(_ low: Double, _ high: Double) -> [Double] {
    guard low > 0, high > low, low.isFinite, high.isFinite else { return [] }
    let first = Int((CMath.log10(low) - 1e-9).rounded(.up))
    let last = Int((CMath.log10(high) + 1e-9).rounded(.down))
    guard last >= first else { return [] }
    let every = max(1, (last - first + 5) / 6)
    return stride(from: first, through: last, by: every).map { CMath.pow(10, Double($0)) }
  }

  /// Labels with the fewest significant digits (from 1 to 6) that keep neighbours distinct.
  public static func labels(_ ticks: [Double], format: (Double, Int) -> String) -> [String] {
    for digits in 1...6 {
      let texts = ticks.map { format($0, digits) }
      if Set(texts).count == texts.count { return texts }
    }
    return ticks.map { format($0, 6) }
  }
}

/// When a y axis is logarithmic: the values are all positive and span more than two decades
/// (loss curves) or six (function plots, where a learner expects the function's own shape and
/// a log axis is only worth it for huge ranges).
public enum AxisScale {
  public static func choose(for values: [Double], kind: LinePlot.Kind) -> Bool {
    var low = Double.infinity
    var high = -Double.infinity
    for v in values where v.isFinite {
      low = min(low, v)
      high = max(high, v)
    }
    guard low > 0, high > low else { return false }
    let decades = kind == .curve ? 2.0 : 6.0
    return CMath.log10(high) - CMath.log10(low) > decades
  }
}
