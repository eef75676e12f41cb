import ArgumentParser

/// `losslab`: with no subcommand, the interactive shell; `eval` for scripts and tools.
@main
struct LossLabCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "losslab",
    abstract: "Learn loss functions by doing them: an interactive shell with a live loss engine.",
    subcommands: [
      ShellSubcommand.self, EvalSubcommand.self, RunSubcommand.self, LessonSubcommand.self,
    ],
    defaultSubcommand: ShellSubcommand.self
  )
}
