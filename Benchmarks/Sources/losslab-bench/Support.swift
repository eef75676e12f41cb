#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SplitMix64, element by element: element i (from 0) is the mix of `seed + (i + 1)·γ`.
///
/// `numpy_peer.py` computes the same sequence with vectorised uint64 arithmetic, so both sides
/// time bit-identical inputs and their loss values can be compared.
struct SplitMix64 {
  static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= SplitMix64.gamma
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1) with 53 random bits.
  mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// `count` uniform draws from stream `stream` of `seed`, mapped by `transform`.
  static func array(seed: UInt64, stream: UInt64, count: Int, _ transform: (Double) -> Double)
    -> [Double]
  {
    var generator = SplitMix64(seed: seed &+ stream)
    return (0..<count).map { _ in transform(generator.nextUnit()) }
  }
}

/// Monotonic wall-clock seconds.
@inline(__always)
func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Keeps results observable so the optimiser cannot drop the timed work.
nonisolated(unsafe) var sink = 0.0

/// Runs `body` `warmup` times, then `repetitions` times; returns the best time and the last value.
func bestOf(warmup: Int, repetitions: Int, _ body: () throws -> Double) rethrows -> (
  seconds: Double, value: Double
) {
  var value = 0.0
  for _ in 0..<warmup { value = try body() }
  var best = Double.infinity
  for _ in 0..<repetitions {
    let start = now()
    value = try body()
    best = min(best, now() - start)
  }
  sink += value
  return (best, value)
}
