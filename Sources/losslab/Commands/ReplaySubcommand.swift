import ArgumentParser
import Foundation
import LineEditor
import LossShell
import LossTerminal

/// `losslab replay FILE`: a recorded session played back through the engine and checked.
struct ReplaySubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract:
      "Play back a recorded session (`--record FILE`), re-running every input and flagging output that changed.",
    discussion: """
      Each input is typed out as it was recorded and run again by the engine; where the output \
      differs from the recording, the replay says which input, where in the lesson and which \
      line. Pauses are shortened to 2 seconds; there is no waiting when standard output is not \
      a terminal. A replay writes nothing: not your progress, not the files `save` wrote. The \
      format is described in Sources/LossShell/Recording/FORMAT.md. Exit status: 1 with \
      --check when any output differed, 2 when the file cannot be replayed.
      """
  )

  @Argument(help: "The transcript (an asciicast v2 file written by `losslab --record`).")
  var file: String

  @Option(help: "How many times faster than recorded (0.1 to 100; 0 for no waiting).")
  var speed: Double = 1

  @Flag(help: "Wait for Enter before each input.")
  var step = false

  @Flag(help: "Exit with status 1 when any output differs from the recording (for CI).")
  var check = false

  @Flag(help: "Plain ASCII output on this screen (the comparison uses the recording's style).")
  var plain = false

  @Option(
    name: .customLong("lessons"),
    help: "A folder of lessons to add, as when recording (repeatable; also LOSSLAB_LESSONS).")
  var lessons: [String] = []

  func validate() throws {
    guard speed == 0 || (0.1...100).contains(speed) else {
      throw ValidationError("--speed must be from 0.1 to 100 (or 0 for no waiting), not \(speed)")
    }
  }

  func run() throws {
    let transcript: Transcript
    do {
      transcript = try TranscriptCodec.decode(try Self.read(file))
    } catch let error as TranscriptError {
      let place = TranscriptEcho.shown(file) + (error.line.map { ":\($0)" } ?? "")
      StandardStreams.report("losslab replay: \(place): \(error.message)\n")
      throw ExitCode(2)
    }
    Interrupts.install()
    let header = transcript.header
    let recordedStyle: Renderer.Style = header.plain ? .plain : .color
    var configuration = ShellConfiguration(
      interactive: header.interactive, isInterrupted: { Interrupts.isRequested })
    configuration.fileReader = DiskFiles.reader
    let session: ShellSession
    let opening: [ShellEvent]
    var margin = 0
    switch header.mode {
    case .shell:
      var options = ShellOptions()
      options.lessons = lessons
      // An option left unparsed can't be read: a replay runs without a class file.
      options.classFile = nil
      let start = try ShellSetup.session(
        options, interactive: header.interactive, replaying: header)
      (session, opening) = (start.session, start.greeting)
    case .present(_, let presenterMargin):
      configuration.liveEvents = nil
      guard let started = PresentSubcommand.session(header, lessons: lessons, configuration) else {
        throw ExitCode(2)
      }
      (session, opening) = started
      margin = presenterMargin
    }
    let screen = ShellSetup.style(plain: plain)
    var replayer = Replayer(
      session: session, transcript: transcript,
      recordedLayout: OutputLayout(
        style: recordedStyle, interactive: header.interactive, margin: margin),
      screenStyle: recordedStyle == .plain ? .plain : screen,
      pacing: Replayer.Pacing(speed: speed, stepByStep: step))
    let outcome: (mismatches: [Replayer.Mismatch], inputs: Int, stoppedEarly: Bool)
    do { outcome = try replayer.run(opening: opening) } catch {
      StandardStreams.exit(after: error)
    }
    do { try StandardStreams.write(Self.summary(outcome.mismatches, inputs: outcome.inputs)) } catch
    {
      StandardStreams.exit(after: error)
    }
    if check, !outcome.mismatches.isEmpty || outcome.stoppedEarly { throw ExitCode(1) }
  }

  /// The file's bytes, refusing before reading one too large to be a transcript.
  static func read(_ path: String) throws -> Data {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ValidationError("cannot read \(TranscriptEcho.shown(path))")
    }
    defer { try? handle.close() }
    let data = try handle.read(upToCount: TranscriptLimits.maximumBytes + 1) ?? Data()
    guard data.count <= TranscriptLimits.maximumBytes else {
      throw TranscriptError(.tooLarge(bytes: data.count))
    }
    return data
  }

  static func summary(_ mismatches: [Replayer.Mismatch], inputs: Int) -> String {
    let count = "\(inputs) input\(inputs == 1 ? "" : "s")"
    guard !mismatches.isEmpty else { return "replay: \(count), every output as recorded\n" }
    let places = mismatches.prefix(10).map { mismatch in
      "input \(mismatch.turn)" + (mismatch.position.map { " (\($0))" } ?? "")
    }
    let more = mismatches.count > 10 ? ", and \(mismatches.count - 10) more" : ""
    return
      "replay: \(count); \(mismatches.count) gave different output: \(places.joined(separator: ", "))\(more)\n"
  }
}
