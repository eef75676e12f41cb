import Foundation
import TestSupport
import Testing

/// `LibeditLineSource` with real keys on a real pseudo-terminal: `line-editor-demo` runs inside
/// tmux, and the tests read the rendered screen. Every wait polls with a timeout; none sleeps.
/// Keys are sent only once the editor reads key by key (``TmuxSession/waitUntilEditing``),
/// as a person would type after seeing the prompt.
@Suite("libedit on a pseudo-terminal", .timeLimit(.minutes(1)))
struct LibeditPseudoTerminalTests {
  let demo: DemoProgram

  init() throws {
    demo = try DemoProgram()
  }

  @Test("the prompt appears and the cursor sits right after it")
  func promptAppears() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.waitForPrompt()
    #expect(try session.cursor().column == 6)
  }

  @Test("Tab completes a unique word and appends a space")
  func tabCompletes() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.waitForPrompt()
    try session.type("hub")
    try session.send(keys: "Tab")
    try await session.waitForCursorLine("demo> huber")
    try session.type("x")
    try session.send(keys: "Enter")
    try await session.waitFor("got: huber x")
  }

  @Test("two Tabs list the candidates")
  func twoTabsList() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.waitForPrompt()
    try session.type("h")
    try session.send(keys: "Tab", "Tab")
    let screen = try await session.waitFor("a line listing hinge and huber") { screen in
      screen.split(separator: "\n").contains { $0.contains("hinge") && $0.contains("huber") }
    }
    #expect(!screen.contains("mse"), "only candidates for the word 'h' are listed")
  }

  @Test("completion sees the cursor, not the end of the line, also after non-ASCII text")
  func completionAtCursor() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.waitForPrompt()
    try session.type("é hu xyz")
    try session.send(keys: "Left", "Left", "Left", "Left", "Tab")
    try await session.waitForCursorLine("demo> é huber  xyz")
    try session.send(keys: "Enter")
    try await session.waitFor("got: é huber  xyz")
  }

  @Test("no candidates means no completion, never file names")
  func noFileNameFallback() async throws {
    defer { demo.removeScratch() }
    // A directory where libedit's file-name fallback would complete "Pack" to "Package.swift".
    let directory = try demo.makeDirectory("work")
    try Data().write(to: directory.appendingPathComponent("Package.swift"))
    let session = try demo.start(directory: directory)
    defer { session.close() }
    try await session.waitForPrompt()
    try session.type("Pack")
    try session.send(keys: "Tab", "Enter")
    let screen = try await session.waitFor("got: Pack")
    #expect(!screen.contains("Package.swift"), Comment(rawValue: session.framed(screen)))
  }

  @Test("Up recalls earlier lines, also after a restart; the file is private")
  func historyPersists() async throws {
    defer { demo.removeScratch() }
    let first = try demo.start()
    defer { first.close() }
    for (count, line) in ["mse", "mae", "mae", " ", ""].enumerated() {
      try await first.enter(line)
      // tmux trims trailing blanks, so the echo of a blank line reads "got:".
      try await first.waitFor("\(count + 1) lines echoed") {
        $0.components(separatedBy: "got:").count == count + 2
      }
    }
    try await first.waitForPrompt()
    try first.send(keys: "Up", "Up")
    try await first.waitForCursorLine("demo> mse")
    try first.send(keys: "Enter")
    try await first.waitFor("the recalled line echoed") {
      $0.components(separatedBy: "got: mse").count == 3
    }
    try await first.waitForPrompt()
    try first.send(keys: "C-d")
    #expect(try await first.waitForExit() == 0)

    // Blank lines and an immediate repeat are not kept.
    #expect(try demo.historyEntries() == ["mse", "mae", "mse"])
    let file = try FileManager.default.attributesOfItem(atPath: demo.history.path)
    #expect((file[.posixPermissions] as? Int) == 0o600)
    let directory = try FileManager.default.attributesOfItem(
      atPath: demo.history.deletingLastPathComponent().path)
    #expect((directory[.posixPermissions] as? Int) == 0o700)

    // After a restart: Up shows the newest saved line; entering it again adds nothing, since it
    // repeats the last entry loaded from the file.
    let second = try demo.start()
    defer { second.close() }
    try await second.waitForPrompt()
    try second.send(keys: "Up")
    try await second.waitForCursorLine("demo> mse")
    try second.send(keys: "Enter")
    try await second.waitFor("got: mse")
    try await second.waitForPrompt()
    try second.send(keys: "Up", "Up")
    try await second.waitForCursorLine("demo> mae")
    try second.send(keys: "Enter")
    try await second.waitFor("got: mae")
    try await second.waitForPrompt()
    try second.send(keys: "C-d")
    #expect(try await second.waitForExit() == 0)
    #expect(try demo.historyEntries() == ["mse", "mae", "mse", "mae"])
  }

  @Test("a history file in another format is reported once, then left untouched")
  func foreignHistoryFile() async throws {
    defer { demo.removeScratch() }
    let foreign = "ls -la\ncd /tmp\n"
    try FileManager.default.createDirectory(
      at: demo.history.deletingLastPathComponent(), withIntermediateDirectories: true)
    try foreign.write(to: demo.history, atomically: true, encoding: .utf8)

    let session = try demo.start()
    defer { session.close() }
    let screen = try await session.waitForPrompt()
    let warnings = screen.components(separatedBy: "is not a libedit history file").count - 1
    #expect(warnings == 1, Comment(rawValue: session.framed(screen)))
    try await session.enter("mse")
    try await session.waitFor("got: mse")
    try await session.waitForPrompt()
    try session.send(keys: "C-d")
    #expect(try await session.waitForExit() == 0)
    #expect(try String(contentsOf: demo.history, encoding: .utf8) == foreign)
  }

  @Test("a history path that is not a regular file (like /dev/null) turns history off quietly")
  func nonRegularHistoryPath() async throws {
    defer { demo.removeScratch() }
    // A FIFO stands in for /dev/null: reading it would block, and writing it must not happen.
    try FileManager.default.createDirectory(
      at: demo.history.deletingLastPathComponent(), withIntermediateDirectories: true)
    #expect(mkfifo(demo.history.path, 0o644) == 0)
    let before = try FileManager.default.attributesOfItem(atPath: demo.history.path)

    let session = try demo.start()
    defer { session.close() }
    try await session.enter("mse")
    let screen = try await session.waitFor("got: mse")
    #expect(!screen.contains("warning"), Comment(rawValue: session.framed(screen)))
    try await session.waitForPrompt()
    try session.send(keys: "C-d")
    #expect(try await session.waitForExit() == 0)
    // Neither replaced by a regular file nor given another mode.
    let after = try FileManager.default.attributesOfItem(atPath: demo.history.path)
    #expect(after[.type] as? FileAttributeType == before[.type] as? FileAttributeType)
    #expect(after[.type] as? FileAttributeType != .typeRegular)
    #expect(after[.posixPermissions] as? Int == before[.posixPermissions] as? Int)
  }

  @Test("Ctrl-C discards a half-typed line and the program keeps reading")
  func ctrlCInterrupts() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.waitForPrompt()
    try session.type("abc")
    try await session.waitForCursorLine("demo> abc")
    try session.send(keys: "C-c")
    try await session.waitFor("interrupt")
    // Two more on an empty line: each is handled at the prompt, none ends the program.
    for count in 2...3 {
      try await session.waitForPrompt()
      try session.send(keys: "C-c")
      try await session.waitFor("interrupt number \(count)") {
        $0.components(separatedBy: "interrupt").count == count + 1
      }
    }
    try await session.enter("xyz")
    let screen = try await session.waitFor("got: xyz")
    #expect(!screen.contains("abcxyz"))
  }

  @Test("Ctrl-C stops a computation that polls Interrupts and returns to the prompt")
  func ctrlCStopsComputation() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.enter("spin")
    try await session.waitFor("spinning")
    try session.send(keys: "C-c")
    try await session.waitFor("stopped")
    try await session.enter("ok")
    try await session.waitFor("got: ok")
  }

  @Test("a second Ctrl-C during a computation that never polls does not end the process")
  func secondCtrlCNeverEndsTheProcess() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.enter("stuck")
    // The demo's own line "stuck", not the echo "demo> stuck" of what was typed.
    try await session.waitFor("the demo to start its work") {
      $0.split(separator: "\n").contains("stuck")
    }
    try session.send(keys: "C-c")
    // Two quick Ctrl-Cs could merge into one signal; send the second after the first arrived.
    try await session.waitFor("interrupt pending")
    try session.send(keys: "C-c")
    try await session.waitFor("done")
    try await session.enter("still here")
    try await session.waitFor("got: still here")
  }

  @Test("Ctrl-D on an empty line exits with status 0")
  func ctrlDExits() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.waitForPrompt()
    try session.send(keys: "C-d")
    #expect(try await session.waitForExit() == 0)
    #expect(try session.screen().contains("bye"))
  }

  @Test("Ctrl-R searches back through history")
  func reverseSearch() async throws {
    let session = try demo.start()
    defer { session.close() }
    for line in ["huber 1", "mae 2", "mse 3"] {
      try await session.enter(line)
      try await session.waitFor("got: \(line)")
    }
    try await session.waitForPrompt()
    try session.send(keys: "C-r")
    try session.type("hub")
    // libedit shows the match on the prompt line and the search text below it ("bck:hub").
    try await session.waitFor("the match above the search text") { screen in
      let lines = screen.split(separator: "\n").suffix(2)
      return lines.count == 2 && lines.first?.contains("demo> huber 1") == true
        && lines.last?.contains("hub") == true
    }
    try session.send(keys: "Enter")
    try await session.waitFor("the line found by search echoed") {
      $0.components(separatedBy: "got: huber 1").count == 3
    }
  }

  @Test("UTF-8 input round-trips and Backspace removes a whole character")
  func utf8RoundTrip() async throws {
    let session = try demo.start()
    defer { session.close() }
    try await session.enter("héllo")
    try await session.waitFor("got: héllo")
    try await session.waitForPrompt()
    try session.type("hé")
    try session.send(keys: "BSpace")
    try session.type("e")
    try session.send(keys: "Enter")
    try await session.waitFor("got: he\n")
  }

  @Test("with LC_ALL=C the C.UTF-8 fallback keeps a non-ASCII prompt and input working")
  func cLocaleFallback() async throws {
    let session = try demo.start(arguments: ["--prompt", "λ> "], environment: ["LC_ALL": "C"])
    defer { session.close() }
    try await session.waitForPrompt("λ>")
    try session.type("héllo")
    try session.send(keys: "Enter")
    let screen = try await session.waitFor("got: héllo")
    #expect(!screen.contains("warning"))
  }

  @Test("a coloured prompt is drawn in colour and keeps the cursor column right")
  func colouredPrompt() async throws {
    let session = try demo.start(arguments: ["--color"])
    defer { session.close() }
    try await session.waitForPrompt()
    #expect(try session.cursor().column == 6)
    try session.type("abc")
    let screen = try await session.waitForCursorLine("demo> abc")
    #expect(try session.cursor().column == 9)
    #expect(!screen.contains("[1;32m") && !screen.contains("[0m"), "escapes are not shown as text")
    #expect(try session.styledScreen().contains("32m"), "the prompt is green")
    try session.send(keys: "Enter")
    try await session.waitFor("got: abc")
  }
}

extension TmuxSession {
  /// Waits until `prompt` is on screen and the editor reads keys; returns the screen.
  @discardableResult
  fileprivate func waitForPrompt(_ prompt: String = "demo>") async throws -> String {
    let screen = try await waitFor(prompt)
    try await waitUntilEditing()
    return screen
  }

  /// Types `line` at the next prompt and presses Enter.
  fileprivate func enter(_ line: String) async throws {
    try await waitForPrompt()
    try type(line)
    try send(keys: "Enter")
  }
}
