/// Refines a minimum of a function of two weights inside a box, starting from the best grid
/// cell: Newton steps with the exact gradient (from the tape) and a Hessian from central
/// differences of it, falling back to gradient steps where the Hessian is not positive
/// definite (a V, a saddle), each step halved until the loss goes down. A quadratic is solved in
/// one step to rounding, so the ★ sits on the true minimum, not on a cell.
struct MinimumFinder {
  var evaluator: PointEvaluator
  let names: [String]
  let box: (x: ClosedRange<Double>, y: ClosedRange<Double>)

  mutating func refine(from start: Point, value startValue: Double) -> (Point, Double) {
    var p = start
    var fp = startValue
    let hx = (box.x.upperBound - box.x.lowerBound) * 1e-6
    let hy = (box.y.upperBound - box.y.lowerBound) * 1e-6
    for _ in 0..<60 {
      if evaluator.isInterrupted { break }
      guard let here = evaluator.valueAndGradient(names, [p.x, p.y]),
        let xp = evaluator.valueAndGradient(names, [p.x + hx, p.y]),
        let xm = evaluator.valueAndGradient(names, [p.x - hx, p.y]),
        let yp = evaluator.valueAndGradient(names, [p.x, p.y + hy]),
        let ym = evaluator.valueAndGradient(names, [p.x, p.y - hy])
      else { break }
      let g = here.gradient
      let a = (xp.gradient[0] - xm.gradient[0]) / (2 * hx)
      let d = (yp.gradient[1] - ym.gradient[1]) / (2 * hy)
      let b =
        ((xp.gradient[1] - xm.gradient[1]) / (2 * hx) + (yp.gradient[0] - ym.gradient[0]) / (2 * hy))
        / 2
      let det = a * d - b * b
      var step: (Double, Double)
      if a > 0, det > 0, det.isFinite {
        step = (-(d * g[0] - b * g[1]) / det, -(a * g[1] - b * g[0]) / det)
      } else {
        let norm = (g[0] * g[0] + g[1] * g[1]).squareRoot()
        guard norm > 0, norm.isFinite else { break }
        let span = max(box.x.upperBound - box.x.lowerBound, box.y.upperBound - box.y.lowerBound)
        step = (-g[0] / norm * span * 0.1, -g[1] / norm * span * 0.1)
      }
      var t = 1.0
      var next: (Point, Double)?
      for _ in 0..<50 {
        let q = clamped(Point(x: p.x + t * step.0, y: p.y + t * step.1))
        let fq = evaluator.value(names, [q.x, q.y])
        if fq.isFinite, fq < fp {
          next = (q, fq)
          break
        }
        t /= 2
      }
      guard let (q, fq) = next else { break }
      let moved = abs(q.x - p.x) + abs(q.y - p.y)
      p = q
      fp = fq
      if moved <= 1e-15 * (1 + abs(p.x) + abs(p.y)) { break }
    }
    return (p, fp)
  }

  private func clamped(_ p: Point) -> Point {
    Point(
      x: min(box.x.upperBound, max(box.x.lowerBound, p.x)),
      y: min(box.y.upperBound, max(box.y.lowerBound, p.y)))
  }
}
