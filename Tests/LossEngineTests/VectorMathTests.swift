import Foundation
import LossEngine
import Testing

/// The vector kernels against the C library: the largest ulp distance over seeded arguments
/// (the whole useful range, dense near 0, near 1 for the logs, near each function's thresholds
/// and switch points) must stay within the bound each function's documentation states, and
/// the edges (±0, subnormals, ±∞, NaN, the overflow and underflow sides) must agree exactly.
///
/// `count` arguments per function: 250,000 keeps the suite near 4 s of CPU in a debug build
/// (`swift test` in CI; about 2.6 µs per argument, mostly the unoptimised SIMD code). More for
/// a deeper check: `VECTOR_MATH_ARGUMENTS=2000000 swift test --filter VectorMathTests` (passed
/// with the same bounds, in about 30 s of CPU).
@Suite("Vector maths against the C library")
struct VectorMathTests {
  static let count: Int = {
    let asked = ProcessInfo.processInfo.environment["VECTOR_MATH_ARGUMENTS"].flatMap { Int($0) }
    return Swift.min(Swift.max(asked ?? 250_000, 1_000), 50_000_000)
  }()

  /// `count` arguments made of `parts`, each drawn `share` of the time.
  static func arguments(
    seed: UInt64, _ parts: [(share: Double, draw: (inout ArgumentDrawer, Int) -> [Double])]
  ) -> [Double] {
    var drawer = ArgumentDrawer(seed: seed)
    var out: [Double] = []
    out.reserveCapacity(count + 3)
    for part in parts { out += part.draw(&drawer, Int(part.share * Double(count))) }
    // A count that is not a multiple of 4, so the padded tail runs too.
    return out + [0.5, -0.25, 1.5]
  }

  @Test func exp() {
    let x = Self.arguments(
      seed: 1,
      [
        (0.4, { $0.uniform($1, -746, 711) }),
        (0.2, { $0.uniform($1, -40, 40) }),
        (0.2, { $0.logUniform($1, exponents: -70...9, signed: true) }),
        (
          0.2,
          {
            $0.around(
              [
                708, -708, 709.782712893384, -708.3964185322641, -745.1332191019411,
                0x1.62e42fefa39efp-2, -0x1.62e42fefa39efp-2,
              ], ulps: 3000, count: $1)
          }
        ),
      ])
    let edges = commonEdges + [709.782712893384, 709.7827128933841, -745.1332191019412]
    let report = UlpReport.measure(
      arguments: x, edges: edges, vector: VectorMath.exp, scalar: CMath.exp)
    #expect(report.worst <= 1, "\(report)")
    #expect(report.edgeMismatches.isEmpty, "\(report)")
  }

  @Test func expm1() {
    let x = Self.arguments(
      seed: 2,
      [
        (0.3, { $0.uniform($1, -746, 711) }),
        (0.2, { $0.uniform($1, -2, 2) }),
        (0.3, { $0.logUniform($1, exponents: -80...9, signed: true) }),
        (
          0.2,
          {
            $0.around(
              [
                708, -708, 0x1.62e42fefa39efp-2, -0x1.62e42fefa39efp-2, 0x1.62e42fefa39efp-1,
                -0x1.62e42fefa39efp-1, 0x1p-54, -0x1p-54,
              ], ulps: 3000, count: $1)
          }
        ),
      ])
    let edges = commonEdges + [709.782712893384, 709.7827128933841, -750, 0x1p-54]
    let report = UlpReport.measure(
      arguments: x, edges: edges, vector: VectorMath.expm1, scalar: CMath.expm1)
    #expect(report.worst <= 2, "\(report)")
    #expect(report.edgeMismatches.isEmpty, "\(report)")
  }

