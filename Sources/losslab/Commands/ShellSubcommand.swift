import ArgumentParser
import Foundation
import LineEditor
import LossShell

/// `losslab` (or `losslab shell`): the interactive shell; with piped input, a script runner.
struct ShellSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "Start the interactive shell (the default when no subcommand is given)."
  )

  @Flag(help: "Plain ASCII output without colour (also when NO_COLOR is set or TERM=dumb).")
  var plain = false

  @Option(help: "Whose progress to use (default: your user name).")
  var learner: String?

  @Option(
    name: .customLong("lessons"),
    help: "A folder of your own lessons to add (repeatable; also LOSSLAB_LESSONS).")
  var lessons: [String] = []

  func run() throws {
    let options = ShellOptions(plain: plain, learner: learner, lessons: lessons)
    Interrupts.install()
    let interactive = Terminal.isInteractive
    let (session, greeting) = ShellSetup.session(options, interactive: interactive)
    let view = CompletionView(session)
    let source: any LineSource
    if interactive, Terminal.canEditLines {
      source = LibeditLineSource(
        historyURL: HistoryLocation.default(environment: ProcessInfo.processInfo.environment),
        completer: { line, cursor in view.completions(line: line, cursor: cursor) },
        colorPrompt: ShellSetup.style(plain: plain) == .color,
        wordBreakCharacters: ShellSession.completionWordBreaks)
    } else {
      source = PipeLineSource(prompting: interactive)
    }
    var loop = ShellLoop(
      session: session, source: source, style: ShellSetup.style(plain: plain), completionView: view)
    let status = loop.run(greeting: greeting)
    if status != 0 { throw ExitCode(status) }
  }
}
