import Foundation
import TestSupport
import Testing

/// `losslab present` on a pseudo-terminal (tmux), as a teacher drives it in front of a class.
@Suite("Presenter mode on a pseudo-terminal", .serialized, .timeLimit(.minutes(2)))
struct PresenterTerminalTests {
  /// Types `line` at the prompt `prompt` (indented by the margin) and presses Enter.
  private func enter(_ tmux: TmuxSession, _ line: String, at prompt: String) async throws {
    try await tmux.waitForCursorLine("      " + prompt)
    try await tmux.waitUntilEditing()
    if !line.isEmpty { try tmux.type(line) }
    try tmux.send(keys: "Enter")
  }

  @Test func aTeacherPresentsRevealsJumpsAndNothingIsSaved() async throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let tmux = try TmuxSession(
      command: [
        try LossLabBinary.url().path, "present", "tiny", "--lessons", files.lessons.path,
        "--margin", "6",
      ],
      environment: files.scratch.environment, columns: 100, rows: 50)
    defer { tmux.close() }
    let opening = try await tmux.waitFor("The seed is 1.")
    // Wide margins: the step's text starts after the margin, and no welcome screen.
    #expect(opening.contains("\n       The seed is 1."))
    #expect(!opening.contains("learn loss functions by doing them"))
    try await enter(tmux, "", at: "lesson>")
    try await tmux.waitFor("What is the MSE of p against y?")
    // Typed like a learner: the engine's verdict, live.
    try await enter(tmux, "mean(p - y)", at: "answer>")
    try await tmux.waitFor("Not quite")
    try await enter(tmux, "reveal", at: "answer>")
    let revealed = try await tmux.waitFor("mse is the mean of these 3 loss terms")
    #expect(revealed.contains("answer: mse(p, y)"))
    #expect(revealed.contains("mse = 0.166667"))
    try await enter(tmux, "", at: "answer>")
    try await tmux.waitFor("Squared error.")
    try await enter(tmux, "goto 4", at: "lesson>")
    try await tmux.waitFor("That is all.")
    try await enter(tmux, "back", at: "lesson>")
    try await tmux.waitFor("step 3 of 4")
    try await enter(tmux, "goto 4", at: "lesson>")
    try await enter(tmux, "", at: "lesson>")
    let end = try await tmux.waitFor("End of Tiny.")
    #expect(!end.contains("Your progress is saved"))
    try await tmux.waitForCursorLine("      losslab>")
    try await tmux.waitUntilEditing()
    try tmux.send(keys: "C-d")
    #expect(try await tmux.waitForExit() == 0)
    #expect(!FileManager.default.fileExists(atPath: files.progressFile.path))
    #expect(
      !FileManager.default.fileExists(
        atPath: files.scratch.folder.appendingPathComponent("history").path))
  }
}
