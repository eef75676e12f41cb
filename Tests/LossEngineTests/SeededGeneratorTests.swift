import LossEngine
import TestSupport
import Testing

@Suite("Seeded generator")
struct SeededGeneratorTests {
  /// Outputs of Vigna's reference splitmix64.c for seed 1234567 (also in Java's
  /// SplittableRandom test vectors).
  @Test func matchesTheReferenceSplitMix64() {
    var random = SeededGenerator(seed: 1_234_567)
    #expect(
      (0..<5).map { _ in random.next() } == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
        4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
      ])
    var fromZero = SeededGenerator(seed: 0)
    #expect(fromZero.next() == 0xE220_A839_7B1D_CDAF)
  }

  @Test func sameSeedSameNumbersOtherSeedOtherNumbers() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    var c = SeededGenerator(seed: 43)
    let first = (a.uniformValues(10, in: -1...1), a.normalValues(5))
    let second = (b.uniformValues(10, in: -1...1), b.normalValues(5))
    #expect(first.0 == second.0 && first.1 == second.1)
    #expect(first.0 != c.uniformValues(10, in: -1...1))
  }

  @Test func uniformStaysInItsRange() {
    var random = SeededGenerator(seed: 7)
    for _ in 0..<10_000 {
      let unit = random.unitInterval()
      #expect(unit >= 0 && unit < 1)
      let closed = random.uniform(in: -3...5)
      #expect(closed >= -3 && closed <= 5)
      let open = random.uniform(in: 2.0..<2.5)
      #expect(open >= 2 && open < 2.5)
    }
  }

  /// The bits become the first 53 of the output: the unit interval is exact.
  @Test func unitIntervalUsesTheTop53Bits() {
    var random = SeededGenerator(seed: 1_234_567)
    #expect(random.unitInterval() == Double(6_457_827_717_110_365_317 >> 11) * 0x1p-53)
  }

  @Test func normalHasTheRequestedMeanAndSpread() {
    var random = SeededGenerator(seed: 11)
    let n = 100_000
    let values = random.normalValues(n, mean: 2, standardDeviation: 0.5)
    let mean = values.reduce(0, +) / Double(n)
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
    // Standard errors: 0.5/√n ≈ 0.0016 for the mean, about 0.0022 for the deviation.
    #expect(Swift.abs(mean - 2) < 0.01)
    #expect(Swift.abs(variance.squareRoot() - 0.5) < 0.01)
    // About 68.3% within one deviation.
    let within = values.filter { Swift.abs($0 - 2) < 0.5 }.count
    #expect(Swift.abs(Double(within) / Double(n) - 0.6827) < 0.01)
  }

  /// Works with the standard library's generator-taking APIs.
  @Test func drivesStandardLibraryShuffles() {
    var a = SeededGenerator(seed: 5)
    var b = SeededGenerator(seed: 5)
    #expect(Array(0..<20).shuffled(using: &a) == Array(0..<20).shuffled(using: &b))
  }
}
