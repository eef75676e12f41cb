import Testing

@testable import LineEditor

@Suite("Prompt escapes for libedit")
struct PromptTextTests {
  let green = "\u{1B}[1;32m"
  let reset = "\u{1B}[0m"

  @Test("every escape sequence is wrapped in ignore markers when colour is on")
  func wraps() {
    let prompt = "\(green)λ\(reset)> "
    #expect(
      PromptText.forLibedit(prompt, color: true, asciiOnly: false)
        == "\u{01}\(green)\u{02}λ\u{01}\(reset)\u{02}> ")
  }

  @Test("escape sequences are dropped when colour is off")
  func strips() {
    #expect(PromptText.forLibedit("\(green)λ\(reset)> ", color: false, asciiOnly: false) == "λ> ")
  }

  @Test("a plain prompt passes through unchanged")
  func plain() {
    #expect(PromptText.forLibedit("demo> ", color: true, asciiOnly: false) == "demo> ")
  }

  @Test("a prompt that is already wrapped is not wrapped twice")
  func alreadyWrapped() {
    let wrapped = "\u{01}\(green)\u{02}>\u{01}\(reset)\u{02} "
    #expect(PromptText.forLibedit(wrapped, color: true, asciiOnly: false) == wrapped)
  }

  @Test("without a UTF-8 locale non-ASCII text is dropped but colour stays")
  func asciiOnly() {
    #expect(
      PromptText.forLibedit("\(green)λ\(reset)> ", color: true, asciiOnly: true)
        == "\u{01}\(green)\u{02}\u{01}\(reset)\u{02}> ")
  }

  @Test(
    "recognises CSI, OSC and two-character sequences",
    arguments: [
      ("\u{1B}[38;5;208mx", ["\u{1B}[38;5;208m"], "x"),
      ("\u{1B}]0;title\u{07}x", ["\u{1B}]0;title\u{07}"], "x"),
      ("\u{1B}]8;;https://a\u{1B}\\x", ["\u{1B}]8;;https://a\u{1B}\\"], "x"),
      ("\u{1B}(Bx", ["\u{1B}("], "Bx"),
      ("x\u{1B}", ["\u{1B}"], "x"),
    ])
  func segments(prompt: String, escapes: [String], text: String) {
    let segments = PromptText.segments(of: prompt)
    let foundEscapes = segments.compactMap { segment -> String? in
      if case .escape(let sequence) = segment { return sequence }
      return nil
    }
    #expect(foundEscapes == escapes)
    #expect(PromptText.visible(prompt) == text)
  }
}
