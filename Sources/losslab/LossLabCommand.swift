import ArgumentParser

/// `losslab`: with no subcommand, the interactive shell; `eval` for scripts and tools.
@main
struct LossLabCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "losslab",
    abstract: "Learn loss functions by doing them: an interactive shell with a live loss engine.",
    subcommands: [ShellCommandLine.self, EvalCommand.self, RunCommand.self, LessonCommand.self],
    defaultSubcommand: ShellCommandLine.self
  )
}
