import Foundation
import Testing

/// The real binary when its output cannot be written: closed, full, or a pipe whose reader left
/// (with SIGPIPE ignored, as many parent processes set it). No trap, no loop, no lost error.
@Suite("Output that cannot be written (the real binary)", .timeLimit(.minutes(2)))
struct OutputFailureTests {
  /// Runs `script` with `sh -c`, `$LOSSLAB` naming the binary; standard error is kept.
  private func shell(_ script: String) throws -> LossLabBinary.Run {
    try LossLabBinary.run(
      ["-c", script], environment: ["LOSSLAB": try LossLabBinary.url().path],
      timeout: .seconds(30), executable: URL(fileURLWithPath: "/bin/sh"))
  }

  @Test(arguments: [
    "\"$LOSSLAB\" eval 1", "\"$LOSSLAB\" eval --json 'x = [1, 2]' 'x * 3'",
    "echo 'x = 1' | \"$LOSSLAB\"", "\"$LOSSLAB\" --help", "\"$LOSSLAB\" lesson check",
  ])
  func aFullDiskIsAnErrorWithStatusOne(_ command: String) throws {
    let run = try shell("\(command) >/dev/full; echo \"status $?\" >&2")
    #expect(!run.timedOut)
    #expect(
      run.stderr.contains("losslab: cannot write to standard output: No space left on device"))
    #expect(run.stderr.hasSuffix("status 1\n"), "\(run.summary)")
  }

  @Test(arguments: ["\"$LOSSLAB\" eval 1", "echo '6 * 7' | \"$LOSSLAB\"", "\"$LOSSLAB\" --help"])
  func aClosedStandardOutputIsAnErrorWithStatusOne(_ command: String) throws {
    let run = try shell("\(command) >&-; echo \"status $?\" >&2")
    #expect(run.stderr.contains("losslab: cannot write to standard output: Bad file descriptor"))
    #expect(run.stderr.hasSuffix("status 1\n"), "\(run.summary)")
  }

  @Test func aClosedStandardErrorStillGivesTheStatus() throws {
    let run = try shell("\"$LOSSLAB\" eval 'x = 1' 'nope + 1' 2>&-; echo \"status $?\"")
    #expect(run.lines == ["x = 1", "status 1"], "\(run.summary)")
  }

  @Test func aClosedStandardOutputNeverReachesTheProgressFile() throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent(
      "losslab-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: state) }
    _ = try shell("echo 'start 1' | LOSSLAB_STATE_DIR='\(state.path)' \"$LOSSLAB\" >&-")
    for name in (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? [] {
      let text = (try? String(contentsOf: state.appendingPathComponent(name), encoding: .utf8))
      #expect(text?.contains("LossLab") != true, "\(name) received the shell's output")
    }
  }

  @Test func aBrokenPipeWithSIGPIPEIgnoredEndsQuietlyAsIfByTheSignal() throws {
    // `trap '' PIPE` makes every process of the pipeline start with SIGPIPE ignored.
    let run = try shell(
      """
      trap '' PIPE
      yes 'mse(1, 2)' | { "$LOSSLAB" eval --json; echo "status $?" >&2; } | head -1
      """)
    #expect(!run.timedOut, "the evaluator kept reading after its reader left")
    #expect(run.lines == [#"{"value": 1.0, "grad": -2.0}"#])
    #expect(run.stderrLines.contains("status 141"), "\(run.summary)")
    #expect(!run.stderr.contains("losslab:"), "a broken pipe is not reported")
  }

  /// A `save` that fails in a script is numbered by its line, points at the file name and says
  /// what the system's reason means.
  @Test func aFailedSaveInAScriptSaysItsLineAndWhy() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "losslab-save-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let script =
      "save early.txt\nplot(mse(e, 0), e, -3, 3)\nsave \(folder.path)/missing/p.txt\nsave \(folder.path)/full.txt\n"
    try Data(script.utf8).write(to: folder.appendingPathComponent("s.ll"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("full.txt").path, withDestinationPath: "/dev/full")
    let run = try shell("cd '\(folder.path)' && \"$LOSSLAB\" run s.ll; echo \"status $?\" >&2")
    let stderr = run.stderr.replacingOccurrences(of: "\n  ", with: " ")
    #expect(stderr.contains("error on line 1: there is no plot to save yet"), "\(run.summary)")
    #expect(stderr.contains("error on line 3: could not save"), "\(run.summary)")
    #expect(stderr.contains("its folder does not exist (No such file or directory)"))
    #expect(stderr.contains("error on line 4: could not save"), "\(run.summary)")
    #expect(stderr.contains("the disk is full (No space left on device)"), "\(run.summary)")
    #expect(run.stderr.contains("save \(folder.path)/full.txt\n       ^~~"), "\(run.summary)")
    #expect(run.stderr.hasSuffix("status 1\n"), "\(run.summary)")
  }
}
