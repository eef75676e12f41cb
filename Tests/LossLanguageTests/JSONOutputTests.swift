import Foundation
import LossEngine
import LossLanguage
import Testing

/// The `eval --json` line format, through `Interpreter.run` + `JSONOutput.line`.
@Suite("JSON output lines")
struct JSONOutputTests {
  @Test func valuesGradsDefinitionsAndErrors() throws {
    var session = Session()
    #expect(session.json("1 + 1") == #"{"value": 2.0, "grad": null}"#)
    #expect(session.json("[1, 2]") == #"{"value": [1.0, 2.0], "grad": null}"#)
    #expect(
      session.json("[[1, 2], [3, 4]]") == #"{"value": [[1.0, 2.0], [3.0, 4.0]], "grad": null}"#)
    #expect(session.json("mse([1, 2], [2, 2])") == #"{"value": 0.5, "grad": [-1.0, 0.0]}"#)
    #expect(session.json("mse([[1, 2]], [[2, 2]])") == #"{"value": 0.5, "grad": [[-1.0, 0.0]]}"#)
    #expect(session.json("mse(3, 1)") == #"{"value": 4.0, "grad": 4.0}"#)
    #expect(session.json("x = 0.1") == #"{"value": 0.1, "grad": null}"#)
    #expect(
      session.json("def f(p, y) = mean(p - y)") == #"{"defined": "f", "value": null, "grad": null}"#
    )
    #expect(session.json("f([1, 3], 0)") == #"{"value": 2.0, "grad": [0.5, 0.5]}"#)
    #expect(session.json(#""hi""#) == #"{"value": "hi", "grad": null}"#)
    #expect(session.json("nope") == #"{"error": "unknown name 'nope' (column 1)"}"#)
    #expect(session.json("") == nil)
    #expect(session.json("  # nothing") == nil)
  }

  @Test func aLargeValueIsWrittenInBoundedPiecesThatMakeTheWholeLine() throws {
    var interpreter = Interpreter()
    let outcome = try interpreter.run("mse(linspace(0, 1, 100000), 0)")
    var pieces: [String] = []
    JSONOutput.write(outcome, chunkBytes: 4096) { pieces.append($0) }
    #expect(pieces.count > 100, "streamed, not built whole")
    // A piece ends at the first element past the limit: at most one number over.
    #expect(pieces.allSatisfy { $0.utf8.count < 4096 + 32 })
    #expect(pieces.joined() == JSONOutput.line(for: outcome))
    let line = try #require(JSONOutput.line(for: outcome))
    #expect(line.hasPrefix(#"{"value": 0.33333"#))
    #expect(line.hasSuffix("2e-05]}"))
  }

  @Test func aLossCallInsideAnExpressionIsNotALossCall() throws {
    var session = Session()
    #expect(session.json("2 * mse([1], [0])") == #"{"value": 2.0, "grad": null}"#)
    // parentheses change nothing
    #expect(session.json("(mse([1], [0]))") == #"{"value": 1.0, "grad": [2.0]}"#)
    #expect(session.json("mean([1, 2])") == #"{"value": 1.5, "grad": null}"#)  // not a loss
  }

  @Test func aUserFunctionReturningAVectorHasNoGrad() throws {
    var session = Session()
    _ = session.json("def double(v) = v * 2")
    #expect(session.json("double([1, 2])") == #"{"value": [2.0, 4.0], "grad": null}"#)
    // A string first argument gives no gradient either.
    _ = session.json("def pick(mode, x) = x")
    #expect(session.json(#"pick("a", 3)"#) == #"{"value": 3.0, "grad": null}"#)
  }

  @Test func everyLineIsValidJSON() throws {
    var session = Session()
    let lines = session.jsonLines([
      "x = [1, 2, 3]", "mse(x, 0)", "log([0, 1])", #"s = "quote \" inside""#, "s", "def g(a) = a^2",
      "g(x)",
      "grad(sum(x^2), x)", "zzz", "1/0", "[[1, 2], [3]]", "sqrt(-1)", "-log(0)", "1e-300 * 1e-300",
      "2^1023 * 1.5",
    ])
    #expect(lines.count == 15)
    for line in lines {
      #expect(!line.contains("\n"))
      let object = try JSONTree(parsing: line)
      let keys = object.keys
      #expect(
        keys == ["value", "grad"] || keys == ["defined", "value", "grad"] || keys == ["error"],
        "\(line)")
    }
  }

  @Test func numbersRoundTrip() throws {
    for x in [
      0.1, 1.0 / 3, 1e-300, Double.leastNonzeroMagnitude, 1.7976931348623157e308, -2.5,
      123456789012345680, 0.30000000000000004,
    ] {
      let text = JSONOutput.number(x)
      #expect(Double(text) == x, "\(text)")
      // Foundation's JSONSerialization on Linux may be one ulp off (it reads
      // 0.30000000000000004 as 0.3000000000000001); Double(text) above is exact.
      let parsed = try JSONTree(parsing: "[\(text)]").numbers
      #expect(parsed.count == 1 && Swift.abs(parsed[0] - x) <= 1e-15 * Swift.abs(x), "\(parsed)")
    }
    #expect(JSONOutput.number(.nan) == #""nan""#)
    #expect(JSONOutput.number(.infinity) == #""inf""#)
    #expect(JSONOutput.number(-.infinity) == #""-inf""#)
  }

  @Test func stringsAreEscaped() throws {
    let nasty = "a\"b\\c\nd\te\u{1}f é 🙂"
    let encoded = JSONOutput.string(nasty)
    #expect(try JSONTree(parsing: encoded) == .string(nasty))
    let error = LanguageError(.notANumber("bad \"thing\"\nhere"), at: SourceRange(2, 3))
    #expect(
      try JSONTree(parsing: JSONOutput.line(for: error))
        == .object(["error": .string("'bad \"thing\"\nhere' is not a number (column 3)")]))
  }

  @Test func gradListsNest() throws {
    var session = Session()
    _ = session.jsonLines(["a = 1", "M = [[1, 2]]"])
    #expect(
      session.json("grad(a * sum(M), a, M)") == #"{"value": [3.0, [[1.0, 1.0]]], "grad": null}"#)
  }
}

@Suite("Values as learners read them")
struct ValueFormatterTests {
  static let examples: [(Double, String)] = [
    (0.1 + 0.2, "0.3"), (1.0 / 3, "0.333333"), (2.0 / 3, "0.666667"), (1e9, "1000000000"),
    (0.375, "0.375"),
    (-4, "-4"), (0, "0"), (-0.0, "0"), (1e-7, "1e-07"), (1.5e20, "1.5e+20"), (123456.7, "123457"),
    (.nan, "nan"),
    (.infinity, "inf"), (-.infinity, "-inf"), (0.61237243569579, "0.612372"),
  ]

  @Test(arguments: examples)
  func numbers(_ x: Double, _ text: String) {
    #expect(ValueFormatter.number(x) == text)
  }

  @Test func compactValues() throws {
    #expect(
      ValueFormatter.compact(.tensor(try Tensor(vector: [0.25, 0, -0.25]))) == "[0.25, 0, -0.25]")
    #expect(
      ValueFormatter.compact(.tensor(try Tensor(matrix: [[1, 2], [3, 4]]))) == "[[1, 2], [3, 4]]")
    #expect(ValueFormatter.compact(.string("adam")) == #""adam""#)
    #expect(ValueFormatter.grouped(1e9) == "1,000,000,000")
  }
}
