import ArgumentParser
import Foundation
import LineEditor
import LossShell

/// `losslab` (or `losslab shell`): the interactive shell; with piped input, a script runner.
struct ShellCommandLine: ParsableCommand {
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

/// `losslab run FILE`: the shell as a script over a file's lines.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "Run a file of LossLab lines as a script (errors go to standard error with line numbers; exit 1 if any failed)."
  )

  @Argument(help: "The file to run.")
  var file: String

  @Flag(help: "Plain ASCII output without colour.")
  var plain = false

  @Option(help: "Whose progress to use (default: your user name).")
  var learner: String?

  @Option(name: .customLong("lessons"), help: "A folder of your own lessons to add (repeatable).")
  var lessons: [String] = []

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ValidationError("cannot read \(file)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ValidationError("\(file) is not UTF-8 text")
    }
    Interrupts.install()
    let options = ShellOptions(plain: plain, learner: learner, lessons: lessons)
    let (session, _) = ShellSetup.session(options, interactive: false)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    if lines.last == "" { lines.removeLast() }
    var loop = ShellLoop(
      session: session, source: ScriptedLineSource(lines: lines),
      style: ShellSetup.style(plain: plain),
      completionView: CompletionView(session))
    let status = loop.run(greeting: [])
    if status != 0 { throw ExitCode(status) }
  }
}
