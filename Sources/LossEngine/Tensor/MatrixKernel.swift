/// C = A·B for row-major matrices, in cache-sized blocks that poll for Ctrl-C between them.
///
/// Each element of C is accumulated over the inner index in ascending order, starting from
/// +0, one multiply and one add at a time (no fused multiply-add) — the same operations in the
/// same order as the textbook triple loop, so the result is bit-identical to it. Only the order
/// in which *different* elements are visited changes: a block of B (`innerBlock` × `columnBlock`
/// doubles, 256 KiB) stays in cache while every row of A streams past it, and four rows of C
/// are updated per load of B, instead of all of B being read from memory once per row of C.
enum MatrixKernel {
  static let innerBlock = 128
  static let columnBlock = 256
  static let rowBlock = 256

  /// Products with at least this many multiply-adds split their rows over the cores: below it
  /// (about 2 ms of work) starting a second thread costs more than it saves.
  static let parallelThreshold = 1 << 22
  /// Row bands of a large product, spread by Dispatch over the cores.
  static let bands = 4

  /// The m×n product of the m×k matrix `a` and the k×n matrix `b`.
  ///
  /// `isInterrupted` is polled between blocks (a few milliseconds of work each); when it
  /// returns true the product stops with ``EngineError/interrupted``. Large products give each
  /// core its own rows of C; every element is still computed by one thread in one order, so
  /// the result does not depend on the number of threads.
  static func product(
    _ a: [Double], _ b: [Double], m: Int, k: Int, n: Int,
    isInterrupted: @Sendable () -> Bool
  ) throws(EngineError) -> [Double] {
    var out = [Double](repeating: 0, count: m * n)
    var finished = true
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        out.withUnsafeMutableBufferPointer { pc in
          guard let a = pa.baseAddress, let b = pb.baseAddress, let c = pc.baseAddress else {
            return
          }
          let work = m.multipliedReportingOverflow(by: k).partialValue &* n
          // Dispatch runs the bands on as many cores as there are (two here).
          let parts = work >= parallelThreshold && m >= 32 ? bands : 1
          // Row bands on multiples of 4, so each band keeps the four-row groups of one thread.
          let band = ((m + parts - 1) / parts + 3) / 4 * 4
          let (pa, pb, pc) = (Parallel.Pointer(a), Parallel.Pointer(b), Parallel.MutablePointer(c))
          finished = Parallel.run(parts: parts, isInterrupted: isInterrupted) { part, stop in
            let rows = Swift.min(part * band, m)..<Swift.min((part + 1) * band, m)
            multiply(pa.raw, pb.raw, pc.raw, k: k, n: n, rows: rows, stop: stop)
          }
        }
      }
    }
    if !finished { throw .interrupted }
    return out
  }

  /// The rows `rows` of C += A·B, block by block, stopping when `stop` says so.
  private static func multiply(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    k: Int, n: Int, rows: Range<Int>, stop: () -> Bool
  ) {
    var j0 = 0
    while j0 < n {
      let j1 = Swift.min(j0 + columnBlock, n)
      var t0 = 0
      // Inner blocks in ascending order: each element's sum keeps its order.
      while t0 < k {
        let t1 = Swift.min(t0 + innerBlock, k)
        var i0 = rows.lowerBound
        while i0 < rows.upperBound {
          if stop() { return }
          let i1 = Swift.min(i0 + rowBlock, rows.upperBound)
          block(a, b, c, k: k, n: n, rows: i0..<i1, inner: t0..<t1, columns: j0..<j1)
          i0 = i1
        }
        t0 = t1
      }
      j0 = j1
    }
  }

  /// C[rows, columns] += A[rows, inner] · B[inner, columns], four rows of C at a time.
  @inline(__always)
  private static func block(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    k: Int, n: Int, rows: Range<Int>, inner: Range<Int>, columns: Range<Int>
  ) {
    var i = rows.lowerBound
    while i + 4 <= rows.upperBound {
      let c0 = c + i * n
      let c1 = c0 + n
      let c2 = c1 + n
      let c3 = c2 + n
      for t in inner {
        let a0 = a[i * k + t]
        let a1 = a[(i + 1) * k + t]
        let a2 = a[(i + 2) * k + t]
        let a3 = a[(i + 3) * k + t]
        let row = b + t * n
        var j = columns.lowerBound
        while j + 2 <= columns.upperBound {
          let bj = SIMD2(row[j], row[j + 1])
          store(load(c0 + j) + SIMD2(repeating: a0) * bj, c0 + j)
          store(load(c1 + j) + SIMD2(repeating: a1) * bj, c1 + j)
          store(load(c2 + j) + SIMD2(repeating: a2) * bj, c2 + j)
          store(load(c3 + j) + SIMD2(repeating: a3) * bj, c3 + j)
          j += 2
        }
        if j < columns.upperBound {
          let bj = row[j]
          c0[j] = c0[j] + a0 * bj
          c1[j] = c1[j] + a1 * bj
          c2[j] = c2[j] + a2 * bj
          c3[j] = c3[j] + a3 * bj
        }
      }
      i += 4
    }
    while i < rows.upperBound {
      let ci = c + i * n
      for t in inner {
        let ai = a[i * k + t]
        let row = b + t * n
        for j in columns { ci[j] = ci[j] + ai * row[j] }
      }
      i += 1
    }
  }

  @inline(__always)
  private static func load(_ p: UnsafeMutablePointer<Double>) -> SIMD2<Double> {
    SIMD2(p[0], p[1])
  }

  @inline(__always)
  private static func store(_ v: SIMD2<Double>, _ p: UnsafeMutablePointer<Double>) {
    p[0] = v[0]
    p[1] = v[1]
  }

  /// The transpose of an r×c row-major matrix.
  static func transposed(_ x: [Double], rows r: Int, columns c: Int) -> [Double] {
    var out = [Double](repeating: 0, count: x.count)
    for i in 0..<r { for j in 0..<c { out[j * r + i] = x[i * c + j] } }
    return out
  }
}
