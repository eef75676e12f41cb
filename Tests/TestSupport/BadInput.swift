import LossEngine

/// A line that must give exactly one clear error and never crash, with the lines to run
/// before it and a piece of the expected message. The language's tests run every case
/// in-process; the end-to-end tests run them through the `losslab` binary.
public struct BadInput: Sendable, CustomStringConvertible {
  public let label: String
  public let setup: [String]
  public let line: String
  /// A piece of the expected message.
  public let message: String
  public var description: String { label }

  public init(_ label: String, setup: [String] = [], _ line: String, _ message: String) {
    self.label = label
    self.setup = setup
    self.line = line
    self.message = message
  }

  static let deepParentheses =
    String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
  static let deepBrackets =
    String(repeating: "[", count: 100_000) + "1" + String(repeating: "]", count: 100_000)

  public static let all: [BadInput] = [
    BadInput("unclosed parenthesis", "(1 + 2", "expected ')' to close the '(' at column 1"),
    BadInput("unclosed bracket", "[1, 2", "expected ',' or ']' to close the '[' at column 1"),
    BadInput("unclosed call", "mean([1, 2]", "expected ',' or ')' to close the call to mean"),
    BadInput("unclosed nested", "[[1, 2], [3, 4]", "expected ',' or ']'"),
    BadInput(
      "extra closing parenthesis", "(1 + 2))",
      "unexpected ')': there is no opening bracket to match it"),
    BadInput(
      "extra closing bracket", "[1, 2]]", "unexpected ']': there is no opening bracket to match it"),
    BadInput("closing first", ")(", "expected a value"),
    BadInput("mismatched brackets", "(1 + 2]", "expected ')' to close the '('"),
    BadInput("mismatched brackets 2", "[1, 2)", "expected ',' or ']'"),
    BadInput("100,000 nested parentheses", deepParentheses, "nested too deeply"),
    BadInput("100,000 nested brackets", deepBrackets, "nested too deeply"),
    BadInput(
      "100,000 opening parentheses", String(repeating: "(", count: 100_000), "nested too deeply"),
    BadInput(
      "100,000 opening brackets", String(repeating: "[", count: 100_000), "nested too deeply"),
    BadInput(
      "100,000 closing parentheses", String(repeating: ")", count: 100_000), "expected a value"),
    BadInput(
      "100,000 nested calls",
      String(repeating: "abs(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
      "nested too deeply"),
    BadInput(
      "500,000-term sum", Array(repeating: "1", count: 500_000).joined(separator: "+"),
      "nested too deeply"),
    BadInput(
      "500,000-term product", Array(repeating: "1", count: 500_000).joined(separator: " * "),
      "nested too deeply"),
    BadInput(
      "500,000 comparisons", Array(repeating: "1", count: 500_000).joined(separator: "<"),
      "nested too deeply"),
    BadInput(
      "500,000 unary minus", String(repeating: "-", count: 500_000) + "1", "nested too deeply"),
    BadInput("100,000 powers", String(repeating: "2^", count: 100_000) + "2", "nested too deeply"),
    BadInput(
      "100,000 indexes", setup: ["x = [1]"], "x" + String(repeating: "[1]", count: 100_000),
      "nested too deeply"),
    BadInput(
      "1 MB name", String(repeating: "x", count: 1_000_000),
      "unknown name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"),
    BadInput(
      "1 MB call name", String(repeating: "f", count: 1_000_000) + "(1)",
      "unknown function 'fffffffffffffffffffffffffffffffffffff…'"),
    BadInput(
      "1 MB of spaces then junk", String(repeating: " ", count: 1_000_000) + "$",
      "unexpected character '$'"),
    BadInput(
      "1 MB number", String(repeating: "9", count: 1_000_000),
      "the number 9999999999999999999999999999999999999… is too large for a double"),
    BadInput(
      "1 MB number into a name", "0." + String(repeating: "0", count: 1_000_000) + "1x",
      "write '0.00000000000000000000000000000000000… * …'"),
    BadInput(
      "1 MB name given too many arguments",
      setup: ["def " + String(repeating: "g", count: 1_000_000) + "(x) = x"],
      String(repeating: "g", count: 1_000_000) + "(1, 2)",
      "ggggggggggggggggggggggggggggggggggggg… takes at most 1 argument, got 2"),
    BadInput(
      "1 MB name after a value", "1 " + String(repeating: "h", count: 1_000_000),
      "unexpected name 'hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh…'"),
    BadInput("3 MB line", String(repeating: "1", count: 3_000_000), "the limit is 2000000"),
    BadInput(
      "1e400", "1e400", "the number 1e400 is too large for a double (the largest is about 1.8e308)"),
    BadInput("-1e400", "-1e400", "the number 1e400 is too large for a double"),
    BadInput("10^10^10", "10^10^10", "^ overflowed: the result is too large for a double"),
    BadInput("1e300 * 1e300", "1e300 * 1e300", "* overflowed"),
    BadInput("exp(1000)", "exp(1000)", "exp overflowed: the result is too large for a double"),
    BadInput("1/0", "1/0", "division by zero"),
    BadInput("vector division by zero", "[1, 2] / [1, 0]", "division by zero"),
    BadInput("0/0", "0/0", "division by zero"),
    BadInput("empty vector", "[]", "an empty vector [] has no elements to compute with"),
    BadInput(
      "empty vector in a loss", "mse([], [])", "an empty vector [] has no elements to compute with"),
    BadInput("empty row", "[[]]", "an empty vector [] has no elements"),
    BadInput("vector shape mismatch", "[1, 2] + [1, 2, 3]", "+ cannot combine shapes [2] and [3]"),
    BadInput(
      "loss shape mismatch", "mse([1, 2, 3], [1, 2])",
      "mse expects p and y of the same shape, got [3] and [2]"),
    BadInput("ragged matrix", "[[1, 2], [3]]", "every row of a matrix must have the same length"),
    BadInput("unknown name", "undefined_variable + 1", "unknown name 'undefined_variable'"),
    BadInput("unknown function", "msee([1], [1])", "unknown function 'msee' — did you mean 'mse'?"),
    BadInput("assigning to a built-in", "mean = 3", "'mean' is a built-in and cannot be redefined"),
    BadInput("assigning to pi", "pi = 3", "'pi' is a built-in and cannot be redefined"),
    BadInput(
      "defining a built-in", "def mse(p, y) = 0", "'mse' is a built-in and cannot be redefined"),
    BadInput(
      "100 million elements", "linspace(0, 1, 1e8)",
      "linspace's n must be from 1 to 10,000,000, got 100,000,000"),
    BadInput("a billion elements", "linspace(0, 1, 1e9)", "from 1 to 10,000,000"),
    BadInput(
      "matrix beyond the limit", setup: ["v = linspace(0, 1, 10000)"], "transpose([v]) @ [v]",
      "at most 10,000,000 elements fit in one value"),
    BadInput(
      "index 2^63", "[1, 2][2^63]",
      "an index of 9,223,372,036,854,775,808 is beyond any size a value can have"),
    BadInput("index 2.5", "[1, 2][2.5]", "an index must be a whole number, got 2.5"),
    BadInput("index nan", "[1, 2][log(-1)]", "an index must be a whole number, got nan"),
    BadInput(
      "axis 2^63", "mean([[1, 2]], axis=2^63)",
      "got 9,223,372,036,854,775,808 for shape [1, 2]"),
    BadInput("index 0", "[1, 2][0]", "indices start at 1"),
    BadInput("unclosed string", #""abc"#, "this string has no closing quote"),
    BadInput("unclosed string after code", #"x = "abc + 1"#, "this string has no closing quote"),
    BadInput("dollar", "$", "unexpected character '$'"),
    BadInput("bang", "!", "'!' on its own is not an operator; did you mean '!='?"),
    BadInput("backtick", "`1`", "unexpected character '`'"),
    BadInput(
      "unfinished second statement", "1; 2 +",
      "the expression is incomplete: expected a value at the end of the line"),
    BadInput("NUL", "1\u{0}", "unexpected character"),
    BadInput("emoji", "🙂 + 1", "unexpected character '🙂'"),
    BadInput(
      "number into name", "2x", "a number cannot run into a name here; write '2 * …' to multiply"),
    BadInput("number into name after dot", "2.5y", "a number cannot run into a name"),
    BadInput("lone dot", ".", "'.' is not a number"),
    BadInput("two dots", "1.2.3", "expected an operator or the end of the line"),
    BadInput("nested grad", setup: ["x = 1"], "grad(grad(x^2, x), x)", "grad cannot be nested"),
    BadInput(
      "grad of a vector", setup: ["x = [1, 2]"], "grad(x * 2, x)",
      "the expression must give one number"),
    BadInput("recursion", "def f(x) = f(x)", "a function cannot call itself"),
    BadInput("assignment without value", "x =", "the expression is incomplete"),
    BadInput("only an operator", "*", "expected a value"),
    BadInput("dangling operator", "1 +", "the expression is incomplete"),
    BadInput("def without body", "def f(x) =", "the expression is incomplete"),
    BadInput("def without name", "def", "expected a function name after 'def'"),
    BadInput("string arithmetic", #""a" * 2"#, "* needs numbers, got a string"),
    BadInput(
      "clip with crossed bounds", "clip([1, 2], 1, 0)",
      "the lower bound must not exceed the upper bound"),
    BadInput(
      "grad with an unused variable first", setup: ["p = [1, 2]", "M = 3"], "grad(p, p, M)",
      "must give one number"),
    BadInput(
      "f1..f30 each calling the previous twice",
      setup: ["def f1(x) = x + 1"]
        + (2...30).map { "def f\($0)(x) = f\($0 - 1)(x) + f\($0 - 1)(x)" },
      "f30(1)", "this expression needs more than 1,000,000 operations; it was stopped"),
    BadInput(
      "g1..g30 nesting calls that record nothing",
      setup: ["def g1(x) = x"] + (2...30).map { "def g\($0)(x) = g\($0 - 1)(g\($0 - 1)(x))" },
      "g30(1)", "this expression needs more than 1,000,000 operations; it was stopped"),
    // The reproducers of the "messages that say the wrong thing" list (issue 7).
    BadInput(
      "matrix product shapes", "[[1, 2]] @ [[1, 2]]",
      "@ needs the left matrix's 2 columns to match the right matrix's 1 row"),
    BadInput(
      "@ of a vector and a matrix that do not fit", "[1, 2, 3] @ [[1], [2]]",
      "the left vector's 3 elements to match the right matrix's 2 rows"),
    BadInput("0 to a negative power", "0 ^ -1", "0 to a negative power is 1 divided by 0"),
    BadInput(
      "0 to a negative power in a vector", "[2, 0] ^ -0.5",
      "0 to a negative power is 1 divided by 0"),
    BadInput("cce of one number", "cce(0.5, 1)", "cce: p must be one row of classes"),
    BadInput("cce_logits of one number", "cce_logits(2, 1)", "cce_logits: z must be one row"),
    BadInput(
      "hinge shapes name its score s", "hinge([1, 2], [1, 1, 1])",
      "hinge expects s and y of the same shape"),
    BadInput(
      "cce_logits shapes name its logits z", "cce_logits([[1, 2]], [[1, 0, 0]])",
      "cce_logits expects z and y of the same shape"),
    BadInput(
      "functions with deep bodies calling each other",
      setup: ["def h1(x) = x"]
        + (2...40).map { "def h\($0)(x) = " + String(repeating: "-", count: 150) + "h\($0 - 1)(x)" },
      "h40(1)", "nested too deeply"),
  ]
}
