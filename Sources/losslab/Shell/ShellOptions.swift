import ArgumentParser

/// Options shared by the interactive shell and `losslab run`, declared once.
struct ShellOptions: ParsableArguments {
  @Flag(help: "Plain ASCII output without colour (also when NO_COLOR is set or TERM=dumb).")
  var plain = false

  @Option(help: "Whose progress to use (default: your user name).")
  var learner: String?

  @Option(
    name: .customLong("lessons"),
    help: "A folder of your own lessons to add (repeatable; also LOSSLAB_LESSONS).")
  var lessons: [String] = []
}
