import LossShell
import Testing

@testable import LossTerminal

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return state &* 2_685_821_657_736_338_717
  }
}

@Suite("Hostile input")
struct FuzzTests {
  static let hostile = [
    "", ")", "(((", "]]]", "\"", "\"unclosed", "watch", "watch )", "watch (", "unwatch -1",
    "unwatch 99999999999999999999", "help " + String(repeating: "x", count: 5000), ":", "::",
    "quit extra words",
    "help(", "p[0] = 1", "mse(", "é = 1", "help é", "def", "def f(", "def f(x) = f(x)", "vars vars",
    "history 3",
    "reset now", "1e999", "-1e999 * 0", "0/0", "[[1, 2], [3]]", String(repeating: "[", count: 5000),
    String(repeating: "1 + ", count: 3000) + "1", "mse([], [])", "mse(1e308, -1e308)", "w = [1, 2]",
    "w[3] = 1",
    "watch w[9]", "w = 1", "grad(grad(w, w), w)", "help(mse", "exit(", "\t\t", "# only", "quit = 3",
    "quit",
  ]

  @Test func hostileLinesNeverCrashAndAlwaysFit() {
    var session = ShellSession()
    let narrow = Renderer(style: .plain, width: 20)
    let wide = Renderer(style: .color, width: 100)
    for line in Self.hostile {
      let events = session.handle(line: line)
      for event in events {
        for text in narrow.lines(for: event) { #expect(text.count <= 20, "\(line): \(text)") }
        _ = wide.render(event)
      }
      _ = session.completions(line: line, cursor: line.utf8.count / 2)
      _ = session.completions(line: line, cursor: -3)
    }
    _ = session.interrupt()
    _ = session.endOfInput()
  }

  @Test func randomLinesNeverCrash() {
    let pieces = [
      "(", ")", "[", "]", ",", " ", "=", "+", "-", "*", "/", "^", "@", "<", "==", "#", "\"", "1",
      "0", "2.5", "1e3",
      "w", "p", "y", "mse", "log", "sum", "mean", "grad", "def ", "sq", "help ", "watch ",
      "unwatch ", "vars", "x",
      "linspace(0, 1, 50)", "[1, 2, 3]", "p[2]", "delta=",
    ]
    var generator = SeededGenerator(state: 0x1234_5678_9ABC_DEF1)
    var session = ShellSession()
    _ = session.handle(line: "p = [1, 2, 3]")
    _ = session.handle(line: "y = [1, 1, 2]")
    _ = session.handle(line: "w = 0.5")
    _ = session.handle(line: "watch mse(w * p, y)")
    let renderer = Renderer(style: .plain, width: 40)
    for _ in 0..<1500 {
      let count = Int.random(in: 1...12, using: &generator)
      let line = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      }.joined()
      let events = session.handle(line: line)
      for event in events {
        for text in renderer.lines(for: event) { #expect(text.count <= 40, "\(line): \(text)") }
      }
      _ = session.completions(
        line: line, cursor: Int.random(in: 0...(line.utf8.count + 2), using: &generator))
      if session.isContinuing, Int.random(in: 0..<3, using: &generator) == 0 {
        _ = session.interrupt()
      }
      if session.shouldExit { session = ShellSession() }
    }
  }
}
