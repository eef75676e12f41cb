import ArgumentParser
import Foundation
import LineEditor
import LossLessons
import LossShell
import LossTerminal

/// `losslab present LESSON`: one lesson on a projector, for a teacher in front of a class.
struct PresentSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "present",
    abstract:
      "Present a lesson to a class: large, uncluttered output, a fixed seed, nothing saved.",
    discussion: """
      Enter moves on; `reveal` shows a step's answer and the engine's working (a loss call's \
      terms one by one); `back` and `goto N` move around; anything else is typed into the step \
      like a learner would, and the loss, gradient and plots appear live. Every learner-random \
      number comes from --seed (default \(Presenter.defaultSeed)), so they match slides prepared \
      with the same seed. No progress and no history are written.
      """
  )

  @Argument(help: "The lesson: its number in the course or its id (`lessons` lists them).")
  var lesson: String

  @Option(help: "The seed for the lesson's random data (0 to 2147483646).")
  var seed: Int = Presenter.defaultSeed

  @Option(help: "Blank columns left and right (0 to 20; narrowed to keep 40 columns of text).")
  var margin: Int = 4

  @Flag(help: "Plain ASCII output without colour (also when NO_COLOR is set or TERM=dumb).")
  var plain = false

  @Option(
    name: .customLong("lessons"),
    help: "A folder of your own lessons to add (repeatable; also LOSSLAB_LESSONS).")
  var lessons: [String] = []

  func validate() throws {
    guard LessonRun.seedRange.contains(seed) else {
      throw ValidationError(
        "--seed must be from \(LessonRun.seedRange.lowerBound) to \(LessonRun.seedRange.upperBound), not \(seed)"
      )
    }
    guard (0...20).contains(margin) else {
      throw ValidationError("--margin must be from 0 to 20 columns, not \(margin)")
    }
  }

  @Option(
    name: .customLong("record"),
    help: ArgumentHelp(
      "Record the presentation to FILE for `losslab replay FILE`.", valueName: "FILE"))
  var recordFile: String?

  func run() throws {
    Interrupts.install()
    let interactive = Terminal.isInteractive
    let style = ShellSetup.style(plain: plain)
    let header = TranscriptHeader(
      width: Terminal.width, height: Terminal.height,
      mode: .present(lesson: lesson, margin: margin),
      learner: "presenter", seed: seed, interactive: interactive, plain: style == .plain)
    var configuration = ShellConfiguration(
      interactive: interactive, isInterrupted: { Interrupts.isRequested })
    configuration.fileReader = DiskFiles.reader
    let live = LiveTrainingDisplay(style: style, interactive: interactive)
    configuration.liveEvents = live.sink
    guard let (session, opening) = Self.session(header, lessons: lessons, configuration) else {
      throw ExitCode(1)
    }
    let view = CompletionView(session)
    let source: any LineSource
    if interactive, Terminal.canEditLines {
      source = LibeditLineSource(
        historyURL: nil,
        completer: { line, cursor in view.completions(line: line, cursor: cursor) },
        colorPrompt: style == .color, wordBreakCharacters: ShellSession.completionWordBreaks)
    } else {
      source = PipeLineSource(prompting: interactive)
    }
    var loop = ShellLoop(
      session: session, source: source,
      layout: OutputLayout(style: style, interactive: interactive, margin: margin),
      completionView: view, live: live, recordingBase: header)
    if let recordFile, let reason = loop.startRecording(to: recordFile) {
      throw ValidationError("cannot record to \(recordFile): \(reason)")
    }
    let status = loop.run(greeting: opening)
    if status != 0 { throw ExitCode(status) }
  }

  /// The presenter's session on the lesson `header` names, started, and its opening; nil
  /// (with the reason on standard error) when there is no such lesson. Replays use it too.
  static func session(
    _ header: TranscriptHeader, lessons: [String], _ configuration: ShellConfiguration
  ) -> (ShellSession, [ShellEvent])? {
    guard case .present(let lesson, _) = header.mode else { return nil }
    var session = Presenter.session(
      library: ShellSetup.library(lessons: lessons), seed: header.seed ?? Presenter.defaultSeed,
      configuration: configuration)
    let (opening, started) = Presenter.begin(&session, lesson: lesson)
    guard started else {
      let why = Renderer(style: .plain, width: Terminal.width).render(opening)
      StandardStreams.report("losslab present: " + why.trimmingCharacters(in: .whitespaces))
      return nil
    }
    return (session, opening)
  }
}
