import Foundation
import TestSupport
import Testing

/// `losslab eval`, run as a real process: the contract other tools depend on.
///
/// Needs the built binary: `swift test` builds every product first, so it is found beside the
/// test bundle; if it is missing, each test fails saying to run `swift build`.
@Suite("losslab eval (the real binary)")
struct EvalCommandTests {
  // MARK: The JSON contract

  @Test func argumentsPrintOneJSONObjectPerExpressionInOneScope() throws {
    let run = try LossLabBinary.run([
      "eval", "--json", "x = [1, 2]", "x * 3", "mse(x, [2, 2])", "def f(p, y) = mean((p - y)^2)",
      "f(x, 2)",
      "grad(sum(x^2), x)", #"s = "adam""#,
    ])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stderr == "")
    #expect(
      run.lines == [
        #"{"value": [1.0, 2.0], "grad": null}"#,
        #"{"value": [3.0, 6.0], "grad": null}"#,
        #"{"value": 0.5, "grad": [-1.0, 0.0]}"#,
        #"{"defined": "f", "value": null, "grad": null}"#,
        #"{"value": 0.5, "grad": [-1.0, 0.0]}"#,
        #"{"value": [2.0, 4.0], "grad": null}"#,
        #"{"value": "adam", "grad": null}"#,
      ])
    for line in run.lines { _ = try JSONLine(line) }
  }

  /// Text is for people: a value of more than 10,000 numbers is summarised, not formatted in
  /// full; JSON, for tools, gives every number.
  @Test func aHugeValueIsSummarisedInTextAndWholeInJSON() throws {
    let text = try LossLabBinary.run([
      "eval", "linspace(0, 1, 20001)",
      "m = linspace(0, 1, 20000) @ transpose([linspace(0, 1, 20000), linspace(0, 1, 20000)])",
      "linspace(0, 1, 10000)",
    ])
    #expect(text.exited(with: 0), "\(text.summary)")
    #expect(
      text.lines.first
        == "[0, 0.00005, 0.0001, 0.00015, 0.0002, 0.00025, 0.0003, …, 0.99995, 1] (20001 values)")
    #expect(text.lines.count == 3)
    #expect(text.lines[2].split(separator: ",").count == 10_000, "at the limit: every number")
    let json = try LossLabBinary.run(["eval", "--json", "linspace(0, 1, 20001)"])
    #expect(json.exited(with: 0))
    #expect(json.lines.first?.split(separator: ",").count == 20_002, "20001 values and the grad")
  }

  @Test func aFailedExpressionPrintsAnErrorAndEvaluationGoesOn() throws {
    let run = try LossLabBinary.run([
      "eval", "--json", "a = 1", "nope + 1", "a + 1", "mse([1,2,3],[1,2])", "a + 2",
    ])
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(run.lines.count == 5)
    #expect(try JSONLine(run.lines[1]).error == "unknown name 'nope' (column 1)")
    #expect(try JSONLine(run.lines[2]).number == 2)
    #expect(
      try JSONLine(run.lines[3]).error
        == "mse expects p and y of the same shape, got [3] and [2] (column 1)")
    #expect(try JSONLine(run.lines[4]).number == 3)
    #expect(run.stderr == "")
  }

  @Test func expressionsMayStartWithAMinus() throws {
    let run = try LossLabBinary.run(["eval", "--json", "-2^2", "x = 5", "-x", "-[1, 2]"])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(
      run.lines == [
        #"{"value": -4.0, "grad": null}"#, #"{"value": 5.0, "grad": null}"#,
        #"{"value": -5.0, "grad": null}"#,
        #"{"value": [-1.0, -2.0], "grad": null}"#,
      ])
    let separated = try LossLabBinary.run(["eval", "--json", "--", "-2^2", "2^3^2"])
    #expect(separated.exited(with: 0), "\(separated.summary)")
    #expect(
      separated.lines == [#"{"value": -4.0, "grad": null}"#, #"{"value": 512.0, "grad": null}"#])
  }

  @Test func exitStatusIsZeroOnlyWhenEverythingSucceeds() throws {
    #expect(try LossLabBinary.run(["eval", "--json", "1", "2"]).exited(with: 0))
    #expect(try LossLabBinary.run(["eval", "--json", "1", "1/0"]).exited(with: 1))
    #expect(try LossLabBinary.run(["eval", "--json", "1/0", "1"]).exited(with: 1))
    #expect(try LossLabBinary.run(["eval", "1", "2"]).exited(with: 0))
    #expect(try LossLabBinary.run(["eval", "zzz"]).exited(with: 1))
    #expect(try LossLabBinary.run(["eval", "--json"], stdin: "1\n2\n").exited(with: 0))
    #expect(try LossLabBinary.run(["eval", "--json"], stdin: "1\n)\n2\n").exited(with: 1))
    #expect(try LossLabBinary.run(["eval", "--json"], stdin: "").exited(with: 0))
  }

  // MARK: Standard input

  @Test func standardInputIsOneExpressionPerLine() throws {
    let run = try LossLabBinary.run(
      ["eval", "--json"],
      stdin: """
        w = 0.5

        # a comment-only line prints nothing
           # indented comment
        \t
        w * 2   # a trailing comment
        [1, 2
        w + 1
        def sq(x) = x^2
        sq(w)
        """)
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(run.lines.count == 6, "\(run.lines)")
    #expect(try JSONLine(run.lines[0]).number == 0.5)
    #expect(try JSONLine(run.lines[1]).number == 1)
    // An unclosed bracket is an error at the end of its own line; the next line is evaluated.
    #expect(
      try JSONLine(run.lines[2]).error
        == "expected ',' or ']' to close the '[' at column 1, found the end of the line (column 6)")
    #expect(try JSONLine(run.lines[3]).number == 1.5)
    #expect(run.lines[4] == #"{"defined": "sq", "value": null, "grad": null}"#)
    #expect(try JSONLine(run.lines[5]).number == 0.25)
    #expect(try JSONLine(run.lines[5]).gradNumbers == nil)  // a scalar: grad is a number
    #expect(try JSONLine(run.lines[5]).grad as? Double == 1)  // ∂ sq(w) / ∂w = 2w
  }

  @Test func standardInputWithoutAFinalNewlineOrWithCRLF() throws {
    let noNewline = try LossLabBinary.run(["eval", "--json"], stdin: "1 + 1\n2 + 2")
    #expect(
      noNewline.lines == [#"{"value": 2.0, "grad": null}"#, #"{"value": 4.0, "grad": null}"#])
    let crlf = try LossLabBinary.run(["eval", "--json"], stdin: "1 + 1\r\n\r\n[1,\r\n3\r\n")
    #expect(crlf.lines.count == 3, "\(crlf.lines)")
    #expect(crlf.lines.first == #"{"value": 2.0, "grad": null}"#)
    #expect(try JSONLine(crlf.lines[1]).isError)
    #expect(crlf.exited(with: 1))
  }

  // MARK: Values

  @Test func nonFiniteNumbersPrintAsStrings() throws {
    let run = try LossLabBinary.run([
      "eval", "--json", "log(0)", "-log(0)", "sqrt(-1)", "0 * log(0)", "log([1, 0, -1])",
    ])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(
      run.lines == [
        #"{"value": "-inf", "grad": null}"#,
        #"{"value": "inf", "grad": null}"#,
        #"{"value": "nan", "grad": null}"#,
        #"{"value": "nan", "grad": null}"#,
        #"{"value": [0.0, "-inf", "nan"], "grad": null}"#,
      ])
    for line in run.lines { _ = try JSONLine(line) }  // still valid JSON
  }

  @Test func definitionsPrintTheirName() throws {
    let run = try LossLabBinary.run([
      "eval", "--json", "def asym(p, y) = mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2))",
      "asym([1, 2, 3], [2, 2, 2])",
    ])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.lines.first == #"{"defined": "asym", "value": null, "grad": null}"#)
    let loss = try JSONLine(run.lines[1])
    #expect(loss.number == 1)
    #expect(loss.gradNumbers?.count == 3)
  }

  /// The gradient is labelled by the prediction's own parameter, as the shell labels it.
  @Test func theGradientIsNamedForThePredictionsParameter() throws {
    let run = try LossLabBinary.run([
      "eval", "bce_logits([0, 0], [1, 0])", "def f(guess, t) = sum((guess - t)^2)", "f(1, 3)",
    ])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(
      run.lines == [
        "bce_logits = 0.693147",
        "∂/∂z       = [-0.25, 0.25]",
        "defined f(guess, t)",
        "f        = 4",
        "∂/∂guess = -4",
      ])
  }

  @Test func withoutJSONTheValueAndGradientPrintAligned() throws {
    let run = try LossLabBinary.run([
      "eval", "mse([1, 2], [2, 2])", "def my_long_loss(p, y) = mean(abs(p - y))",
      "my_long_loss([1, 3], [2, 2])", "x = 1/3", "[0.1 + 0.2, 1e9]",
    ])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(
      run.lines == [
        "mse  = 0.5",
        "∂/∂p = [-1, 0]",
        "defined my_long_loss(p, y)",
        "my_long_loss = 1",
        "∂/∂p         = [-0.5, 0.5]",
        "x = 0.333333",
        "[0.3, 1000000000]",
      ])
    // The '=' signs of a value and its gradient are in the same column.
    for (first, second) in [(0, 1), (3, 4)] {
      let a = Array(run.lines[first]), b = Array(run.lines[second])
      #expect(a.firstIndex(of: "=") == b.firstIndex(of: "="))
    }
  }

  @Test func withoutJSONErrorsGoToStandardErrorWithACaret() throws {
    let run = try LossLabBinary.run(["eval"], stdin: "1 + 1\n1 + foo_bar\n")
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(run.lines == ["2"])
    #expect(
      run.stderrLines == [
        "  1 + foo_bar",
        "      ^~~~~~~",
        "error on line 2: unknown name 'foo_bar'",
      ])
  }

  /// One error format across commands: `eval` and `run` lay out the same error the same way.
  @Test func evalAndRunShowAnErrorAlike() throws {
    let script = "x = 2\nmse([1, 2, 3], [x, 1])\n"
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("losslab-eval-run-\(UInt64.random(in: 0...UInt64.max)).ll")
    try Data(script.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let eval = try LossLabBinary.run(["eval"], stdin: script)
    let run = try LossLabBinary.run(["run", "--plain", file.path])
    #expect(eval.exited(with: 1) && run.exited(with: 1), "\(eval.summary)\n\(run.summary)")
    let expected = [
      "  mse([1, 2, 3], [x, 1])",
      "  ^~~~~~~~~~~~~~~~~~~~~~",
      "error on line 2: mse expects p and y of the same shape, got [3] and [2]",
    ]
    #expect(eval.stderrLines == expected)
    #expect(run.stderrLines == expected)
  }

  // MARK: Bad input

  /// Each bad input, as the last line on standard input after its setup: one JSON error line,
  /// exit status 1, no signal; the setup lines print their own lines before it.
  @Test(arguments: BadInput.all)
  func badInputGivesOneErrorLineAndExitStatusOne(_ bad: BadInput) throws {
    let run = try LossLabBinary.evalJSON(stdin: bad.setup + [bad.line])
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(run.reason == .exit, "terminated by a signal")
    #expect(run.stderr == "", "\(run.stderr.prefix(500))")
    #expect(run.lines.count == bad.setup.count + 1, "\(run.lines.count) lines")
    let setupErrors = try run.lines.dropLast().filter { try JSONLine($0).isError }
    #expect(setupErrors.isEmpty, "\(setupErrors)")
    let last = try JSONLine(try #require(run.lines.last))
    #expect(last.isError)
    #expect(last.error?.contains(bad.message) == true, "\(last.error?.prefix(300) ?? "")")
    #expect((last.error?.count ?? 0) < 600)
  }

  /// The short ones also as command-line arguments, and without --json (one error line on
  /// standard error plus the source and caret when the line is short).
  @Test(
    arguments: BadInput.all.filter {
      // A NUL cannot travel in a command-line argument; that case runs on standard input.
      $0.line.utf8.count < 100 && $0.setup.count < 5 && !$0.line.contains("\u{0}")
    })
  func badInputAsAnArgument(_ bad: BadInput) throws {
    let json = try LossLabBinary.run(["eval", "--json", "--"] + bad.setup + [bad.line])
    #expect(json.exited(with: 1), "\(json.summary)")
    #expect(json.lines.count == bad.setup.count + 1)
    #expect(try JSONLine(try #require(json.lines.last)).error?.contains(bad.message) == true)
    let text = try LossLabBinary.run(["eval", "--"] + bad.setup + [bad.line])
    #expect(text.exited(with: 1), "\(text.summary)")
    let errors = text.stderrLines.filter { $0.hasPrefix("error: ") }
    #expect(errors.count == 1, "\(text.stderr)")
    #expect(errors.first?.contains(bad.message) == true)
  }

  @Test func aLongSessionOfBadLinesKeepsGoing() throws {
    let lines = BadInput.all.filter { $0.setup.isEmpty }.map(\.line) + ["1 + 1"]
    let run = try LossLabBinary.evalJSON(stdin: lines)
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(run.lines.count == lines.count)
    #expect(try run.lines.dropLast().allSatisfy { try JSONLine($0).isError })
    #expect(run.lines.last == #"{"value": 2.0, "grad": null}"#)
  }

  @Test func theBinaryIsFound() throws {
    let url = try LossLabBinary.url()
    #expect(url.lastPathComponent == "losslab")
    let help = try LossLabBinary.run(["eval", "--help"])
    #expect(help.exited(with: 0))
    #expect(help.stdout.contains("--json"))
  }
}
