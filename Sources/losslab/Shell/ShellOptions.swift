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

  @Option(
    name: .customLong("class"),
    help: ArgumentHelp(
      "A teacher's class file: which lessons, in what order, skip and reveal rules, requires, seeds, an export folder (also LOSSLAB_CLASS; this option wins). See Lessons/CLASS-FORMAT.md.",
      valueName: "FILE"))
  var classFile: String?
}
