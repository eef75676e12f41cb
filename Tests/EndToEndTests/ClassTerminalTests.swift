import Foundation
import TestSupport
import Testing

/// `losslab --class` on a pseudo-terminal (tmux), as a learner of a class meets a locked skip.
@Suite("A class on a pseudo-terminal", .serialized, .timeLimit(.minutes(2)))
struct ClassTerminalTests {
  @Test func aLearnerIsRefusedSkipAndToldWhy() async throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let path = files.path("class.yaml")
    try Data(
      """
      format_version: 1
      kind: class
      lesson_files: [lessons]
      skip: false
      reveal_after: 2
      lessons: [tiny]
      """.utf8
    ).write(to: URL(fileURLWithPath: path))
    let tmux = try TmuxSession(
      command: [try LossLabBinary.url().path, "--class", path, "--learner", "e2e"],
      environment: files.scratch.environment, columns: 100, rows: 40)
    defer { tmux.close() }
    let shell = LiveShell(tmux: tmux)
    try await tmux.waitFor("your teacher's class file sets 1 lesson")
    try await shell.enter("start 1")
    try await shell.enter("", prompt: "lesson>")
    try await shell.enter("skip", prompt: "answer>")
    try await tmux.waitFor("Your teacher has turned skipping off for this lesson; 2 more tries")
    try await shell.enter("mse(p, y)", prompt: "answer>")
    try await tmux.waitFor("Correct")
    try await shell.waitForPrompt("answer>")
    try tmux.send(keys: "C-d")
    #expect(try await tmux.waitForExit() == 0)
  }
}
