import ArgumentParser
import Foundation
import LineEditor
import LossShell

/// `losslab run FILE`: the shell as a script over a file's lines.
struct RunSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "Run a file of LossLab lines as a script (errors go to standard error with line numbers; exit 1 if any failed)."
  )

  @Argument(help: "The file to run.")
  var file: String

  @OptionGroup var options: ShellOptions

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ValidationError("cannot read \(file)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ValidationError("\(file) is not UTF-8 text")
    }
    Interrupts.install()
    let start = try ShellSetup.session(options, interactive: false)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    if lines.last == "" { lines.removeLast() }
    var loop = ShellLoop(
      session: start.session, source: ScriptedLineSource(lines: lines),
      layout: OutputLayout(style: ShellSetup.style(plain: options.plain), interactive: false),
      completionView: CompletionView(start.session), live: start.live,
      recordingBase: start.recordingBase)
    let status = loop.run(greeting: [])
    if status != 0 { throw ExitCode(status) }
  }
}
