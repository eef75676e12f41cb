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

  func run() throws {
    Interrupts.install()
    let interactive = Terminal.isInteractive
    let (session, greeting, live) = ShellSetup.session(options, interactive: interactive)
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
      session: session, source: source, style: ShellSetup.style(plain: options.plain),
      completionView: view, live: live)
    let status = loop.run(greeting: greeting)
    if status != 0 { throw ExitCode(status) }
  }
}
