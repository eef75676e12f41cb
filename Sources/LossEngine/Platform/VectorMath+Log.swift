/// ln x and ln(1 + x) by splitting x = 2ᵏ·m through the bit pattern, m in [√½, √2), and
/// ln m = 2·atanh(s) = 2s + s·z·P(z) with s = (m − 1)/(m + 1), z = s² and P a degree-7
/// polynomial (error 2⁻⁶⁰), summed so that the large terms are added last.
extension VectorMath {
  /// ln x, within 1 ulp of the C library's `log` (checked over 2,000,000 seeded arguments by `VectorMathTests`).
  ///
  /// The fast range is the positive normal doubles; 0 (→ −∞), negatives and NaN (→ NaN), +∞ and
  /// subnormals are the C function's.
  @inline(__always)
  package static func log(_ x: Lanes) -> Lanes {
    let fast = (x .>= .leastNormalMagnitude) .& (x .<= .greatestFiniteMagnitude)
    let result = logCore(x, plus: Lanes())
    return all(fast) ? result : patched(result, arguments: x, fast: fast, CMath.log)
  }

  /// ln(1 + x), within 2 ulp of the C library's `log1p` (checked over 2,000,000 seeded arguments by `VectorMathTests`);
  /// exact for |x| < 2⁻⁵⁴ (x itself).
  ///
  /// u = 1 + x is rounded; ln(1 + x) = ln u + (x − (u − 1))/u to first order, so the rounding
  /// error of u is added back. Fast range: 1 + x a positive normal double; −1 (→ −∞), below −1
  /// and NaN (→ NaN) and +∞ are the C function's.
  @inline(__always)
  package static func log1p(_ x: Lanes) -> Lanes {
    let u = 1 + x
    let fast = (u .>= .leastNormalMagnitude) .& (u .<= .greatestFiniteMagnitude)
    let result = logCore(u, plus: (x - (u - 1)) / u)
      .replacing(with: x, where: x.magnitude .< 0x1p-54)
    return all(fast) ? result : patched(result, arguments: x, fast: fast, CMath.log1p)
  }

  package static func log(
    _ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>
  ) {
    map(x, into: y, padding: 1, log)
  }

  package static func log(inPlace x: UnsafeMutableBufferPointer<Double>) {
    map(UnsafeBufferPointer(x), into: x, padding: 1, log)
  }

  package static func log1p(
    _ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>
  ) {
    map(x, into: y, padding: 0, log1p)
  }

  package static func log1p(inPlace x: UnsafeMutableBufferPointer<Double>) {
    map(UnsafeBufferPointer(x), into: x, padding: 0, log1p)
  }

  /// ln u + c for a positive normal u and a correction c much smaller than 1 ulp of ln u's
  /// scale.
  @inline(__always)
  static func logCore(_ u: Lanes, plus c: Lanes) -> Lanes {
    // Adding 1 − √½'s bit pattern offset carries into the exponent exactly when the
    // mantissa is ≥ √2's, so m lands in [√½, √2) and k is the matching exponent.
    let adjusted = u.bits &+ (oneBits &- rootHalfBits)
    let k = Lanes(bits: (adjusted &>> 52) &+ twoTo52Bits) - (0x1p52 + 1023)
    let m = Lanes(bits: (adjusted & 0x000f_ffff_ffff_ffff) &+ rootHalfBits)
    let f = m - 1
    let s = f / (2 + f)
    let z = s * s
    var p = Lanes(repeating: 0x1.0c04595972ab8p-3)
    p = p * z + 0x1.0fbe83c2cbcf3p-3
    p = p * z + 0x1.3b1c360763b8ap-3
    p = p * z + 0x1.745cf901605f7p-3
    p = p * z + 0x1.c71c720160b47p-3
    p = p * z + 0x1.2492492476c87p-2
    p = p * z + 0x1.9999999999a38p-2
    p = p * z + 0x1.5555555555555p-1
    let halfSquare = 0.5 * f * f
    // ln m = f − f²/2 + s·(f²/2 + z·P(z)), since 2s = f − s·f.
    let tail = s * (halfSquare + z * p) + (k * ln2Lo + c)
    return k * ln2Hi - ((halfSquare - tail) - f)
  }

  static let oneBits: UInt64 = 0x3ff0_0000_0000_0000
  /// The bit pattern of √½ (rounded down).
  static let rootHalfBits: UInt64 = 0x3fe6_a09e_667f_3bcd
  static let twoTo52Bits: UInt64 = 0x4330_0000_0000_0000
}
