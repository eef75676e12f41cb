import Testing

@testable import LineEditor

@Suite("PipeLineSource")
struct PipeLineSourceTests {
  /// A reader over fixed lines, as `readLine()` would return them.
  final class Lines: @unchecked Sendable {
    private var remaining: [String]
    init(_ lines: [String]) { remaining = lines }
    func read() -> String? { remaining.isEmpty ? nil : remaining.removeFirst() }
  }

  @Test("returns each line as read, then end of input")
  func linesThenEOF() {
    let lines = Lines(["mse(p, y)", "", "  héllo  "])
    var source = PipeLineSource(read: lines.read)
    #expect(source.next(prompt: "> ") == .line("mse(p, y)"))
    #expect(source.next(prompt: "> ") == .line(""))
    #expect(source.next(prompt: "> ") == .line("  héllo  "))
    #expect(source.next(prompt: "> ") == .eof)
    #expect(source.next(prompt: "> ") == .eof)
    source.close()
  }

  @Test("a read cut short by Ctrl-C is an interrupt, not the end of input")
  func interruptedRead() {
    var source = PipeLineSource(read: { nil }, interrupted: { true })
    #expect(source.next(prompt: "> ") == .interrupt)
  }
}
