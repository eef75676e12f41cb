/// The C library's elementary functions over whole buffers, four elements at a time.
///
/// A scalar `log` or `exp` call costs 5–20 ns; these kernels evaluate four lanes at once with
/// `SIMD4<Double>` (two SSE2 registers on baseline x86-64, no FMA assumed) by argument
/// reduction and a polynomial, branch-free. One test per four lanes sends a lane outside the
/// fast range (±∞, NaN, subnormal inputs, overflow, underflow, a log of 0 or of a negative) to
/// the C function itself, so every edge is the C library's answer bit for bit. Inside the fast
/// range a result is within the bound stated on each function (ulp: units in the last place,
/// measured against the C library by `VectorMathTests`). The polynomials' coefficients come
/// from `scripts/vector_math_coefficients.py`.
///
/// Each function comes as a lane function (for loops that fuse it with other arithmetic) and
/// as a buffer function, `into:` or `inPlace:`.
package enum VectorMath {
  package typealias Lanes = SIMD4<Double>
  package typealias Mask = SIMDMask<SIMD4<Int64>>
  typealias Bits = SIMD4<UInt64>

  /// Elements per block for callers that stage arguments in a scratch buffer: small enough
  /// that a few such buffers stay in the L1 cache.
  package static let blockSize = 512

  /// `lanes` over `x` into `y` (same count; `x` and `y` may be the same memory). A last partial
  /// group of lanes is padded with `padding`, an argument inside the fast range.
  @inline(__always)
  static func map(
    _ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>,
    padding: Double, _ lanes: (Lanes) -> Lanes
  ) {
    precondition(x.count == y.count, "a vector-maths output must have its input's count")
    guard let source = x.baseAddress, let target = y.baseAddress else { return }
    let count = x.count
    var i = 0
    while i + 4 <= count {
      let v = UnsafeRawPointer(source + i).loadUnaligned(as: Lanes.self)
      UnsafeMutableRawPointer(target + i).storeBytes(of: lanes(v), as: Lanes.self)
      i += 4
    }
    guard i < count else { return }
    var v = Lanes(repeating: padding)
    for lane in 0..<(count - i) { v[lane] = source[i + lane] }
    let result = lanes(v)
    for lane in 0..<(count - i) { target[i + lane] = result[lane] }
  }

  /// `fast`'s lanes of `values`, the others replaced by `scalar` of the argument: the edge path.
  @inline(never)
  static func patched(
    _ values: Lanes, arguments: Lanes, fast: Mask, _ scalar: (Double) -> Double
  ) -> Lanes {
    var out = values
    for lane in 0..<4 where !fast[lane] { out[lane] = scalar(arguments[lane]) }
    return out
  }
}

extension SIMD4 where Scalar == Double {
  /// The lanes' bit patterns.
  @inline(__always)
  var bits: SIMD4<UInt64> { unsafeBitCast(self, to: SIMD4<UInt64>.self) }

  /// The doubles with these bit patterns.
  @inline(__always)
  init(bits: SIMD4<UInt64>) { self = unsafeBitCast(bits, to: Self.self) }

  /// |x| lane by lane (the sign bit cleared).
  @inline(__always)
  var magnitude: Self { Self(bits: bits & 0x7fff_ffff_ffff_ffff) }

  /// 1 where the sign bit is set (negative numbers, −0, negative NaNs), else 0: arithmetic for
  /// `x < 0 ? a : b` that keeps −0's sign rule of the scalar code it replaces.
  @inline(__always)
  var signBitAsOne: Self {
    let allOnes = 0 &- (bits &>> 63)
    return Self(bits: allOnes & (1.0 as Double).bitPattern)
  }
}
