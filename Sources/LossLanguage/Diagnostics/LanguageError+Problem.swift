import LossEngine

extension LanguageError {
  /// What went wrong, with the facts the message needs. Match on it to decide; read
  /// ``LanguageError/message`` only to show it.
  public enum Problem: Equatable, Sendable {
    // Reading the line (lexer)
    case lineTooLong(length: Int, limit: Int)
    case unclosedString
    case loneExclamationMark
    case unexpectedCharacter(Unicode.Scalar)
    /// Text that is not a number (the lexer's `1.2.3`), or a name that holds no number.
    case notANumber(String)
    case numberTooLarge(String)
    case numberRunsIntoName(String)

    // Parsing
    /// A token after a complete statement.
    case unexpectedAfterStatement(TokenKind)
    case missingFunctionName
    case expectedParameterName
    case duplicateParameter(String)
    case expected(Expectation, found: TokenKind)
    case incompleteExpression
    case expectedValue(found: TokenKind)
    case nestingTooDeep(Nesting)

    // Names and calls
    case unknownName(String, suggestion: String?)
    /// A lone misspelt word that is close to a shell command.
    case unknownNameLikeCommand(String, command: String)
    case unknownFunction(String, suggestion: String?)
    /// A `def` whose body calls a function that does not exist yet.
    case callsUndefinedFunction(String, suggestion: String?)
    case functionUsedAsValue(String)
    case notAFunction(String)
    case recursion
    case builtinRedefined(String)
    case parameterHidesBuiltin(String)
    case noNamedArguments(function: String)
    case unknownArgument(function: String, label: String, suggestion: String?, parameters: [String])
    case argumentGivenTwice(function: String, label: String)
    case positionalAfterNamed(function: String)
    case tooManyArguments(function: String, limit: Int, given: Int)
    case missingArgument(function: String, parameters: [String], missing: String)

    // Values
    case emptyVector
    case notAMatrix(elementShapes: [[Int]])
    case raggedMatrix(firstRowLength: Int, row: Int, length: Int)
    /// `use` ("an index", "round's digits", "-") needed numbers and got a string or a list.
    case needsNumbers(use: String, got: NonNumber)
    case notASingleNumber(use: String, shape: [Int])
    /// `bounds` is nil when any whole number would do.
    case notAWholeNumber(use: String, bounds: ClosedRange<Int>?, got: Double)
    /// A whole number outside `bounds` (or, when nil, beyond any size a value can have).
    case wholeNumberOutOfRange(use: String, bounds: ClosedRange<Int>?, got: Double)
    case divisionByZero
    /// Keeping a value would take the variables past ``Scope/maximumStoredBytes``; `largest`
    /// is the variable holding the most.
    case variablesTooLarge(holding: Int, limit: Int, largest: String?)
    case lossOptionNotANumber(loss: String, option: String)

    // Element and block assignment (`p[2] = 4`, `X[1, 2:3] = [5, 6]`); positions are checked
    // as when reading (``DataProblem``).
    case elementOfUnknownName(String)
    case noElementsToReplace(String)
    case onlyNumbersStored(String)
    /// `picks` are the subscripts as written, resolved (`X[:, 2]` becomes `X[1:3, 2]`).
    case elementShapeMismatch(name: String, picks: [AxisPick], expected: [Int], got: [Int])

    // grad
    case gradUsage
    case nestedGrad
    case gradNeedsVariableName
    case gradUnknownVariable(String, suggestion: String?)
    /// `what` is the value's kind as listings name it ("string", "list of 2").
    case gradNotNumeric(String, what: String)

    // Lessons
    /// A lesson expression that must give one number gave `what` ("[3]", "string").
    case notOneNumber(source: String, what: String)
    case conditionNotANumber
    /// A lesson text's `{{ }}` value with more numbers than a text shows.
    case shownValueTooLarge(count: Int, limit: Int)
    /// A learner's loss checked by a `define` step gave a string or a list (`what`).
    case definedLossNotNumbers(function: String, what: String)
    /// A learner's loss gave several numbers for one prediction (`call` as written).
    case definedLossNotOneNumber(call: String, count: Int)

    /// `train`, `step` and the built-in datasets.
    case training(TrainingProblem)
    /// Several assignments in one line, defaults in `def`, items of a list.
    case statement(StatementProblem)
    /// Subscripts, axes, class labels, CSV files.
    case data(DataProblem)

    /// The engine refused the computation (shapes, overflow, limits, Ctrl-C).
    case engine(EngineError)
  }

  /// What the parser was looking for.
  public enum Expectation: Equatable, Sendable {
    case parameterList(function: String)
    case closingParameters
    case definitionBody(function: String)
    case closingIndex
    /// `)` for the `(` at a 1-based column.
    case closingParenthesis(openedAt: Int)
    case closingBracket(openedAt: Int)
    case closingCall(function: String, openedAt: Int)
  }

  /// Which bound on nesting was reached, and its limit.
  public enum Nesting: Equatable, Sendable {
    /// Brackets and operators on one line.
    case expression(limit: Int)
    /// One line's evaluation, counting the bodies of the functions it calls.
    case evaluation(limit: Int)
    case calls(limit: Int)
    /// A `def` whose calls would chain deeper than the limit.
    case definition(function: String, limit: Int)
  }

  /// What was given where numbers were needed.
  public enum NonNumber: Equatable, Sendable {
    case string
    /// A list of values; an empty one is a missing argument.
    case list(count: Int)
  }
}
