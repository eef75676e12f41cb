import Foundation
import LossEngine
import LossLanguage
import TestSupport
import Testing

/// Bad input never crashes: each line gives exactly one ``LanguageError`` (one JSON error
/// line), never a trap, a stack overflow or a hang.
///
/// Swift Testing runs these on worker threads; on Linux those have 8 MB stacks, the same as
/// the main thread the shell and `losslab eval` run on (EvalCommandTests repeats the deep
/// cases through the real binary).
@Suite("Bad input gives one error, never a crash")
struct BadInputTests {
  @Test(arguments: BadInput.all)
  func givesOneError(_ bad: BadInput) throws {
    var session = Session()
    for line in bad.setup { try session.run(line) }
    let error = try session.failure(bad.line)
    #expect(error.message.contains(bad.message), "got: \(error.message.prefix(300))")
    // One line for scripts and JSON, short even for a megabyte of input.
    #expect(!Diagnostic(error, source: nil).oneLine.contains("\n"))
    #expect(
      Diagnostic(error, source: nil).oneLine.count < 400,
      "\(Diagnostic(error, source: nil).oneLine.count) characters")
    let json = JSONOutput.line(for: error)
    let object = try JSONTree(parsing: json)
    #expect(object.keys == ["error"])
    // The session goes on: the next line works.
    #expect(try session.scalar("1 + 1") == 2)
  }

  @Test func aMegabyteOfValidNumbersIsFine() throws {
    let line = "[" + Array(repeating: "1", count: 500_000).joined(separator: ",") + "]"
    #expect(line.utf8.count > 1_000_000)
    var session = Session()
    #expect(try session.scalar("sum(\(line))") == 500_000)
    let wide =
      "1" + String(repeating: " ", count: 600_000) + "+ 1 # "
      + String(repeating: "c", count: 600_000)
    #expect(try session.scalar(wide) == 2)
  }

  @Test func nestingUpToTheLimitWorks() throws {
    let depth = 150
    #expect(
      try scalar(String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth))
        == 1)
    #expect(try scalar(String(repeating: "-", count: depth) + "1") == 1)
    #expect(try scalar(Array(repeating: "1", count: depth).joined(separator: "+")) == Double(depth))
    #expect(
      try scalar(
        String(repeating: "abs(", count: depth) + "-1" + String(repeating: ")", count: depth)) == 1)
  }

  @Test func nonFiniteResultsWithoutAnErrorPrintAsStrings() throws {
    var session = Session()
    #expect(session.json("log(0)") == #"{"value": "-inf", "grad": null}"#)
    #expect(session.json("-log(0)") == #"{"value": "inf", "grad": null}"#)
    #expect(session.json("sqrt(-1)") == #"{"value": "nan", "grad": null}"#)
    #expect(session.json("0 * log(0)") == #"{"value": "nan", "grad": null}"#)
    #expect(session.json("log([1, 0, -1])") == #"{"value": [0.0, "-inf", "nan"], "grad": null}"#)
    // A loss on such values still gives one line.
    #expect(session.json("mse(log([0, 1]), [0, 0])") == #"{"value": "inf", "grad": ["-inf", 0.0]}"#)
  }

  /// f1..f30, each calling the previous twice: 2^30 calls. It must stop at the operation
  /// limit with an error instead of running for hours; the time limit only catches a hang
  /// (a debug build takes seconds, far more on a loaded machine), it measures nothing.
  @Test(.timeLimit(.minutes(2)))
  func exponentialFunctionChainsStopAtTheOperationLimit() throws {
    var session = Session()
    try session.run("def f1(x) = x + 1")
    for i in 2...30 { try session.run("def f\(i)(x) = f\(i - 1)(x) + f\(i - 1)(x)") }
    var error = try session.failure("f30(1)")
    #expect(
      error.message.hasSuffix(
        "this expression needs more than 1,000,000 operations; it was stopped") == true)
    #expect(error.message.hasPrefix("in f30(…): in f29(…):"))
    // The same limit for chains that record nothing on the tape (f1(x) = x).
    try session.run("def g1(x) = x")
    for i in 2...30 { try session.run("def g\(i)(x) = g\(i - 1)(g\(i - 1)(x))") }
    error = try session.failure("g30(1)")
    #expect(
      error.message.hasSuffix(
        "this expression needs more than 1,000,000 operations; it was stopped") == true)
    // Smaller members of the family still work: f10 makes 2^9 calls.
    #expect(try session.scalar("f10(1)") == 1024)
  }

  /// Functions whose bodies are deeply nested, calling each other: the depths add up across
  /// calls, and must stop with an error before the stack runs out.
  @Test func deepBodiesAcrossFunctionCallsStopWithAnError() throws {
    for (name, wrap) in [
      ("neg", { (e: String) in "-" + e }), ("abs", { "abs(\($0))" }), ("idx", { "[\($0)][1]" }),
      ("where", { "where(1, \($0), 0)" }),
    ] {
      var session = Session()
      try session.run("def \(name)1(x) = x")
      for i in 2...40 {
        var body = "\(name)\(i - 1)(x)"
        for _ in 0..<150 { body = wrap(body) }
        try session.run("def \(name)\(i)(x) = \(body)")
      }
      try session.run("p = 0.5")
      let error = try session.failure("\(name)40(p)")
      #expect(error.message.contains("nested too deeply"), "\(name): \(error.message.suffix(200))")
      let inGrad = try session.failure("grad(\(name)40(p), p)")
      #expect(
        inGrad.message.contains("nested too deeply"), "\(name): \(inGrad.message.suffix(200))")
      // Two levels are well within the limits.
      #expect(try session.scalar("\(name)2(p)").magnitude == 0.5)
    }
  }

  /// Redefining two functions in turn builds a chain of old versions; it is cut at 200, so
  /// releasing the scope cannot recurse without bound.
  @Test func redefiningFunctionsInTurnIsBounded() throws {
    var session = Session()
    try session.run("def a(x) = x")
    try session.run("def b(x) = a(x)")
    var refused = 0
    for _ in 0..<1000 {
      if (try? session.interpreter.run("def a(x) = b(x)")) == nil { refused += 1 }
      try session.run("def b(x) = a(x)")
    }
    #expect(refused > 0)
    let error = try session.failure("def a(x) = b(x)")
    #expect(
      error.message
        == "a would start a chain of more than 200 nested function calls, which could never run")
    #expect(try session.scalar("b(5)") == 5)
    session = Session()  // releases the chain
  }
}
