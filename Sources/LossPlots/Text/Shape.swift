/// The simple shapes a learner should hear named: a straight line, a V (two straight lines
/// meeting at the lowest point), a parabola. Decided by least-squares fits whose largest
/// residual is below a millionth of the range, so a Huber curve is neither.
enum Shape {
  static func of(_ points: [Point]) -> String? {
    guard points.count >= 5, let low = points.map(\.y).min(), let high = points.map(\.y).max(),
      high > low
    else { return nil }
    let tolerance = (high - low) * 1e-6
    if fits(points, degree: 1, tolerance: tolerance) { return "a straight line" }
    if let turn = points.firstIndex(where: { $0.y == low }), turn >= 2, turn <= points.count - 3,
      fits(Array(points[...turn]), degree: 1, tolerance: tolerance),
      fits(Array(points[turn...]), degree: 1, tolerance: tolerance)
    {
      return "a V"
    }
    if fits(points, degree: 2, tolerance: tolerance) {
      return points[points.count / 2].y < (points[0].y + points[points.count - 1].y) / 2
        ? "a parabola" : "a parabola opening downwards"
    }
    return nil
  }

  /// True when a polynomial of `degree` (1 or 2) fits every point within `tolerance`.
  static func fits(_ points: [Point], degree: Int, tolerance: Double) -> Bool {
    guard let (c, centre) = leastSquares(points, degree: degree) else { return false }
    return points.allSatisfy { p in
      let x = p.x - centre
      return abs(c[0] + c[1] * x + (degree == 2 ? c[2] * x * x : 0) - p.y) <= tolerance
    }
  }

  /// Coefficients (constant first) in x − centre, by the normal equations solved by Gaussian
  /// elimination with partial pivoting; centring keeps them well conditioned.
  static func leastSquares(_ points: [Point], degree: Int) -> ([Double], centre: Double)? {
    let m = degree + 1
    let centre = points.reduce(0) { $0 + $1.x } / Double(points.count)
    var a = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: m)
    for p in points {
      let x = p.x - centre
      var powers = [1.0]
      for _ in 0..<(2 * degree) { powers.append((powers.last ?? 1) * x) }
      for i in 0..<m {
        for j in 0..<m { a[i][j] += powers[i + j] }
        a[i][m] += powers[i] * p.y
      }
    }
    for col in 0..<m {
      guard let pivot = (col..<m).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }),
        a[pivot][col] != 0
      else { return nil }
      a.swapAt(col, pivot)
      for row in 0..<m where row != col {
        let factor = a[row][col] / a[col][col]
        for k in col...m { a[row][k] -= factor * a[col][k] }
      }
    }
    let c = (0..<m).map { a[$0][m] / a[$0][$0] }
    return c.allSatisfy(\.isFinite) ? (c, centre) : nil
  }
}
