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
}
