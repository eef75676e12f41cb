import Foundation
import TestSupport
import Testing

/// A progress file that is valid JSON but holds a value no LossLab writes is set aside when the
/// shell greets the learner, instead of trapping on it at every start.
@Suite("Impossible progress at the greeting", .serialized, .timeLimit(.minutes(2)))
struct ImpossibleProgressTests {
  @Test func aStepNearIntMaxIsSetAsideAndTheShellStarts() async throws {
    let scratch = try Scratch()
    let state = scratch.folder.appendingPathComponent("state")
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    try Data(
      """
      {"format_version": 1, "learners": {"e2e": {"started_at": "2025-06-15T10:00:00Z",
        "position": {"lesson": "darts", "step": 9223372036854775807,
                     "updated_at": "2025-06-15T10:00:00Z"},
        "lessons": {"darts": {"started_at": "2025-06-15T10:00:00Z",
                              "step": 9223372036854775807, "attempts": 9223372036854775807}}}}}
      """.utf8
    ).write(to: state.appendingPathComponent("progress.json"))
    let shell = try LiveShell(scratch: scratch)
    defer { shell.close() }
    let screen = try await shell.waitForPrompt()
    #expect(screen.contains("9223372036854775807; expected"), "the learner is told which value")
    try await shell.enter("start 1")
    try await shell.tmux.waitFor("step 1 of")
  }
}
