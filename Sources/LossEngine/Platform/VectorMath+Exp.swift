/// eˣ and eˣ − 1 by argument reduction: x = n·ln 2 + r with n = round(x·log₂e) and
/// |r| ≤ ln 2 / 2 (ln 2 in two parts, so n·ln2Hi is exact), eʳ − 1 = r + r²·Q(r) with Q a
/// degree-10 polynomial (error 2⁻⁶¹), and 2ⁿ built from its bit pattern.
extension VectorMath {
  /// eˣ, within 1 ulp of the C library's `exp` (checked over 2,000,000 seeded arguments by `VectorMathTests`).
  ///
  /// The fast range is |x| ≤ 708, where 2ⁿ and the result are normal doubles; beyond it (the
  /// overflow to +∞ above 709.78, the subnormal results below −708.4, underflow to 0 below
  /// −745.1) and for NaN the lane is the C function's.
  @inline(__always)
  package static func exp(_ x: Lanes) -> Lanes {
    let fast = x.magnitude .<= 708
    let (r, scale) = reduced(x)
    let result = scale * (1 + expMinusOne(r))
    return all(fast) ? result : patched(result, arguments: x, fast: fast, CMath.exp)
  }

  /// eˣ − 1, within 2 ulp of the C library's `expm1` (checked over 2,000,000 seeded arguments by `VectorMathTests`); exact
  /// for |x| < 2⁻⁵⁴ (x itself, ±0 and subnormals included).
  ///
  /// eˣ − 1 = 2ⁿ·(eʳ − 1) + (2ⁿ − 1): no cancellation near 0, where n = 0. Fast range as `exp`.
  @inline(__always)
  package static func expm1(_ x: Lanes) -> Lanes {
    let fast = x.magnitude .<= 708
    let result = expm1Core(x).replacing(with: x, where: x.magnitude .< 0x1p-54)
    return all(fast) ? result : patched(result, arguments: x, fast: fast, CMath.expm1)
  }

  package static func exp(
    _ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>
  ) {
    map(x, into: y, padding: 0, exp)
  }

  package static func exp(inPlace x: UnsafeMutableBufferPointer<Double>) {
    map(UnsafeBufferPointer(x), into: x, padding: 0, exp)
  }

  package static func expm1(
    _ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>
  ) {
    map(x, into: y, padding: 0, expm1)
  }

  package static func expm1(inPlace x: UnsafeMutableBufferPointer<Double>) {
    map(UnsafeBufferPointer(x), into: x, padding: 0, expm1)
  }

  /// eˣ − 1 without the edge lanes: for |x| ≤ 708 (tiny x lose their sign of zero).
  @inline(__always)
  static func expm1Core(_ x: Lanes) -> Lanes {
    let (r, scale) = reduced(x)
    return scale * expMinusOne(r) + (scale - 1)
  }

  /// r = x − n·ln 2 and 2ⁿ, for |x| ≤ 708 (so −1022 ≤ n ≤ 1022).
  @inline(__always)
  static func reduced(_ x: Lanes) -> (r: Lanes, scale: Lanes) {
    // Adding 1.5·2⁵² rounds x·log₂e to an integer n and leaves n in the low bits.
    let shifted = x * log2e + shifter
    let n = shifted - shifter
    let r = (x - n * ln2Hi) - n * ln2Lo
    let exponent = (shifted.bits &- shifter.bitPattern &+ 1023) &<< 52
    return (r, Lanes(bits: exponent))
  }

  /// eʳ − 1 for |r| ≤ ln 2 / 2: r + r²·Q(r), Q ≈ (eʳ − 1 − r)/r² (Horner, highest degree first).
  @inline(__always)
  static func expMinusOne(_ r: Lanes) -> Lanes {
    var q = Lanes(repeating: 0x1.1f730349868cep-29)
    q = q * r + 0x1.af4de97ca4194p-26
    q = q * r + 0x1.27e4db646b17ep-22
    q = q * r + 0x1.71de0231960ebp-19
    q = q * r + 0x1.a01a01a6d889cp-16
    q = q * r + 0x1.a01a01abe7fe1p-13
    q = q * r + 0x1.6c16c16c162d4p-10
    q = q * r + 0x1.11111111100dcp-7
    q = q * r + 0x1.5555555555556p-5
    q = q * r + 0x1.5555555555557p-3
    q = q * r + 0x1.0000000000000p-1
    return r + (r * r) * q
  }

  static let log2e = 0x1.71547652b82fep+0
  static let shifter = 0x1.8p52
  /// ln 2 = ln2Hi + ln2Lo, the high part with 32 significant bits.
  static let ln2Hi = 0x1.62e42fee00000p-1
  static let ln2Lo = 0x1.a39ef35793c76p-33
}
