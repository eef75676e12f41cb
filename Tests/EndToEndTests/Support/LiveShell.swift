import Foundation
import TestSupport

/// `losslab` running in tmux.
struct LiveShell {
  let tmux: TmuxSession

  /// A shell some other command line started (`losslab --class FILE`).
  init(tmux: TmuxSession) { self.tmux = tmux }

  init(
    scratch: Scratch? = nil, columns: Int = 100, rows: Int = 40,
    extraEnvironment: [String: String] = [:], terminal: String = "screen"
  ) throws {
    let scratch = try scratch ?? Scratch()
    tmux = try TmuxSession(
      command: [try LossLabBinary.url().path, "--learner", "e2e"],
      environment: scratch.environment.merging(extraEnvironment) { _, new in new },
      columns: columns, rows: rows, terminal: terminal)
  }

  /// Waits for a fresh prompt: the cursor's line reads just `prompt`, and the editor reads keys.
  @discardableResult
  func waitForPrompt(_ prompt: String = "losslab>") async throws -> String {
    let screen = try await tmux.waitForCursorLine(prompt)
    try await tmux.waitUntilEditing()
    return screen
  }

  /// Types `line` at the prompt (once the editor reads keys) and presses Enter.
  func enter(_ line: String, prompt: String = "losslab>") async throws {
    try await waitForPrompt(prompt)
    if !line.isEmpty { try tmux.type(line) }
    try tmux.send(keys: "Enter")
  }

  func close() { tmux.close() }
}
