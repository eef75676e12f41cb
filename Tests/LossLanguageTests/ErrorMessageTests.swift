import LossEngine
import LossLanguage
import Testing

/// Errors say what was wrong and what was expected, and point at the right columns.
@Suite("Error messages and carets")
struct ErrorMessageTests {
  @Test func shapeMismatchOfALoss() throws {
    let error = try failure("mse([1,2,3],[1,2])")
    #expect(error.message == "mse expects p and y of the same shape, got [3] and [2]")
    #expect(
      Diagnostic(error, source: nil).oneLine
        == "mse expects p and y of the same shape, got [3] and [2] (column 1)")
    #expect(
      try failure("mse([[1, 2]], [1, 2])").message
        == "mse expects p and y of the same shape, got [1, 2] and [2]")
  }

  @Test func misspelledFunctionsAndNamesGetASuggestion() throws {
    let function = try failure("msee(1,2)")
    #expect(function.message.contains("did you mean 'mse'"))
    #expect(function.message == "unknown function 'msee' — did you mean 'mse'?")
    #expect(try failure("meen([1])").message == "unknown function 'meen' — did you mean 'mean'?")
    #expect(
      try failure("sigmod(1)").message == "unknown function 'sigmod' — did you mean 'sigmoid'?")
    #expect(
      try failure("prediction = 1", "predction + 1").message
        == "unknown name 'predction' — did you mean 'prediction'?")
    #expect(
      try failure("y_true = 1", "y_ture").message
        == "unknown name 'y_ture' — did you mean 'y_true'?")
  }

  @Test func unknownNamesWithoutACloseMatchSayOnlyThat() throws {
    #expect(try failure("zzzzzzzz + 1").message == "unknown name 'zzzzzzzz'")
    #expect(try failure("qwertyuiop(1)").message == "unknown function 'qwertyuiop'")
  }

  /// A source line, a marker line under it (`^~~` where the caret must be), the message.
  struct Marked: Sendable, CustomTestStringConvertible {
    let source: String
    let marker: String
    let message: String
    var testDescription: String { source }
    init(_ source: String, _ marker: String, _ message: String) {
      self.source = source
      self.marker = marker
      self.message = message
    }
  }

  static let marked: [Marked] = [
    Marked(
      "mse([1,2,3],[1,2])",
      "^~~~~~~~~~~~~~~~~~", "mse expects p and y of the same shape, got [3] and [2]"),
    Marked(
      "1 + undefined_thing * 2",
      "    ^~~~~~~~~~~~~~~", "unknown name 'undefined_thing'"),
    Marked(
      "msee(1,2)",
      "^~~~", "unknown function 'msee' — did you mean 'mse'?"),
    Marked(
      "2 * msee(1,2)",
      "    ^~~~", "unknown function 'msee' — did you mean 'mse'?"),
    Marked(
      "[1, 2] / [1, 0]",
      "         ^~~~~~", "division by zero: the divisor contains a 0"),
    Marked(
      "1 + 1/0",
      "      ^", "division by zero: the divisor contains a 0"),
    Marked(
      "(1 + 2",
      "      ^", "expected ')' to close the '(' at column 1, found the end of the line"),
    Marked(
      "[1, [2",
      "      ^", "expected ',' or ']' to close the '[' at column 5, found the end of the line"),
    Marked(
      "abs(1",
      "     ^",
      "expected ',' or ')' to close the call to abs opened at column 4, found the end of the line"),
    Marked(
      "1 + 2)",
      "     ^", "unexpected ')': there is no opening bracket to match it"),
    Marked(
      "1 + 2]",
      "     ^", "unexpected ']': there is no opening bracket to match it"),
    Marked(
      "x = $",
      "    ^", "unexpected character '$'"),
    Marked(
      "3 ! 2",
      "  ^", "'!' on its own is not an operator; did you mean '!='?"),
    Marked(
      "2x + 1",
      "^~", "a number cannot run into a name here; write '2 * …' to multiply"),
    Marked(
      "1 + 2.5e3abc",
      "    ^~~~~~", "a number cannot run into a name here; write '2.5e3 * …' to multiply"),
    Marked(
      #"p = "abc"#,
      "    ^~~~", "this string has no closing quote"),
    Marked(
      "1 +",
      "   ^", "the expression is incomplete: expected a value at the end of the line"),
    Marked(
      "mse([1], zz=1)",
      "         ^~", "mse has no argument named 'zz' (its arguments: p, y)"),
    Marked(
      "sqrt([1,2], [3])",
      "            ^~~", "sqrt takes at most 1 argument, got 2"),
    Marked(
      "1e999 + 1",
      "^~~~~", "the number 1e999 is too large for a double (the largest is about 1.8e308)"),
    Marked(
      "linspace(0, 1, 0)",
      "               ^", "linspace's n must be from 1 to 10,000,000, got 0"),
    Marked(
      "x = 1 + [1, 2] + [1, 2, 3]",
      "    ^~~~~~~~~~~~~~~~~~~~~~",
      "+ cannot combine shapes [2] and [3]: sizes must match, or one side must be a scalar or a row that fits"
    ),
    Marked(
      "def f(x, 1) = 1",
      "         ^", "expected a parameter name"),
    Marked(
      "mean = 2",
      "^~~~", "'mean' is a built-in and cannot be redefined; pick another name"),
    Marked(
      "[[1, 2], [3]]",
      "         ^~~", "every row of a matrix must have the same length: row 1 has 2, row 2 has 1"),
    // Columns count characters, not bytes: the caret lines up after non-ASCII text.
    Marked(
      #"len("éé") + zz"#,
      "            ^~", "unknown name 'zz'"),
    Marked(
      "1 + é",
      "    ^", "unexpected character 'é'"),
  ]

  @Test(arguments: marked)
  func theCaretIsUnderTheRightColumns(_ m: Marked) throws {
    let error = try failure(m.source)
    #expect(error.message == m.message)
    let expected = try #require(markedSpan(m.marker))
    let range = try #require(error.range, "the error has no column")
    #expect(range.start..<range.end == expected)
    #expect(
      Diagnostic(error, source: m.source).lines(room: 200)
        == ["  " + m.source, "  " + m.marker, "error: " + m.message])
    #expect(
      Diagnostic(error, source: nil).oneLine == "\(m.message) (column \(expected.lowerBound + 1))")
  }

  @Test func anErrorAboutTheWholeLineHasNoCaret() {
    let error = LanguageError(.emptyVector, at: nil)
    #expect(Diagnostic(error, source: "1 + 1").lines(room: 80) == ["error: " + error.message])
    #expect(
      Diagnostic(error, source: nil).oneLine == "an empty vector [] has no elements to compute with"
    )
  }

  @Test func aCaretPastTheEndStaysOnTheLine() {
    let error = LanguageError(.emptyVector, at: SourceRange(10, 20))
    #expect(
      Diagnostic(error, source: "abc").excerpt(room: 80)
        == Diagnostic.Excerpt(source: "abc", marker: "   ^"))
  }

  @Test func errorsInsideAssignmentsPointIntoTheValue() throws {
    let error = try failure("x = [1, 2] + undefined_thing")
    #expect(error.range?.column == 14)
  }
}
