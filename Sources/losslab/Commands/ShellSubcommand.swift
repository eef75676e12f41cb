import ArgumentParser
import Foundation
import LineEditor
import LossLessons
import LossShell

/// `losslab` (or `losslab shell`): the interactive shell; with piped input, a script runner.
struct ShellSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "Start the interactive shell (the default when no subcommand is given)."
  )

  @OptionGroup var options: ShellOptions

  @Option(
    name: .customLong("record"),
    help: ArgumentHelp(
      "Record the session to FILE (an asciicast v2 transcript) for `losslab replay FILE`.",
      valueName: "FILE"))
  var recordFile: String?

  func run() throws {
    Interrupts.install()
    let interactive = Terminal.isInteractive
    let start = try ShellSetup.session(
      options, interactive: interactive, recording: recordFile != nil)
    let session = start.session
    let view = CompletionView(session)
    let source: any LineSource
    if interactive, Terminal.canEditLines {
      source = LibeditLineSource(
        historyURL: StateFolder.historyFile(environment: ProcessInfo.processInfo.environment),
        completer: { line, cursor in view.completions(line: line, cursor: cursor) },
        colorPrompt: ShellSetup.style(plain: options.plain) == .color,
        wordBreakCharacters: ShellSession.completionWordBreaks)
    } else {
      source = PipeLineSource(prompting: interactive)
    }
    var loop = ShellLoop(
      session: session, source: source,
      layout: OutputLayout(style: ShellSetup.style(plain: options.plain), interactive: interactive),
      completionView: view, live: start.live, recordingBase: start.recordingBase)
    if let recordFile, let reason = loop.startRecording(to: recordFile) {
      throw ValidationError("cannot record to \(recordFile): \(reason)")
    }
    let status = loop.run(greeting: start.greeting)
    if status != 0 { throw ExitCode(status) }
  }
}
