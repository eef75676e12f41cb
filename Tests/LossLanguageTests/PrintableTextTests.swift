import LossLanguage
import Testing

@Suite("Text from files is made printable")
struct PrintableTextTests {
  static let cases: [(String, String)] = [
    ("plain text, unchanged", "plain text, unchanged"),
    ("\u{1B}]0;title\u{07}", "^[]0;title^G"),
    ("clear\u{1B}[2J", "clear^[[2J"),
    ("a\rb", "a^Mb"),
    ("del\u{7F}", "del^?"),
    ("csi\u{9B}2J", "csi<U+009B>2J"),
    ("\u{202E}reversed\u{2066}", "<U+202E>reversed<U+2066>"),
    ("nul\u{0}", "nul^@"),
    ("tab\there", "tab here"),
    ("π and emoji 👩‍🔬 stay", "π and emoji 👩‍🔬 stay"),
  ]

  @Test(arguments: cases)
  func controlCharactersBecomeVisible(_ text: String, _ shown: String) {
    #expect(PrintableText.sanitized(text) == shown)
  }

  @Test func newlinesAreKeptOnlyWhereTheFormatAllowsThem() {
    #expect(PrintableText.sanitized("one\ntwo\u{2028}three") == "one\ntwo\nthree")
    #expect(
      PrintableText.sanitized("name\nwith newline", keepingNewlines: false) == "name^Jwith newline")
  }

  @Test func theFirstControlCharacterIsFoundForCode() {
    #expect(PrintableText.firstControlCharacter(in: "x = 1\u{1B}") ?? (0, "") == (5, "^["))
    #expect(PrintableText.firstControlCharacter(in: "x = 1\n\ty = 2") == nil)
  }

  @Test func nothingAControlCharacterCanSurvive() {
    for value in UInt32(0)...0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let shown = PrintableText.sanitized("a\(Character(scalar))b", keepingNewlines: false)
      #expect(
        !shown.unicodeScalars.contains {
          $0.properties.generalCategory == .control
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }, "U+\(String(value, radix: 16))")
    }
  }
}
