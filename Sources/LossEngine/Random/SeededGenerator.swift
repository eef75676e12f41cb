/// A seedable random number generator: SplitMix64 (Steele, Lea & Flood 2014, as in Vigna's
/// reference C code), so the same seed gives the same numbers on every platform and Swift
/// version.
///
/// The system generator cannot be seeded, and the standard library's `Double.random(in:using:)`
/// does not promise to keep its algorithm, so lessons (data seeded per learner), weight
/// initialisation and tests draw through the helpers here instead:
///
///     var random = SeededGenerator(seed: 42)
///     random.uniform(in: -1...1)   // the same number every run
///     random.normal(mean: 0, standardDeviation: 0.1)
///
/// SplitMix64 passes BigCrush, needs one 64-bit word of state and any seed (0 included) is
/// fine. Integer outputs are bit-identical everywhere; `normal` also uses `log` and `sqrt`, so
/// its last bit could differ between C libraries whose `log` rounds differently.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64
  /// The second value of the last polar-method pair, handed out by the next `normal` call.
  private var spareNormal: Double?

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func unitInterval() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform double in `range` (the upper bound is reached only through rounding).
  public mutating func uniform(in range: ClosedRange<Double>) -> Double {
    uniform(from: range.lowerBound, to: range.upperBound)
  }

  /// A uniform double in `range`, never equal to its upper bound.
  public mutating func uniform(in range: Range<Double>) -> Double {
    let value = uniform(from: range.lowerBound, to: range.upperBound)
    return value < range.upperBound ? value : range.upperBound.nextDown
  }

  /// `low + (high − low)·u` for u uniform in [0, 1); `low` may exceed `high`. When the width
  /// passes the largest double (`-1e308` to `1e308`) it is taken in two halves, so finite
  /// bounds always give a finite number between them.
  public mutating func uniform(from low: Double, to high: Double) -> Double {
    let u = unitInterval()
    let width = high - low
    if width.isFinite || !low.isFinite || !high.isFinite { return low + width * u }
    let halfStep = (high / 2 - low / 2) * u
    return low + halfStep + halfStep
  }

  /// A normally distributed double (Marsaglia's polar method: no trigonometry, pairs cached).
  public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return mean + standardDeviation * spare
    }
    while true {
      let u = 2 * unitInterval() - 1
      let v = 2 * unitInterval() - 1
      let radiusSquared = u * u + v * v
      guard radiusSquared > 0, radiusSquared < 1 else { continue }
      let factor = (-2 * CMath.log(radiusSquared) / radiusSquared).squareRoot()
      spareNormal = v * factor
      return mean + standardDeviation * u * factor
    }
  }

  /// `count` uniform doubles in `range`.
  public mutating func uniformValues(_ count: Int, in range: ClosedRange<Double>) -> [Double] {
    (0..<count).map { _ in uniform(in: range) }
  }

  /// `count` normal doubles.
  public mutating func normalValues(
    _ count: Int, mean: Double = 0, standardDeviation: Double = 1
  ) -> [Double] {
    (0..<count).map { _ in normal(mean: mean, standardDeviation: standardDeviation) }
  }
}
