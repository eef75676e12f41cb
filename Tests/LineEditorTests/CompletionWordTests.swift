import Testing

@testable import LineEditor

@Suite("The word Tab completes")
struct CompletionWordTests {
  @Test(
    "the word ends at the cursor and starts after a break character",
    arguments: [
      ("hub", 3, "hub"),
      ("mse(p, hu", 9, "hu"),
      ("loss(hu", 7, "hu"),
      (":les", 4, ":les"),
      (":lesson cross-ent", 17, "cross-ent"),
      ("x = ma", 6, "ma"),
      ("huber xyz", 3, "hub"),
      ("abc ", 4, ""),
      ("", 0, ""),
      ("é hu", 4, "hu"),
      ("hub", 99, "hub"),
      ("hub", -1, ""),
    ])
  func prefix(line: String, cursor: Int, expected: String) {
    #expect(CompletionWord.prefix(in: line, cursor: cursor) == expected)
  }

  @Test("libedit's scalar cursor becomes a Character offset")
  func scalarToCharacterOffset() {
    #expect(characterOffset(ofScalarOffset: 3, in: "hub") == 3)
    #expect(characterOffset(ofScalarOffset: 4, in: "é hu") == 4)
    // "e" + combining acute accent: two scalars, one Character.
    #expect(characterOffset(ofScalarOffset: 4, in: "e\u{301} hu") == 3)
    #expect(characterOffset(ofScalarOffset: 10, in: "ab") == 2)
  }
}
