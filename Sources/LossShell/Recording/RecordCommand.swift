/// What `record FILE` and `record stop` ask the caller to do (files are opened outside the
/// session, as for `save`); the caller answers with a notice.
public enum RecordRequest: Equatable, Sendable {
  case start(path: String)
  case stop
}

extension ShellCommand {
  /// `record FILE` / `record stop`.
  static let record = ShellCommand(
    name: "record", arguments: "FILE|stop",
    summary: "record this session to FILE for `losslab replay` (stop ends it)",
    details: [
      "The file is an asciicast v2 transcript: every line you type with its timing, and what LossLab showed. `losslab replay FILE` plays it back and checks that the engine still gives the same output; asciinema can play it too.",
      "What you typed before `record` is kept in the file too, so the replay starts from the same variables and lesson.",
    ],
    example: "record stop"
  ) { _, invocation in
    let argument = invocation.argument
    if argument.isEmpty {
      return [.notice("`record` needs a file name (`record demo.cast`), or `record stop`.")]
    }
    if let problem = invocation.fileNameProblem(example: "record demo.cast") { return [problem] }
    return [.record(argument == "stop" ? .stop : .start(path: argument))]
  }
}
