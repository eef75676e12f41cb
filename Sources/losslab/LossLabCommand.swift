import ArgumentParser

/// `losslab`: with no subcommand, the interactive shell; `eval` for scripts and tools.
@main
struct LossLabCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "losslab",
    abstract: "Learn loss functions by doing them: an interactive shell with a live loss engine.",
    version: LossLabCommand.version,
    subcommands: [
      ShellSubcommand.self, EvalSubcommand.self, RunSubcommand.self, LessonSubcommand.self,
    ],
    defaultSubcommand: ShellSubcommand.self
  )

  /// What `losslab --version` prints.
  static let version = "0.1.0"
}
