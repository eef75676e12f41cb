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
}
