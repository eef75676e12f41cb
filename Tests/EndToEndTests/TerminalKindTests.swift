import Foundation
import TestSupport
import Testing

/// A person at a terminal the line editor cannot drive (`TERM=dumb`: Emacs' shell, some IDE
/// consoles) still gets the shell: the welcome, a prompt, plain text, and no exit on an error.
@Suite("A dumb terminal is still a person", .serialized, .timeLimit(.minutes(2)))
struct TerminalKindTests {
  @Test func theShellGreetsPromptsAndCarriesOnAfterAnError() async throws {
    let shell = try LiveShell(terminal: "dumb")
    defer { shell.close() }
    let screen = try await shell.tmux.waitForCursorLine("losslab>")
    #expect(screen.contains("LossLab - learn loss functions by doing them."), "plain welcome")
    try shell.tmux.type("nope + 1")
    try shell.tmux.send(keys: "Enter")
    try await shell.tmux.waitFor("unknown name 'nope'")
    try await shell.tmux.waitForCursorLine("losslab>")
    try shell.tmux.type("6 * 7")
    try shell.tmux.send(keys: "Enter")
    try await shell.tmux.waitFor("\n42\n")
    #expect(!(try shell.tmux.styledScreen()).contains("\u{1B}[3"), "no colour")
    try shell.tmux.send(keys: "C-d")
    #expect(try await shell.tmux.waitForExit() == 0)
  }
}
