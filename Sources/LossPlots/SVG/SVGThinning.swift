/// What a 640×400 picture can show of a series of up to 10^7 points: the SVG writer draws on a
/// fixed canvas, so marks that land on the same pixel are dropped instead of written (a
/// million-point scatter was a 54 MB file and minutes of work; now it is bounded by the canvas).
enum SVGThinning {
  /// The scatter markers at distinct pixels, in their first-seen order (a marker 3 px wide
  /// moved by less than a pixel draws the same picture).
  static func distinctPixels(_ points: [(Double, Double)]) -> [(Double, Double)] {
    var seen = Set<Int64>()
    var out: [(Double, Double)] = []
    for point in points where seen.insert(cell(point)).inserted { out.append(point) }
    return out
  }

  /// A polyline with, per run of consecutive points in one pixel column, only the first, the
  /// lowest, the highest and the last (in their order): the same strokes, at most four points
  /// per column for a series along x.
  static func columnExtremes(_ points: [(Double, Double)]) -> [(Double, Double)] {
    var out: [(Double, Double)] = []
    var start = 0
    while start < points.count {
      let column = points[start].0.rounded(.down)
      var end = start + 1
      var low = start
      var high = start
      while end < points.count, points[end].0.rounded(.down) == column {
        if points[end].1 < points[low].1 { low = end }
        if points[end].1 > points[high].1 { high = end }
        end += 1
      }
      var kept = [start, low, high, end - 1]
      kept.sort()
      var previous = -1
      for index in kept where index != previous {
        out.append(points[index])
        previous = index
      }
      start = end
    }
    return out
  }

  private static func cell(_ point: (Double, Double)) -> Int64 {
    // Canvas coordinates lie within 0…640 and 0…400; the clamp keeps the key in range anyway.
    let x = Int64(max(-1, min(4096, point.0.rounded(.down))))
    let y = Int64(max(-1, min(4096, point.1.rounded(.down))))
    return x * 8192 + y
  }
}
