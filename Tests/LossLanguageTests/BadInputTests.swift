import Foundation
import LossEngine
import LossLanguage
import Testing

/// Bad input never crashes: each line gives exactly one ``LanguageError`` (one JSON error
/// line), never a trap, a stack overflow or a hang.
///
/// Swift Testing runs these on worker threads; on Linux those have 8 MB stacks, the same as
/// the main thread the shell and `losslab eval` run on (EvalCommandTests repeats the deep
/// cases through the real binary).
@Suite("Bad input gives one error, never a crash")
struct BadInputTests {
  struct Bad: Sendable, CustomTestStringConvertible {
    let label: String
    let setup: [String]
    let line: String
    /// A piece of the expected message.
    let message: String
    var testDescription: String { label }
    init(_ label: String, setup: [String] = [], _ line: String, _ message: String) {
      self.label = label
      self.setup = setup
      self.line = line
      self.message = message
    }
  }

  static let deepParentheses =
    String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
  static let deepBrackets =
    String(repeating: "[", count: 100_000) + "1" + String(repeating: "]", count: 100_000)

  static let cases: [Bad] = [
    Bad("unclosed parenthesis", "(1 + 2", "expected ')' to close the '(' at column 1"),
    Bad("unclosed bracket", "[1, 2", "expected ',' or ']' to close the '[' at column 1"),
    Bad("unclosed call", "mean([1, 2]", "expected ',' or ')' to close the call to mean"),
    Bad("unclosed nested", "[[1, 2], [3, 4]", "expected ',' or ']'"),
    Bad(
      "extra closing parenthesis", "(1 + 2))",
      "unexpected ')': there is no opening bracket to match it"),
    Bad(
      "extra closing bracket", "[1, 2]]", "unexpected ']': there is no opening bracket to match it"),
    Bad("closing first", ")(", "expected a value"),
    Bad("mismatched brackets", "(1 + 2]", "expected ')' to close the '('"),
    Bad("mismatched brackets 2", "[1, 2)", "expected ',' or ']'"),
    Bad("100,000 nested parentheses", deepParentheses, "nested too deeply"),
    Bad("100,000 nested brackets", deepBrackets, "nested too deeply"),
    Bad("100,000 opening parentheses", String(repeating: "(", count: 100_000), "nested too deeply"),
    Bad("100,000 opening brackets", String(repeating: "[", count: 100_000), "nested too deeply"),
    Bad("100,000 closing parentheses", String(repeating: ")", count: 100_000), "expected a value"),
    Bad(
      "100,000 nested calls",
      String(repeating: "abs(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
      "nested too deeply"),
    Bad(
      "500,000-term sum", Array(repeating: "1", count: 500_000).joined(separator: "+"),
      "nested too deeply"),
    Bad(
      "500,000-term product", Array(repeating: "1", count: 500_000).joined(separator: " * "),
      "nested too deeply"),
    Bad(
      "500,000 comparisons", Array(repeating: "1", count: 500_000).joined(separator: "<"),
      "nested too deeply"),
    Bad("500,000 unary minus", String(repeating: "-", count: 500_000) + "1", "nested too deeply"),
    Bad("100,000 powers", String(repeating: "2^", count: 100_000) + "2", "nested too deeply"),
    Bad(
      "100,000 indexes", setup: ["x = [1]"], "x" + String(repeating: "[1]", count: 100_000),
      "nested too deeply"),
    Bad(
      "1 MB name", String(repeating: "x", count: 1_000_000),
      "unknown name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"),
    Bad(
      "1 MB call name", String(repeating: "f", count: 1_000_000) + "(1)",
      "unknown function 'fffffffffffffffffffffffffffffffffffff…'"),
    Bad(
      "1 MB of spaces then junk", String(repeating: " ", count: 1_000_000) + "$",
      "unexpected character '$'"),
    Bad(
      "1 MB number", String(repeating: "9", count: 1_000_000),
      "the number 9999999999999999999999999999999999999… is too large for a double"),
    Bad(
      "1 MB number into a name", "0." + String(repeating: "0", count: 1_000_000) + "1x",
      "write '0.00000000000000000000000000000000000… * …'"),
    Bad(
      "1 MB name given too many arguments",
      setup: ["def " + String(repeating: "g", count: 1_000_000) + "(x) = x"],
      String(repeating: "g", count: 1_000_000) + "(1, 2)",
      "ggggggggggggggggggggggggggggggggggggg… takes at most 1 argument, got 2"),
    Bad(
      "1 MB name after a value", "1 " + String(repeating: "h", count: 1_000_000),
      "unexpected name 'hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh…'"),
    Bad("3 MB line", String(repeating: "1", count: 3_000_000), "the limit is 2000000"),
    Bad(
      "1e400", "1e400", "the number 1e400 is too large for a double (the largest is about 1.8e308)"),
    Bad("-1e400", "-1e400", "the number 1e400 is too large for a double"),
    Bad("10^10^10", "10^10^10", "^ overflowed: the result is too large for a double"),
    Bad("1e300 * 1e300", "1e300 * 1e300", "* overflowed"),
    Bad("exp(1000)", "exp(1000)", "exp overflowed: the result is too large for a double"),
    Bad("1/0", "1/0", "division by zero"),
    Bad("vector division by zero", "[1, 2] / [1, 0]", "division by zero"),
    Bad("0/0", "0/0", "division by zero"),
    Bad("empty vector", "[]", "an empty vector [] has no elements to compute with"),
    Bad(
      "empty vector in a loss", "mse([], [])", "an empty vector [] has no elements to compute with"),
    Bad("empty row", "[[]]", "an empty vector [] has no elements"),
    Bad("vector shape mismatch", "[1, 2] + [1, 2, 3]", "+ cannot combine shapes [2] and [3]"),
    Bad(
      "loss shape mismatch", "mse([1, 2, 3], [1, 2])",
      "mse expects p and y of the same shape, got [3] and [2]"),
    Bad(
      "matrix product shapes", "[[1, 2]] @ [[1, 2]]", "@ cannot combine shapes [1, 2] and [1, 2]"),
    Bad("ragged matrix", "[[1, 2], [3]]", "every row of a matrix must have the same length"),
    Bad("unknown name", "undefined_variable + 1", "unknown name 'undefined_variable'"),
    Bad("unknown function", "msee([1], [1])", "unknown function 'msee' — did you mean 'mse'?"),
    Bad("assigning to a built-in", "mean = 3", "'mean' is a built-in and cannot be redefined"),
    Bad("assigning to pi", "pi = 3", "'pi' is a built-in and cannot be redefined"),
    Bad("defining a built-in", "def mse(p, y) = 0", "'mse' is a built-in and cannot be redefined"),
    Bad(
      "100 million elements", "linspace(0, 1, 1e8)",
      "linspace's n must be a whole number from 1 to \(Tensor.maxElementCount)"),
    Bad("a billion elements", "linspace(0, 1, 1e9)", "from 1 to \(Tensor.maxElementCount)"),
    Bad(
      "matrix beyond the limit", setup: ["v = linspace(0, 1, 10000)"], "transpose([v]) @ [v]",
      "at most 10,000,000 elements fit in one value"),
    Bad("index 2^63", "[1, 2][2^63]", "an index must be a whole number"),
    Bad("index 0", "[1, 2][0]", "position 0 is outside 1…2"),
    Bad("unclosed string", #""abc"#, "this string has no closing quote"),
    Bad("unclosed string after code", #"x = "abc + 1"#, "this string has no closing quote"),
    Bad("dollar", "$", "unexpected character '$'"),
    Bad("bang", "!", "'!' on its own is not an operator; did you mean '!='?"),
    Bad("backtick", "`1`", "unexpected character '`'"),
    Bad("semicolon", "1; 2", "unexpected character ';'"),
    Bad("NUL", "1\u{0}", "unexpected character"),
    Bad("emoji", "🙂 + 1", "unexpected character '🙂'"),
    Bad(
      "number into name", "2x", "a number cannot run into a name here; write '2 * …' to multiply"),
    Bad("number into name after dot", "2.5y", "a number cannot run into a name"),
    Bad("lone dot", ".", "'.' is not a number"),
    Bad("two dots", "1.2.3", "expected an operator or the end of the line"),
    Bad("nested grad", setup: ["x = 1"], "grad(grad(x^2, x), x)", "grad cannot be nested"),
    Bad(
      "grad of a vector", setup: ["x = [1, 2]"], "grad(x * 2, x)",
      "the expression must give one number"),
    Bad("recursion", "def f(x) = f(x)", "a function cannot call itself"),
    Bad("assignment without value", "x =", "the expression is incomplete"),
    Bad("only an operator", "*", "expected a value"),
    Bad("dangling operator", "1 +", "the expression is incomplete"),
    Bad("def without body", "def f(x) =", "the expression is incomplete"),
    Bad("def without name", "def", "expected a function name after 'def'"),
    Bad("string arithmetic", #""a" * 2"#, "* needs numbers, got a string"),
    Bad(
      "clip with crossed bounds", "clip([1, 2], 1, 0)",
      "the lower bound must not exceed the upper bound"),
  ]

  @Test(arguments: cases)
  func givesOneError(_ bad: Bad) throws {
    var session = Session()
    for line in bad.setup { try session.run(line) }
    let error = try session.failure(bad.line)
    #expect(error.message.contains(bad.message), "got: \(error.message.prefix(300))")
    // One line for scripts and JSON, short even for a megabyte of input.
    #expect(!error.oneLine.contains("\n"))
    #expect(error.oneLine.count < 400, "\(error.oneLine.count) characters")
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
  /// limit with an error instead of running for hours.
  @Test(.timeLimit(.minutes(2)))
  func exponentialFunctionChainsStopAtTheOperationLimit() throws {
    var session = Session()
    try session.run("def f1(x) = x + 1")
    for i in 2...30 { try session.run("def f\(i)(x) = f\(i - 1)(x) + f\(i - 1)(x)") }
    let clock = ContinuousClock()
    var error: LanguageError?
    let elapsed = try clock.measure { error = try session.failure("f30(1)") }
    #expect(
      error?.message.hasSuffix(
        "this expression needs more than 1,000,000 operations; it was stopped") == true)
    #expect(error?.message.hasPrefix("in f30(…): in f29(…):") == true)
    #expect(elapsed < .seconds(30), "took \(elapsed)")
    // The same limit for chains that record nothing on the tape (f1(x) = x).
    try session.run("def g1(x) = x")
    for i in 2...30 { try session.run("def g\(i)(x) = g\(i - 1)(g\(i - 1)(x))") }
    let idle = try clock.measure { error = try session.failure("g30(1)") }
    #expect(
      error?.message.hasSuffix(
        "this expression needs more than 1,000,000 operations; it was stopped") == true)
    #expect(idle < .seconds(30), "took \(idle)")
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
