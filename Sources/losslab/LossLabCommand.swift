import ArgumentParser
import LineEditor

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `losslab`: with no subcommand, the interactive shell; `eval` for scripts and tools.
@main
struct LossLabCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "losslab",
    abstract: "Learn loss functions by doing them: an interactive shell with a live loss engine.",
    version: LossLabCommand.version,
    subcommands: [
      ShellSubcommand.self, EvalSubcommand.self, RunSubcommand.self, LessonSubcommand.self,
      ProgressSubcommand.self, ReportSubcommand.self, PresentSubcommand.self,
      ReplaySubcommand.self, ClassSubcommand.self,
    ],
    defaultSubcommand: ShellSubcommand.self
  )

  /// ArgumentParser's `main`, with its help and error text written through
  /// ``StandardStreams`` (checked) instead of unchecked `print`.
  static func main() {
    StandardStreams.prepare()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success {
          do {
            try StandardStreams.write(message + "\n")
          } catch {
            StandardStreams.exit(after: error)
          }
        } else {
          StandardStreams.report(message + "\n")
        }
      }
      terminate(code.rawValue)
    }
  }

  /// What `losslab --version` prints.
  static let version = "0.1.0"
}

/// The C library's `exit`, named apart from ArgumentParser's `exit(withError:)`.
private func terminate(_ status: Int32) -> Never { exit(status) }
