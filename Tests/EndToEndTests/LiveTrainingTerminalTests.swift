import Foundation
import TestSupport
import Testing

/// `train` on a real pseudo-terminal: its loss curve is redrawn in place while it runs, and
/// Ctrl-C leaves the last frame and a clean prompt.
@Suite("A running train is drawn live", .serialized, .timeLimit(.minutes(2)))
struct LiveTrainingTerminalTests {
  @Test func theCurveIsRedrawnInPlaceAndCtrlCLeavesTheLastFrame() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.enter("x = linspace(0, 1, 2000)")
    try await shell.enter("y = 3 * x + 1")
    try await shell.enter("w = 0")
    try await shell.enter("L = train(mse(w * x, y), w, lr=0.0001, steps=1000000)")
    let first = try await shell.tmux.waitFor("a live frame", timeout: .seconds(30)) {
      Self.step(in: $0).map { $0 > 0 } ?? false
    }
    let firstStep = try #require(Self.step(in: first))
    let later = try await shell.tmux.waitFor("a later frame", timeout: .seconds(30)) {
      Self.step(in: $0).map { $0 > firstStep } ?? false
    }
    // Redrawn in place: one title and one progress line on screen, however many frames.
    #expect(Self.count("training w", in: later) == 1, "\(shell.tmux.framed(later))")
    #expect(Self.count("of 1000000", in: later) == 1, "\(shell.tmux.framed(later))")
    #expect(later.contains("step"))
    try shell.tmux.send(keys: "C-c")
    let after = try await shell.waitForPrompt()
    #expect(after.contains("stopped by Ctrl-C after step"), "\(shell.tmux.framed(after))")
    #expect(Self.count("training w", in: after) == 1, "the last frame stays, once")
    #expect(Self.count("of 1000000   loss", in: after) == 0, "the progress line is gone")
    // The shell goes on, and w kept its trained value.
    try await shell.enter("w > 0")
    try await shell.tmux.waitFor("\n1\n")
  }

  /// The step number of the progress line on screen (`step 123 of 1000000`).
  static func step(in screen: String) -> Int? {
    guard let match = screen.firstMatch(of: /step (\d+) of 1000000/) else { return nil }
    return Int(match.1)
  }

  static func count(_ text: String, in screen: String) -> Int {
    screen.components(separatedBy: text).count - 1
  }
}
