import Foundation
import TestSupport
import Testing

/// `losslab --record FILE` at a real (pseudo-)terminal: libedit, colour, the welcome screen,
/// a lesson; then the transcript replayed and checked.
@Suite("Recording on a pseudo-terminal", .serialized, .timeLimit(.minutes(2)))
struct RecordTerminalTests {
  @Test func anInteractiveSessionRecordsAndReplaysExactly() async throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cast = files.path("live.cast")
    do {
      let tmux = try TmuxSession(
        command: [
          try LossLabBinary.url().path, "--learner", "ada", "--lessons", files.lessons.path,
          "--record", cast,
        ],
        environment: files.scratch.environment, columns: 90, rows: 40)
      defer { tmux.close() }
      let shell = LiveShell(running: tmux)
      try await shell.enter("mse([3, 5], [2.5, 5])")
      try await tmux.waitFor("mse = 0.125")
      try await shell.enter("start tiny")
      try await shell.enter("", prompt: "lesson>")
      try await shell.enter("mse(p, y)", prompt: "answer>")
      try await tmux.waitFor("Correct: 0.166667.")
      try await shell.waitForPrompt("answer>")
      try tmux.send(keys: "C-d")
      #expect(try await tmux.waitForExit() == 0)
    }
    let run = try LossLabBinary.run(
      ["replay", cast, "--check", "--lessons", files.lessons.path],
      environment: files.scratch.environment)
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stdout.hasSuffix("replay: 5 inputs, every output as recorded\n"))
    // Recorded in colour and compared in colour; shown plain here, standard output is a file.
    let transcript = try String(contentsOfFile: cast, encoding: .utf8)
    #expect(transcript.contains(#"\u001b["#))
    #expect(!run.stdout.contains("\u{1B}"))
  }
}

extension LiveShell {
  /// The helpers for a shell started with other arguments.
  fileprivate init(running tmux: TmuxSession) { self.tmux = tmux }
}
