/// The bounds the probability losses (`bce`, `cce`, `focal`) clip to before taking a log.
///
/// log(0) = −∞ would make one confident mistake swamp every other term, so the probability a
/// model gave to what actually happened is clipped to [1e-15, 1 − 1e-15]: one element then
/// costs at most −ln(1e-15) ≈ 34.539. Where clipping is active the gradient is 0, because the
/// clipped value no longer depends on p (Keras's rule with a tighter bound; PyTorch instead
/// clamps each log at −100). See loss-conventions §1–§2.
public enum ProbabilityClipping {
  public static let lowerBound = 1e-15
  public static let upperBound = 1 - 1e-15
  /// −ln(lowerBound), the most one element can cost.
  public static let largestTerm = -CMath.log(lowerBound)

  /// `probability` moved into [lowerBound, upperBound].
  @inline(__always)
  static func clipped(_ probability: Double) -> Double {
    Swift.min(Swift.max(probability, lowerBound), upperBound)
  }
}
