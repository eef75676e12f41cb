/// One operand of a fused block: a run of elements, or one number spread over the block.
struct Lane {
  let pointer: UnsafePointer<Double>?
  let scalar: Double

  init(_ pointer: UnsafePointer<Double>) {
    self.pointer = pointer
    self.scalar = 0
  }

  init(scalar: Double) {
    self.pointer = nil
    self.scalar = scalar
  }

  @inline(__always)
  subscript(i: Int) -> Double { pointer.map { $0[i] } ?? scalar }

  /// out[i] = f(a[i]) for i in 0..<n, a loop per kind of operand so that it vectorises.
  @inline(__always)
  static func map(
    _ out: UnsafeMutablePointer<Double>, _ n: Int, _ a: Lane, _ f: (Double) -> Double
  ) {
    if let pa = a.pointer {
      for i in 0..<n { out[i] = f(pa[i]) }
    } else {
      let v = f(a.scalar)
      for i in 0..<n { out[i] = v }
    }
  }

  @inline(__always)
  static func map(
    _ out: UnsafeMutablePointer<Double>, _ n: Int, _ a: Lane, _ b: Lane,
    _ f: (Double, Double) -> Double
  ) {
    switch (a.pointer, b.pointer) {
    case (let pa?, let pb?):
      for i in 0..<n { out[i] = f(pa[i], pb[i]) }
    case (let pa?, nil):
      let y = b.scalar
      for i in 0..<n { out[i] = f(pa[i], y) }
    case (nil, let pb?):
      let x = a.scalar
      for i in 0..<n { out[i] = f(x, pb[i]) }
    case (nil, nil):
      let v = f(a.scalar, b.scalar)
      for i in 0..<n { out[i] = v }
    }
  }

  @inline(__always)
  static func map(
    _ out: UnsafeMutablePointer<Double>, _ n: Int, _ a: Lane, _ b: Lane, _ c: Lane,
    _ f: (Double, Double, Double) -> Double
  ) {
    if let pa = a.pointer, let pb = b.pointer, let pc = c.pointer {
      for i in 0..<n { out[i] = f(pa[i], pb[i], pc[i]) }
    } else {
      for i in 0..<n { out[i] = f(a[i], b[i], c[i]) }
    }
  }

  /// Whether any of the n values is ±∞.
  @inline(__always)
  static func anyInfinite(_ p: UnsafePointer<Double>, _ n: Int) -> Bool {
    var hits = 0
    for i in 0..<n { hits |= p[i].magnitude == .infinity ? 1 : 0 }
    return hits != 0
  }
}
