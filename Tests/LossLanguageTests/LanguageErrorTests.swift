import LossEngine
import LossLanguage
import Testing

/// The error model: a typed problem, the columns, and the frames it was raised within,
/// rendered by one formatter.
@Suite("Errors are typed values")
struct LanguageErrorTests {
  @Test func anErrorInsideAFunctionKeepsItsKindAndNamesTheFunction() throws {
    let error = try failure("def f(x) = x + nosuch", "f(1)")
    #expect(error.problem == .unknownName("nosuch", suggestion: nil))
    #expect(error.context == [.inFunction("f")])
    #expect(error.range == SourceRange(0, 4))
    #expect(error.message == "in f(…): unknown name 'nosuch'")
  }

  @Test func framesAreInnermostFirstAndRenderOutermostFirst() throws {
    let error = try failure("def f(x) = x / [1, 2, 3] @ [1]", "def g(x) = 2 * f(x)", "g(1)")
    #expect(error.context == [.inFunction("f"), .inFunction("g")])
    #expect(error.message.hasPrefix("in g(…): in f(…): "))
    guard case .engine(.matrixProductMismatch) = error.problem else {
      Issue.record("expected a shape error, got \(error.problem)")
      return
    }
  }

  /// A parenthesised operand's range covers its brackets: a caret or a plot's title quotes
  /// `(x - 2)^2`, never `x - 2)^2`.
  @Test func aParenthesisedExpressionSpansItsBrackets() throws {
    let text = "(x - 2)^2 + ((y))"
    let expression = try Parser.parseExpression(text)
    #expect(expression.range == SourceRange(0, text.count))
    guard case .binary(_, let left, let right, _) = expression else {
      Issue.record("expected a sum, got \(expression)")
      return
    }
    #expect(left.range == SourceRange(0, 9), "(x - 2)^2")
    #expect(right.range == SourceRange(12, 17), "((y))")
    let error = try failure("(1 + [1, 2]) * [1, 2, 3]")
    #expect(error.range == SourceRange(0, 24))
  }

  @Test func theSameFunctionTwiceInARowIsNamedOnce() {
    let inner = LanguageError(.recursion, at: SourceRange(3, 4), context: [.inFunction("f")])
    let outer = inner.within(.inFunction("f"), at: SourceRange(0, 5))
    #expect(outer.context == [.inFunction("f")])
    #expect(outer.range == SourceRange(0, 5))
  }

  @Test func lessonSetupFramesReadAsBefore() {
    let error = LanguageError(.unknownName("w", suggestion: "x"), at: SourceRange(4, 5))
      .within(.lessonSetup(line: "y = w"), at: nil)
    #expect(error.range == nil)
    #expect(error.message == "in the lesson's setup, y = w: unknown name 'w' — did you mean 'x'?")
  }

  @Test func interruptionIsAKindNotAMessage() {
    #expect(LanguageError(.engine(.interrupted), at: nil).isInterruption)
    #expect(!LanguageError(.notANumber("interrupted"), at: nil).isInterruption)
  }

  @Test func longNamesAreShortenedWhereverTheyAppear() {
    let name = String(repeating: "a", count: 100)
    let error = LanguageError(.unknownName(name, suggestion: nil), at: nil)
      .within(.inFunction(name), at: nil)
    let short = String(repeating: "a", count: 37) + "…"
    #expect(error.message == "in \(short)(…): unknown name '\(short)'")
  }

  @Test(arguments: [
    ("x", true), ("_x1", true), ("W_2", true), ("def", false), ("define", true), ("1x", false),
    ("x-y", false), ("", false), ("é", false), ("x y", false),
  ])
  func oneIdentifierRuleForTheLexerAndEveryReader(text: String, isName: Bool) throws {
    #expect(Identifier.isName(text) == isName)
    // The lexer reads exactly these as one name.
    let parsed = try? Parser.parseExpression(text)
    if case .name(let name, _)? = parsed {
      #expect(isName && name == text)
    } else {
      #expect(!isName)
    }
  }
}

@Suite("Did you mean, bounded")
struct SuggestionBoundTests {
  /// "did you mean" over very long names took 23 s: a name far longer than the typo is never
  /// measured in full.
  @Test func longNamesInScopeDoNotSlowASuggestion() throws {
    var session = Session()
    let long = String(repeating: "w", count: 200_000)
    for i in 0..<20 { try session.run("\(long)\(i) = \(i)") }
    try session.run("weight = 1")
    let clock = ContinuousClock()
    var error: LanguageError?
    let elapsed = try clock.measure { error = try session.failure("wieght") }
    #expect(error?.problem == .unknownName("wieght", suggestion: "weight"))
    #expect(elapsed < .seconds(2), "took \(elapsed)")
    #expect(Suggestions.closest(to: "ab", among: ["ab" + long, "abc"]) == "abc")
  }
}
