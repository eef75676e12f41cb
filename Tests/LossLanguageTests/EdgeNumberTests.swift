import LossLanguage
import Testing

/// Numbers at the edges that the screen and the comparison operators must agree on.
@Suite("Edge numbers")
struct EdgeNumberTests {
  @Test func log2OfAPowerOfTwoIsExact() throws {
    var session = Session()
    #expect(try session.scalar("log2(8)") == 3)
    #expect(try session.scalar("log2(8) == 3") == 1)
    #expect(try session.scalar("log2(0.125)") == -3)
    #expect(try session.scalar("log2(1024)") == 10)
  }

  @Test func roundingAHugeNumberKeepsIt() throws {
    var session = Session()
    #expect(try session.scalar("round(1e300, 10)") == 1e300)
    #expect(try session.scalar("round(-1e300, 15)") == -1e300)
    #expect(try session.scalar("round(2.71828, 2)") == 2.72)
    #expect(try session.scalar("round(1234.5, -2)") == 1200)
  }

  /// The overflow rule: finite operands give a finite result or an overflow error, never an
  /// `inf` — in reductions, losses and random draws as in arithmetic.
  @Test(arguments: [
    ("sum([1e308, 1e308])", "sum"), ("mse([1e200], [0])", "mse"),
    ("mae([1e308, -1e308], [-1e308, 1e308])", "mae"), ("logcosh([1e308], [-1e308])", "logcosh"),
    ("huber([1e308], [-1e308])", "huber"), ("rmse([1e308], [-1e308])", "rmse"),
  ])
  func finiteOperandsThatOverflowAreAnError(_ line: String, _ operation: String) throws {
    let error = try failure(line)
    #expect(error.problem == .engine(.overflow(operation: operation)))
  }

  @Test func aFiniteResultIsFoundEvenWhenAPartialSumOverflows() throws {
    #expect(try scalar("mean([1e308, 1e308])") == 1e308)
    #expect(try scalar("sum([1e308, 1e308, -1e308])") == 1e308)
    #expect(try scalar("mean([1e308, 1e308, -1e308, -1e308])") == 0)
    #expect(try scalar("mean([1.5e308, 1.5e308, 1.5e308])") == 1.5e308)
  }

  @Test func uniformOverTheWholeDoubleRangeStaysFinite() throws {
    let draws = try tensor("uniform(-1e308, 1e308, n=1000, seed=2)")
    #expect(draws.storage.allSatisfy { $0.isFinite && $0 >= -1e308 && $0 <= 1e308 })
    #expect(draws.storage.contains { $0 < 0 } && draws.storage.contains { $0 > 0 })
    // A finite width keeps the draws it always gave.
    #expect(try scalar("uniform(-30, 30, seed=1)") == scalar("-30 + 60 * uniform(0, 1, seed=1)"))
  }
}