  @Test func log() {
    let x = Self.arguments(
      seed: 3,
      [
        (0.3, { $0.positiveBitPatterns($1) }),
        (0.2, { $0.uniform($1, 0, 10) }),
        (
          0.3,
          { drawer, n in drawer.logUniform(n, exponents: -60...(-1), signed: true).map { 1 + $0 } }
        ),
        (
          0.2,
          {
            $0.around(
              [
                1, 2, 0.5, 0x1.6a09e667f3bcdp0, 0x1.6a09e667f3bcdp-1, .leastNormalMagnitude,
                .greatestFiniteMagnitude,
              ], ulps: 3000, count: $1)
          }
        ),
      ])
    let edges = commonEdges + [1, -1, 0x1p-1030, 0x1.8p-1074]
    let report = UlpReport.measure(
      arguments: x, edges: edges, vector: VectorMath.log, scalar: CMath.log)
    #expect(report.worst <= 1, "\(report)")
    #expect(report.edgeMismatches.isEmpty, "\(report)")
  }

  @Test func log1p() {
    let x = Self.arguments(
      seed: 4,
      [
        (
          0.3,
          { $0.logUniform($1, exponents: -80...0, signed: true).map { Swift.max($0, -0.9999) } }
        ),
        (0.2, { $0.uniform($1, -1, 10) }),
        (
          0.2,
          { drawer, n in drawer.logUniform(n, exponents: -60...(-1), signed: false).map { $0 - 1 } }
        ),
        (0.2, { $0.positiveBitPatterns($1) }),
        (
          0.1,
          {
            $0.around(
              [-1, 0x1p-54, -0x1p-54, 0x1.6a09e667f3bcdp0 - 1, 0x1.6a09e667f3bcdp-1 - 1, 1e300],
              ulps: 3000, count: $1)
          }
        ),
      ])
    let edges = commonEdges + [-1, -1.5, Double(-1).nextDown, Double(-1).nextUp, 0x1p-54]
    let report = UlpReport.measure(
      arguments: x, edges: edges, vector: VectorMath.log1p, scalar: CMath.log1p)
    #expect(report.worst <= 2, "\(report)")
    #expect(report.edgeMismatches.isEmpty, "\(report)")
  }

  @Test func tanh() {
    let x = Self.arguments(
      seed: 5,
      [
        (0.3, { $0.uniform($1, -25, 25) }),
        (0.2, { $0.uniform($1, -2, 2) }),
        (0.3, { $0.logUniform($1, exponents: -80...5, signed: true) }),
        (0.2, { $0.around([1, -1, 22, -22, 0x1p-54, -0x1p-54, 0x1p-27], ulps: 3000, count: $1) }),
      ])
    let edges = commonEdges + [22, -22, Double(22).nextUp, 1e10, -1e10]
    let report = UlpReport.measure(
      arguments: x, edges: edges, vector: VectorMath.tanh, scalar: CMath.tanh)
    #expect(report.worst <= 3, "\(report)")
    #expect(report.edgeMismatches.isEmpty, "\(report)")
  }

  @Test func sigmoid() {
    let x = Self.arguments(
      seed: 6,
      [
        (0.3, { $0.uniform($1, -750, 750) }),
        (0.3, { $0.uniform($1, -40, 40) }),
        (0.2, { $0.logUniform($1, exponents: -80...9, signed: true) }),
        (0.2, { $0.around([708, -708, 1e-3, 37, -37], ulps: 3000, count: $1) }),
      ])
    let edges = commonEdges + [745.2, -745.2, 1000, -1000]
    let report = UlpReport.measure(
      arguments: x, edges: edges, vector: VectorMath.sigmoid, scalar: VectorMath.sigmoid)
    #expect(report.worst <= 2, "\(report)")
    #expect(report.edgeMismatches.isEmpty, "\(report)")
  }

  /// Every count from 0 to 9 (whole groups of four, a padded tail, both) and the in-place form
  /// give the lane results.
  @Test func countsAndInPlace() {
    for n in 0..<10 {
      let x = (0..<n).map { Double($0) * 0.7 - 2 }
      let expected = x.map { VectorMath.exp(VectorMath.Lanes(repeating: $0))[0] }
      #expect(UlpReport.apply(VectorMath.exp, to: x) == expected)
      var inPlace = x
      inPlace.withUnsafeMutableBufferPointer { VectorMath.exp(inPlace: $0) }
      #expect(inPlace == expected)
    }
  }
}
