import Foundation
import TestSupport
import Testing

/// `losslab --record FILE`, `record FILE` / `record stop` and `losslab replay FILE`, through the
/// built binary with piped input.
@Suite("Record and replay through losslab", .serialized)
struct RecordReplayTests {
  /// A learner's session in the tiny lesson: a wrong answer, the right one, the plot, the end.
  private let lines = [
    "w = 2", "mse(w, 1)", "start tiny", "", "mean(p - y)", "mse(p, y)", "", "", "", "w",
  ]

  private func record(_ files: TeacherFiles, to cast: String) throws {
    let run = try LossLabBinary.run(
      ["--plain", "--learner", "ada", "--lessons", files.lessons.path, "--record", cast],
      stdin: lines.joined(separator: "\n") + "\n", environment: files.scratch.environment)
    #expect(run.exited(with: 0), "\(run.summary)")
  }

  private func replay(_ files: TeacherFiles, _ arguments: [String]) throws -> LossLabBinary.Run {
    try LossLabBinary.run(
      ["replay"] + arguments + ["--lessons", files.lessons.path],
      environment: files.scratch.environment)
  }

  @Test func aReplayReproducesTheRecordedSessionExactly() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cast = files.path("session.cast")
    try record(files, to: cast)
    let run = try replay(files, [cast, "--check", "--speed", "0"])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stdout.hasSuffix("replay: 11 inputs, every output as recorded\n"))
    #expect(!run.stdout.contains("!!"))
    // Typed inputs are visible, with the prompts they were typed at.
    #expect(run.stdout.contains("losslab> mse(w, 1)\n"))
    #expect(run.stdout.contains("answer> mean(p - y)\n"))
    // The transcript's outputs, joined, are what the session printed (asciicast's \r\n).
    let text = try String(contentsOfFile: cast, encoding: .utf8)
    #expect(text.hasPrefix("{"))
    #expect(text.contains(#""i","mse(p, y)\r""#))
    #expect(text.contains(#"\"learner\":\"ada\""#) || text.contains(#""learner":"ada""#))
  }

  @Test func aChangedLessonFailsTheCheckAndNamesTheStep() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cast = files.path("session.cast")
    try record(files, to: cast)
    try files.write(targets: "[2.5, 5, 3.5]")
    let run = try replay(files, [cast, "--check"])
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(
      run.stdout.contains(
        "!! replay differs at input 6 (`mse(p, y)`) in Tiny: step 2 of 4 (The MSE)"))
    #expect(run.stdout.contains("Correct: 0.166667."))
    #expect(run.stdout.contains("gave different output: input 5 (Tiny: step 2 of 4 (The MSE))"))
    let unchecked = try replay(files, [cast])
    #expect(unchecked.exited(with: 0), "without --check the status stays 0")
  }

  @Test func replaysAndPresentingNeverWriteProgress() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cast = files.path("session.cast")
    try record(files, to: cast)
    // Recording is a learner's real session: it saved their progress.
    #expect(FileManager.default.fileExists(atPath: files.progressFile.path))
    try FileManager.default.removeItem(at: files.progressFile)
    #expect(try replay(files, [cast, "--check"]).exited(with: 0))
    let presented = try LossLabBinary.run(
      ["present", "tiny", "--plain", "--lessons", files.lessons.path],
      stdin: "\nmse(p, y)\n\n\n\n", environment: files.scratch.environment)
    #expect(presented.exited(with: 0), "\(presented.summary)")
    #expect(presented.stdout.contains("End of Tiny."))
    #expect(!FileManager.default.fileExists(atPath: files.progressFile.path))
  }

  @Test func stepByStepWaitsForEnterAndSpeedIsRangeChecked() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cast = files.path("session.cast")
    try record(files, to: cast)
    let stepped = try LossLabBinary.run(
      ["replay", cast, "--step", "--check", "--lessons", files.lessons.path],
      stdin: String(repeating: "\n", count: 11), environment: files.scratch.environment)
    #expect(stepped.exited(with: 0), "\(stepped.summary)")
    #expect(stepped.stdout.hasSuffix("replay: 11 inputs, every output as recorded\n"))
    for speed in ["1000", "-1", "0.01", "nan"] {
      let run = try replay(files, [cast, "--speed", speed])
      #expect(run.exited(with: 64), "--speed \(speed): \(run.summary)")
      #expect(run.stderr.contains("--speed"))
    }
  }

  @Test func aReplayWritesNoFileTheTranscriptNames() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cast = files.path("saves.cast")
    let picture = files.path("picture.svg")
    let input = ["plot(mse(e, 0), e, -1, 1)", "save \(picture)"]
    let recorded = try LossLabBinary.run(
      ["--plain", "--record", cast], stdin: input.joined(separator: "\n") + "\n",
      environment: files.scratch.environment)
    #expect(recorded.exited(with: 0), "\(recorded.summary)")
    try FileManager.default.removeItem(atPath: picture)
    // A transcript edited to also start a recording elsewhere.
    let other = files.path("other.cast")
    var lines = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    let end = try #require(lines.lastIndex { $0.contains(#""i","\u0004""#) })
    let time = try #require(lines[end].dropFirst().split(separator: ",").first)
    lines.insert(#"[\#(time),"i","record \#(other)\r"]"#, at: end)
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: cast))
    let run = try replay(files, [cast])
    #expect(run.exited(with: 0), "\(run.summary)")
    let said = run.stdout.replacingOccurrences(of: "\n\\s*", with: " ", options: .regularExpression)
    #expect(said.contains("saved the plot to \(picture)"), "says what the recording said")
    #expect(said.contains("a replay does not record"))
    #expect(!FileManager.default.fileExists(atPath: picture))
    #expect(!FileManager.default.fileExists(atPath: other))
  }

  @Test func recordAndRecordStopInTheShellReplayFromThatPoint() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cast = files.path("part.cast")
    let input = [
      "w = 3", "start tiny", "", "record \(cast)", "mse(p, y)", "w^2", "record stop", "w",
    ]
    let run = try LossLabBinary.run(
      ["--plain", "--learner", "ada", "--lessons", files.lessons.path],
      stdin: input.joined(separator: "\n") + "\n", environment: files.scratch.environment)
    #expect(run.exited(with: 0), "\(run.summary)")
    let said = run.stdout.replacingOccurrences(of: "\n\\s*", with: " ", options: .regularExpression)
    #expect(said.contains("saved the recording to \(cast) (2 inputs)"))
    let replayed = try replay(files, [cast, "--check"])
    #expect(replayed.exited(with: 0), "\(replayed.summary)")
    #expect(replayed.stdout.contains("answer> mse(p, y)\n"))
    #expect(replayed.stdout.hasSuffix("replay: 2 inputs, every output as recorded\n"))
  }

  @Test func aPresentationRecordsAndReplays() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cast = files.path("class.cast")
    let presented = try LossLabBinary.run(
      [
        "present", "tiny", "--seed", "41", "--plain", "--lessons", files.lessons.path, "--record",
        cast,
      ],
      stdin: "\nreveal\n\ngoto 4\n", environment: files.scratch.environment)
    #expect(presented.exited(with: 0), "\(presented.summary)")
    #expect(presented.stdout.contains("The seed is 41."))
    let replayed = try replay(files, [cast, "--check"])
    #expect(replayed.exited(with: 0), "\(replayed.summary)")
    #expect(replayed.stdout.contains("The seed is 41."))
  }

  @Test func aHostileTranscriptGetsAClearMessageAndNoCrash() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let cases: [(name: String, bytes: Data, message: String)] = [
      ("empty.cast", Data(), "empty.cast: the file is empty"),
      ("binary.cast", Data([0x00, 0xFF, 0x1B, 0x9B]), "binary.cast: the file is not UTF-8 text"),
      (
        "cut.cast",
        Data(
          (#"{"version": 2, "width": 80, "height": 24, "losslab": {"format": 1, "learner": "a", "mode": "shell", "interactive": false, "plain": true}}"#
            + "\n" + #"[0.5, "i", "1 + 1\r"]"# + "\n" + #"[0.7, "o", "losslab> 1 + "#).utf8),
        "cut.cast:3: this event is not valid JSON"
      ),
      (
        "timing.cast",
        Data(
          (#"{"version": 2, "width": 80, "height": 24, "losslab": {"format": 1, "learner": "a", "mode": "shell", "interactive": false, "plain": true}}"#
            + "\n" + #"[1e308, "i", "1 + 1\r"]"#).utf8),
        "timing.cast:2: the time"
      ),
      (
        "escape.cast",
        Data(
          (#"{"version": 2, "width": 80, "height": 24, "losslab": {"format": 1, "learner": "a", "mode": "\u001b]0;owned\u0007", "interactive": false, "plain": true}}"#)
            .utf8),
        "escape.cast:1: the header's losslab.mode must be"
      ),
    ]
    for (name, bytes, message) in cases {
      let path = files.path(name)
      try bytes.write(to: URL(fileURLWithPath: path))
      let run = try replay(files, [path, "--check"])
      #expect(run.exited(with: 2), "\(name): \(run.summary)")
      #expect(run.stderr.contains(message), "\(name): \(run.stderr)")
      #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
    }
    // Far too large: refused without reading it all.
    let huge = files.path("huge.cast")
    #expect(FileManager.default.createFile(atPath: huge, contents: nil))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
    try handle.truncate(atOffset: UInt64(80 << 20))
    try handle.close()
    let run = try replay(files, [huge])
    #expect(run.exited(with: 2), "\(run.summary)")
    #expect(run.stderr.contains("huge.cast: the file is larger than"))
  }
}
