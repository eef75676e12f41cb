import ArgumentParser
import LineEditor
import LossLanguage

/// `losslab eval [--json] EXPR...`: evaluates expressions in one scope, for scripts and tests.
struct EvalSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate expressions (or one per line of standard input) and print their values.",
    discussion: """
      With --json, prints exactly one JSON object per expression: {"value": V, "grad": G}, \
      {"defined": NAME, "value": null, "grad": null} or {"error": MESSAGE}. G is the gradient \
      of a top-level loss call with respect to its first argument, else null. Exits 1 if any \
      expression failed.
      """
  )

  @Flag(help: "Print one JSON object per expression.")
  var json = false

  @Argument(
    parsing: .allUnrecognized,
    help: "Expressions to evaluate in order; with none, read one per line from standard input.")
  var expressions: [String] = []

  func run() throws {
    var interpreter = Interpreter()
    interpreter.fileReader = DiskFiles.reader
    var failed = false
    let printer = EvalPrinter(json: json)
    func evaluate(_ line: String, number: Int?) throws(StandardStreams.Failure) {
      let outcome: Outcome
      do {
        outcome = try interpreter.run(line)
      } catch {
        failed = true
        try printer.print(error, source: line, lineNumber: number)
        return
      }
      try printer.print(outcome)
    }
    // Expressions may start with '-' (`-2^2`), so unrecognised options are taken as
    // expressions; a `--` still ends the options as usual and is never an expression.
    var arguments = expressions
    if let separator = arguments.firstIndex(of: "--") { arguments.remove(at: separator) }
    do {
      if arguments.isEmpty {
        var number = 0
        while let line = readLine(strippingNewline: true) {
          number += 1
          try evaluate(line, number: number)
        }
      } else {
        for expression in arguments { try evaluate(expression, number: nil) }
      }
    } catch {
      StandardStreams.exit(after: error)
    }
    if failed { throw ExitCode.failure }
  }
}
