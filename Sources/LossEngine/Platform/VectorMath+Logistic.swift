/// The S-shaped functions, built on the vector exp and expm1: tanh and the logistic σ.
extension VectorMath {
  /// tanh x, within 3 ulp of the C library's `tanh` (checked over 2,000,000 seeded arguments by `VectorMathTests`); exact
  /// for |x| < 2⁻⁵⁴ (x itself).
  ///
  /// With a = |x|: −t/(t + 2), t = expm1(−2a), below a = 1 (no cancellation near 0), and
  /// 1 − 2/(t + 2), t = expm1(2a), from 1 on; one division serves both. The sign is x's. The
  /// fast range is |x| ≤ 22; beyond it (where tanh rounds to ±1) and for NaN the lane is the C
  /// function's.
  @inline(__always)
  package static func tanh(_ x: Lanes) -> Lanes {
    let a = x.magnitude
    let fast = a .<= 22
    let below = a .< 1
    let t = expm1Core((2 * a).replacing(with: -2 * a, where: below))
    let ratio = Lanes(repeating: 2).replacing(with: -t, where: below) / (t + 2)
    let size = (1 - ratio).replacing(with: ratio, where: below).magnitude
    let signed = Lanes(bits: size.bits | (x.bits & 0x8000_0000_0000_0000))
    let result = signed.replacing(with: x, where: a .< 0x1p-54)
    return all(fast) ? result : patched(result, arguments: x, fast: fast, CMath.tanh)
  }

  /// σ(x) = 1/(1 + e⁻ˣ) for x ≥ 0 and eˣ/(1 + eˣ) below, within 2 ulp of the scalar `sigmoid`
  /// below (the same formula on the C library's `exp`; checked over 2,000,000 seeded arguments by `VectorMathTests`): both forms
  /// share t = e^−|x| and one division.
  ///
  /// The fast range is |x| ≤ 708; beyond it and for NaN the lane is the scalar formula's.
  @inline(__always)
  package static func sigmoid(_ x: Lanes) -> Lanes {
    let fast = x.magnitude .<= 708
    let (r, scale) = reduced(-x.magnitude)
    let t = scale * (1 + expMinusOne(r))
    let result = Lanes(repeating: 1).replacing(with: t, where: x .< 0) / (1 + t)
    return all(fast) ? result : patched(result, arguments: x, fast: fast, sigmoid)
  }

  /// The logistic function on one number, stable on both sides (no overflow for large |x|).
  @inline(__always)
  package static func sigmoid(_ x: Double) -> Double {
    if x >= 0 {
      return 1 / (1 + CMath.exp(-x))
    }
    let e = CMath.exp(x)
    return e / (1 + e)
  }

  package static func tanh(
    _ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>
  ) {
    map(x, into: y, padding: 0, tanh)
  }

  package static func sigmoid(
    _ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>
  ) {
    map(x, into: y, padding: 0, sigmoid)
  }
}
