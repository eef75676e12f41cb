import ArgumentParser
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
    var failed = false
    let printer = EvalPrinter(json: json)
    func evaluate(_ line: String, number: Int?) {
      do {
        let outcome = try interpreter.run(line)
        printer.print(outcome)
      } catch {
        failed = true
        printer.print(error, source: line, lineNumber: number)
      }
    }
    // Expressions may start with '-' (`-2^2`), so unrecognised options are taken as
    // expressions; a `--` still ends the options as usual and is never an expression.
    var arguments = expressions
    if let separator = arguments.firstIndex(of: "--") { arguments.remove(at: separator) }
    if arguments.isEmpty {
      var number = 0
      while let line = readLine(strippingNewline: true) {
        number += 1
        evaluate(line, number: number)
      }
    } else {
      for expression in arguments { evaluate(expression, number: nil) }
    }
    if failed { throw ExitCode.failure }
  }
}
