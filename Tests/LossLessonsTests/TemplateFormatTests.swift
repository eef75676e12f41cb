import LossLanguage
import Testing

@testable import LossLessons

@Suite("Template number formats")
struct TemplateFormatTests {
  static let cases: [(String, String)] = [
    ("1e20 :,.2f", "100,000,000,000,000,000,000.00"),
    ("1e20 :.0f", "100000000000000000000"),
    ("-1234567.125 :,.2f", "-1,234,567.12"),
    ("31.6 :.2f", "31.60"),
    ("2.675 :.2f", "2.67"),
    ("2500000000 :,", "2,500,000,000"),
    ("1.5e20 :,", "1.5e+20"),
    ("-0.0001 :.3f", "0.000"),
  ]

  @Test(arguments: cases)
  func formats(_ hole: String, _ shown: String) throws {
    #expect(try TemplateRenderer.fill(hole, in: Interpreter()) == shown)
  }

  @Test func aHugeNumberWithDecimalsKeepsAllItsDigits() throws {
    let shown = try TemplateRenderer.fill("1e300 :.12f", in: Interpreter())
    #expect(shown.hasPrefix("10000000000000000525047602552044202487"))
    #expect(shown.hasSuffix(".000000000000"))
    #expect(shown.count == 301 + 13)
  }
}
