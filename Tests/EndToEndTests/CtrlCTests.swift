import Foundation
import TestSupport
import Testing

/// Ctrl-C on a real pseudo-terminal: however fast it comes, it never ends the shell, and the
/// learner's variables survive it.
@Suite("Ctrl-C never ends the shell", .serialized, .timeLimit(.minutes(2)))
struct CtrlCTests {
  @Test func twentyRapidPairsAtAnIdlePromptLeaveTheShellAndItsVariables() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.enter("kept = 41")
    try await shell.tmux.waitFor("kept = 41\n")
    for pair in 0..<20 {
      try await shell.waitForPrompt()
      // The second key at varying distances from the first: back to back in one tmux command,
      // or in a second command (a few milliseconds later) after a pause of up to 12 ms.
      if pair % 4 == 0 {
        try shell.tmux.send(keys: "C-c", "C-c")
      } else {
        try shell.tmux.send(keys: "C-c")
        try await Task.sleep(for: .milliseconds(3 * (pair % 4 - 1)))
        try shell.tmux.send(keys: "C-c")
      }
    }
    try await shell.enter("kept + 1")
    try await shell.tmux.waitFor("\n42\n")
  }

  /// A matrix product polls Ctrl-C rarely (or, before it was blocked, never), so the first
  /// press is still pending when the second comes: the moment the old "second press kills" rule
  /// ended the shell.
  @Test func pairsDuringAComputationThatPollsRarelyLeaveTheShellAndItsVariables() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.enter("kept = 6")
    try await shell.enter("v = linspace(0, 1, 300)")
    try await shell.enter("M = transpose([v, v]) @ [v, v]")
    for _ in 1...5 {
      try await shell.enter("sum(M @ M @ M)")
      try await Task.sleep(for: .milliseconds(100))
      try shell.tmux.send(keys: "C-c")
      try await Task.sleep(for: .milliseconds(30))
      try shell.tmux.send(keys: "C-c")
    }
    try await shell.enter("kept * 7")
    try await shell.tmux.waitFor("\n42\n", timeout: .seconds(60))
  }
}
