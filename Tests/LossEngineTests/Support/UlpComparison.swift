import LossEngine

/// Distances in units in the last place, and the arguments the vector-maths tests draw.
enum Ulp {
  /// How many doubles lie between `a` and `b` (0 for the same number; +0 and −0 count as the
  /// same); two NaNs agree, NaN against a number is as far as it gets.
  static func distance(_ a: Double, _ b: Double) -> UInt64 {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .max }
    let (difference, overflow) = ordered(a).subtractingReportingOverflow(ordered(b))
    return overflow ? .max : difference.magnitude
  }

  /// Bit patterns renumbered so that consecutive doubles get consecutive integers.
  private static func ordered(_ x: Double) -> Int64 {
    let i = Int64(bitPattern: x.bitPattern)
    return i < 0 ? Int64.min &- i : i
  }

  /// The same double, bit for bit, or both NaN: what an edge case must give.
  static func identical(_ a: Double, _ b: Double) -> Bool {
    a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
  }
}

/// The worst disagreement of a vector function with its scalar reference over some arguments.
struct UlpReport: CustomStringConvertible {
  var worst: UInt64 = 0
  var worstArgument = Double.nan
  /// Edge arguments whose result was not bit-identical.
  var edgeMismatches: [Double] = []

  var description: String {
    "worst \(worst) ulp at \(worstArgument) (bits \(String(worstArgument.bitPattern, radix: 16)))"
      + (edgeMismatches.isEmpty ? "" : ", edges differing at \(edgeMismatches.prefix(8))")
  }

  /// Runs `vector` over `arguments` and `edges` (as one buffer each, so the lanes and the
  /// padded tail both run) and compares every result with `scalar`.
  static func measure(
    arguments: [Double], edges: [Double],
    vector: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void,
    scalar: (Double) -> Double
  ) -> UlpReport {
    var report = UlpReport()
    let results = apply(vector, to: arguments)
    for (x, y) in zip(arguments, results) {
      let d = Ulp.distance(y, scalar(x))
      if d > report.worst { (report.worst, report.worstArgument) = (d, x) }
    }
    for (x, y) in zip(edges, apply(vector, to: edges)) where !Ulp.identical(y, scalar(x)) {
      report.edgeMismatches.append(x)
    }
    return report
  }

  static func apply(
    _ vector: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void,
    to arguments: [Double]
  ) -> [Double] {
    [Double](unsafeUninitializedCapacity: arguments.count) { out, initialized in
      arguments.withUnsafeBufferPointer { vector($0, out) }
      initialized = arguments.count
    }
  }
}

/// Seeded arguments for the vector-maths tests.
struct ArgumentDrawer {
  var random: SeededGenerator

  init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  /// Uniform in [low, high].
  mutating func uniform(_ count: Int, _ low: Double, _ high: Double) -> [Double] {
    (0..<count).map { _ in random.uniform(from: low, to: high) }
  }

  /// ±m·2ᵉ with e uniform in `exponents` and a random mantissa: every scale equally often.
  mutating func logUniform(_ count: Int, exponents: ClosedRange<Int>, signed: Bool) -> [Double] {
    (0..<count).map { _ in
      let e = integer(in: exponents)
      let m = 1 + random.unitInterval()
      let x = Double(sign: .plus, exponent: e, significand: m)
      return signed && random.next() & 1 == 1 ? -x : x
    }
  }

  /// Doubles within `ulps` steps of each of `centres` (finite and nonzero).
  mutating func around(_ centres: [Double], ulps: Int, count: Int) -> [Double] {
    (0..<count).map { i in
      let centre = centres[i % centres.count]
      let steps = Int64(integer(in: -ulps...ulps))
      let bits = Int64(bitPattern: centre.magnitude.bitPattern) + steps
      return Double(sign: centre.sign, exponent: 0, significand: Double(bitPattern: UInt64(bits)))
    }
  }

  /// An integer in `range` (the modulo's bias is immaterial here).
  mutating func integer(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(random.next() % UInt64(range.count))
  }

  /// Random bit patterns of positive finite doubles (all exponents, subnormals included).
  mutating func positiveBitPatterns(_ count: Int) -> [Double] {
    (0..<count).map { _ in
      Double(bitPattern: random.next() % Double.greatestFiniteMagnitude.bitPattern)
    }
  }
}

/// Arguments every function must map exactly as the C library does.
let commonEdges: [Double] = [
  0, -0.0, .infinity, -.infinity, .nan, -.nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
  .leastNormalMagnitude, -.leastNormalMagnitude, Double.leastNormalMagnitude.nextDown,
  -Double.leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
  0x1p-1060, -0x1p-1060, 0x1p-60, -0x1p-60,
]
