import Foundation
import Testing

/// What a command-line user expects of `losslab` itself: a version and completion scripts.
@Suite("losslab's command line (the real binary)")
struct CommandLineTests {
  @Test func versionPrintsTheVersionAlone() throws {
    let run = try LossLabBinary.run(["--version"])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.lines == ["0.1.0"])
  }

  /// Each script names the program and completes its subcommands (ArgumentParser writes them).
  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScript(shell: String) throws {
    let run = try LossLabBinary.run(["--generate-completion-script", shell])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("losslab"))
    for subcommand in ["shell", "eval", "run", "lesson"] {
      #expect(run.stdout.contains(subcommand), "\(shell) script lacks \(subcommand)")
    }
    #expect(run.stdout.contains("learner"), "\(shell) script lacks the shell's options")
  }

  @Test func theShellAndRunShareOneOptionGroup() throws {
    let shell = try LossLabBinary.run(["shell", "--help"])
    let run = try LossLabBinary.run(["run", "--help"])
    #expect(shell.exited(with: 0) && run.exited(with: 0), "\(shell.summary) \(run.summary)")
    let options = shell.lines.filter { $0.hasPrefix("  --plain") || $0.hasPrefix("  --lessons") }
    #expect(options.count == 2)
    for line in options {
      #expect(run.lines.contains(line), "run --help lacks: \(line)")
    }
  }
}
