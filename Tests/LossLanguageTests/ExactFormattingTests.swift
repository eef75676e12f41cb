import LossEngine
import Testing

@testable import LossLanguage

@Suite("Number formatting is exact for every finite double")
struct ExactFormattingTests {
  static let largest =
    "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558"
    + "632766878171540458953514382464234321326889464182768467546703537516986049910576551282076"
    + "245490090389328944075868508455133942304583236903222948165808559332123348274797826204144"
    + "723168738177180919299881250404026184124858368"

  /// 1e300 as printed by C's and Python's `%.12f` (1e300 is not exactly 10^300).
  static let e300 =
    "100000000000000005250476025520442024870446858110815915491585411551180245798890819578637137"
    + "508044786404370444383288387817694252323536043057564479218478670698284838720092657580373783"
    + "023379478809005936895323497079994508111903896764088007465274278014249457925878882005684283"
    + "8115669472196386865459400540160"

  @Test func hugeNumbersKeepEveryDigitAndTheirDecimals() {
    #expect(
      ValueFormatter.fixed(1e300, decimals: 12, padded: true)
        == Self.e300 + ".000000000000")
    #expect(ValueFormatter.fixed(1e20, decimals: 2, padded: true) == "100000000000000000000.00")
    #expect(ValueFormatter.fixed(.greatestFiniteMagnitude, decimals: 0) == Self.largest)
    #expect(ValueFormatter.fixed(-.greatestFiniteMagnitude, decimals: 3) == "-" + Self.largest)
  }

  @Test func roundingIsOnTheExactValueHalfToEven() {
    #expect(ValueFormatter.fixed(0.125, decimals: 2) == "0.12")  // an exact tie
    #expect(ValueFormatter.fixed(0.375, decimals: 2) == "0.38")  // an exact tie, odd before it
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
    #expect(ValueFormatter.fixed(2.675, decimals: 2) == "2.67")
    #expect(ValueFormatter.fixed(9.995, decimals: 2) == "9.99")
    #expect(ValueFormatter.fixed(9.9951, decimals: 2) == "10")
    #expect(ValueFormatter.fixed(9.9951, decimals: 2, padded: true) == "10.00")
    #expect(ValueFormatter.fixed(-0.001, decimals: 2) == "0")
    #expect(ValueFormatter.fixed(0.1, decimals: 20, padded: true) == "0.10000000000000000555")
  }

  @Test func theSmallestNumbers() {
    #expect(
      ValueFormatter.scientific(.leastNonzeroMagnitude, significantDigits: 17)
        == "4.9406564584124654e-324")
    #expect(ValueFormatter.number(.leastNormalMagnitude) == "2.22507e-308")
    #expect(ValueFormatter.number(1e-300) == "1e-300")
  }

  @Test func seventeenDigitsAlwaysReadBackAsTheSameDouble() {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<2_000 {
      let x = Double(bitPattern: generator.next())
      guard x.isFinite else { continue }
      #expect(Double(ValueFormatter.scientific(x, significantDigits: 17)) == x)
      #expect(Double(ValueFormatter.number(x, significantDigits: 17)) == x)
    }
  }

  @Test func thousandsAreGroupedOnlyInTheLeadingWholeDigits() {
    #expect(
      ValueFormatter.groupingThousands("100000000000000000000.00")
        == "100,000,000,000,000,000,000.00")
    #expect(ValueFormatter.groupingThousands("-1234567.125") == "-1,234,567.125")
    #expect(ValueFormatter.groupingThousands("999") == "999")
    #expect(ValueFormatter.groupingThousands("1.5e+20") == "1.5e+20")
    #expect(ValueFormatter.grouped(-2_500_000_000) == "-2,500,000,000")
  }
}
