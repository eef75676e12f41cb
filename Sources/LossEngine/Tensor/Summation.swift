/// Accurate, vectorisable summation.
///
/// Swift never reassociates floating-point additions, so one accumulator is a serial chain
/// that cannot vectorise and drifts by about n·ε. Four independent accumulators per block of
/// 4096 terms, with block totals added separately, are both faster and more accurate
/// (loss-conventions §5).
enum Summation {
  static let blockSize = 4096

  /// Σ body(i) for i in 0..<count.
  @inline(__always)
  static func sum(count: Int, _ body: (Int) -> Double) -> Double {
    var total = 0.0
    var start = 0
    while start < count {
      let end = min(start + blockSize, count)
      var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
      var i = start
      while i + 4 <= end {
        s0 += body(i)
        s1 += body(i + 1)
        s2 += body(i + 2)
        s3 += body(i + 3)
        i += 4
      }
      while i < end {
        s0 += body(i)
        i += 1
      }
      total += (s0 + s1) + (s2 + s3)
      start = end
    }
    return total
  }
}

extension Tensor {
  /// The sum of all elements.
  public var sum: Double {
    storage.withUnsafeBufferPointer { p in Summation.sum(count: p.count) { p[$0] } }
  }
}
