import Foundation
import TestSupport
import Testing

/// A lesson built to retitle the terminal, clear the screen and hide text, played through the
/// real binary: its escapes are shown as text (`^[`), never obeyed.
@Suite("A hostile lesson through the binary")
struct HostileLessonTests {
  static let visibleTitle = "Hostile^[]0;pwned-title^G lesson"
  static let visibleText = "Before^[[2J after^Moverwrite^[[8mconcealed^[[0m <U+202E>reversed^G bell"

  private func folder() throws -> Scratch {
    let scratch = try Scratch()
    let lessons = scratch.folder.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try HostileLesson.yaml.write(
      to: lessons.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
    return scratch
  }

  @Test(arguments: [["--plain"], []])
  func pipedOutputShowsTheEscapesAsText(_ options: [String]) throws {
    let scratch = try folder()
    defer { try? FileManager.default.removeItem(at: scratch.folder) }
    let run = try LossLabBinary.run(
      options + [
        "--lessons", scratch.folder.appendingPathComponent("lessons").path, "--learner", "p",
      ],
      stdin: "start hostile\nhint\n\n2\n1\n\n", environment: scratch.environment)
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stdout.contains(Self.visibleTitle), "\(run.stdout)")
    #expect(run.stdout.contains(Self.visibleText))
    #expect(run.stdout.contains("hint 1 of 1: A hint^[]0;hint-title^G here"))
    #expect(run.stdout.contains("right^[]0;feedback-title^G"))
    for sequence in HostileLesson.forbidden {
      #expect(!run.stdout.contains(sequence), "\(sequence.debugDescription)")
      #expect(!run.stderr.contains(sequence), "\(sequence.debugDescription)")
    }
  }

  @Test func aTerminalInColourShowsTheEscapesAsText() async throws {
    let scratch = try folder()
    defer { try? FileManager.default.removeItem(at: scratch.folder) }
    let shell = try LiveShell(
      scratch: scratch, columns: 120,
      extraEnvironment: ["LOSSLAB_LESSONS": scratch.folder.appendingPathComponent("lessons").path])
    defer { shell.close() }
    try await shell.enter("start hostile")
    let screen = try await shell.tmux.waitFor(Self.visibleText)
    #expect(screen.contains(Self.visibleTitle), "\(screen)")
    #expect(screen.contains("LossLab"), "the welcome must not have been cleared away: \(screen)")
    #expect((try shell.tmux.styledScreen()).contains("\u{1B}["), "colour is on")
  }

  @Test func lessonCheckShowsAFileNameWithEscapesAndNewlinesVisibly() throws {
    let scratch = try folder()
    defer { try? FileManager.default.removeItem(at: scratch.folder) }
    let name = "evil\u{1B}]0;pwned\u{07}\nname.yaml"
    try "format_version: [".write(
      to: scratch.folder.appendingPathComponent("lessons").appendingPathComponent(name),
      atomically: true, encoding: .utf8)
    let run = try LossLabBinary.run(
      ["lesson", "check", scratch.folder.appendingPathComponent("lessons").path])
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(
      run.stderr.contains("evil^[]0;pwned^G^Jname.yaml:2:1: YAML syntax error"), "\(run.stderr)")
    #expect(run.stdout.contains("ok  "), "\(run.stdout)")
    for sequence in HostileLesson.forbidden + ["\nname.yaml"] {
      #expect(!run.stdout.contains(sequence) && !run.stderr.contains(sequence))
    }
  }
}
