import LossEngine

/// The one place errors are worded: what was wrong, and what was expected.
extension LanguageError {
  /// The whole message: the context frames (outermost first), then the problem, with every
  /// name or number longer than 40 characters cut to 37 and "…" so that an error about a
  /// pasted megabyte stays one short line.
  public var message: String {
    var text = ""
    for frame in context.reversed() {
      switch frame {
      case .inFunction(let name): text += "in \(name)(…): "
      case .lessonSetup(let line): text += "in the lesson's setup, \(line): "
      case .trainingStep(let step, let steps): text += "train stopped at step \(step) of \(steps): "
      }
    }
    return LanguageError.shorteningLongWords(text + problem.sentence)
  }

  static func shorteningLongWords(_ message: String) -> String {
    let limit = 40
    guard message.utf8.count > limit else { return message }
    var out = String.UnicodeScalarView()
    var run: [Unicode.Scalar] = []
    func flush() {
      if run.count > limit {
        out.append(contentsOf: run.prefix(limit - 3))
        out.append("…")
      } else {
        out.append(contentsOf: run)
      }
      run.removeAll(keepingCapacity: true)
    }
    for scalar in message.unicodeScalars {
      if Identifier.isPart(scalar) || scalar == "." {
        run.append(scalar)
      } else {
        flush()
        out.append(scalar)
      }
    }
    flush()
    return String(out)
  }
}

extension LanguageError.Problem {
  /// The problem in one sentence, without context.
  public var sentence: String {
    switch self {
    case .lineTooLong(let length, let limit):
      return "this line is \(length) characters long; the limit is \(limit)"
    case .unclosedString:
      return "this string has no closing quote"
    case .loneExclamationMark:
      return "'!' on its own is not an operator; did you mean '!='?"
    case .unexpectedCharacter(let c):
      return "unexpected character '\(c)'"
    case .notANumber(let text):
      return "'\(text)' is not a number"
    case .numberTooLarge(let text):
      return "the number \(text) is too large for a double (the largest is about 1.8e308)"
    case .numberRunsIntoName(let text):
      return "a number cannot run into a name here; write '\(text) * …' to multiply"
    case .unexpectedAfterStatement(let token):
      let hint: String
      switch token {
      case .rightParen, .rightBracket: hint = "there is no opening bracket to match it"
      case .assign: hint = "only a name (or name[i]) can be assigned; use == to compare"
      default: hint = "expected an operator or the end of the line"
      }
      return "unexpected \(token.spelling): \(hint)"
    case .missingFunctionName:
      return "expected a function name after 'def', like def f(x) = x^2"
    case .expectedParameterName:
      return "expected a parameter name"
    case .duplicateParameter(let name):
      return "the parameter '\(name)' appears twice"
    case .expected(let expectation, let found):
      return "expected \(expectation.phrase), found \(found.spelling)"
    case .incompleteExpression:
      return "the expression is incomplete: expected a value at the end of the line"
    case .expectedValue(let found):
      return "expected a value (a number, a name, '(' or '['), found \(found.spelling)"
    case .nestingTooDeep(let nesting):
      return nesting.sentence
    case .unknownName(let name, let suggestion):
      return "unknown name '\(name)'\(didYouMean(suggestion))"
    case .unknownNameLikeCommand(let name, let command):
      return "unknown name '\(name)' — did you mean the command '\(command)'?"
    case .unknownFunction(let name, let suggestion):
      return "unknown function '\(name)'\(didYouMean(suggestion))"
    case .callsUndefinedFunction(let name, let suggestion):
      return "unknown function '\(name)'\(didYouMean(suggestion)); define it first"
    case .functionUsedAsValue(let name):
      return "'\(name)' is a function; call it with arguments, like \(name)(…)"
    case .notAFunction(let name):
      return "'\(name)' is a variable, not a function"
    case .recursion:
      return "a function cannot call itself (recursion is not supported)"
    case .builtinRedefined(let name):
      return "'\(name)' is a built-in and cannot be redefined; pick another name"
    case .parameterHidesBuiltin(let name):
      return "the parameter '\(name)' would hide the built-in \(name); pick another name"
    case .noNamedArguments(let function):
      return "\(function) takes no named arguments"
    case .unknownArgument(let function, let label, let suggestion, let parameters):
      return "\(function) has no argument named '\(label)'\(didYouMean(suggestion))"
        + " (its arguments: \(parameters.joined(separator: ", ")))"
    case .argumentGivenTwice(let function, let label):
      return "\(function)'s argument '\(label)' is given twice"
    case .positionalAfterNamed(let function):
      return "a positional argument cannot follow a named one in a call to \(function)"
    case .tooManyArguments(let function, let limit, let given):
      return "\(function) takes at most \(limit) argument\(limit == 1 ? "" : "s"), got \(given)"
    case .missingArgument(let function, let parameters, let missing):
      return
        "\(function)(\(parameters.joined(separator: ", "))) is missing its argument '\(missing)'"
    case .emptyVector:
      return "an empty vector [] has no elements to compute with"
    case .notAMatrix(let shapes):
      return
        "a matrix is written as a list of rows of numbers, like [[1, 2], [3, 4]]; these elements have shapes "
        + shapes.map(Tensor.shapeDescription).joined(separator: ", ")
    case .raggedMatrix(let first, let row, let length):
      return
        "every row of a matrix must have the same length: row 1 has \(first), row \(row) has \(length)"
    case .needsNumbers(let use, .string):
      return "\(use) needs numbers, got a string"
    case .needsNumbers(let use, .list(0)):
      return "\(use) is missing a value here"
    case .needsNumbers(let use, .list(let count)):
      return "\(use) needs numbers, got a list of \(count) values"
    case .notASingleNumber(let use, let shape):
      return "\(use) must be a single number, got shape \(Tensor.shapeDescription(shape))"
    case .notAWholeNumber(let use, let bounds, let got):
      let limits =
        bounds.map {
          " from \(ValueFormatter.groupedCount($0.lowerBound)) to \(ValueFormatter.groupedCount($0.upperBound))"
        } ?? ""
      return "\(use) must be a whole number\(limits), got \(ValueFormatter.number(got))"
    case .wholeNumberOutOfRange(let use, let bounds?, let got):
      return
        "\(use) must be from \(ValueFormatter.groupedCount(bounds.lowerBound)) to \(ValueFormatter.groupedCount(bounds.upperBound)), got \(ValueFormatter.wholeNumber(got))"
    case .wholeNumberOutOfRange(let use, nil, let got):
      return
        "\(use) of \(ValueFormatter.wholeNumber(got)) is beyond any size a value can have (at most \(ValueFormatter.groupedCount(Tensor.maxElementCount)) numbers)"
    case .variablesTooLarge(let holding, let limit, let largest):
      let free = largest.map { " (\($0) holds the most; \($0) = 0 frees it)" } ?? ""
      return
        "keeping this would take your variables past \(mebibytes(limit)) MiB of numbers (they hold \(mebibytes(holding)) MiB now); free some first by giving a large one a small value\(free), or use reset"
    case .divisionByZero:
      return "division by zero: the divisor contains a 0"
    case .lossOptionNotANumber(let loss, let option):
      return "\(loss)'s option \(option) must be a single number"
    case .elementOfUnknownName(let name):
      return "unknown name '\(name)': assign the whole value first"
    case .noElementsToReplace(let name):
      return "'\(name)' has no elements to replace"
    case .onlyNumbersStored(let name):
      return "only numbers can be stored in '\(name)'"
    case .elementShapeMismatch(let name, let picks, let expected, let got):
      let subscripts = picks.map { pick in
        switch pick {
        case .position(let p): return "\(p)"
        case .span(let s): return "\(s.lowerBound):\(s.upperBound)"
        }
      }
      return
        "\(name)[\(subscripts.joined(separator: ", "))] holds shape \(Tensor.shapeDescription(expected)), got \(Tensor.shapeDescription(got))"
    case .gradUsage:
      return
        "grad needs an expression and at least one variable name, like grad(mse(w * x, y), w)"
    case .nestedGrad:
      return "grad cannot be nested: second derivatives are not supported"
    case .gradNeedsVariableName:
      return "grad differentiates with respect to variables: write a variable's name here"
    case .gradUnknownVariable(let name, let suggestion):
      return "grad needs '\(name)' to be a variable with a value\(didYouMean(suggestion))"
    case .gradNotNumeric(let name, let what):
      return "grad can only differentiate with respect to numbers; '\(name)' is a \(what)"
    case .notOneNumber(let source, let what):
      return "'\(source)' must give one number, got \(what)"
    case .conditionNotANumber:
      return "a condition before '?' must give one number (true is non-zero)"
    case .shownValueTooLarge(let count, let limit):
      return
        "this value has \(ValueFormatter.groupedCount(count)) numbers; a lesson text"
        + " shows at most \(limit) (show a summary such as mean(x), or one element such as x[1])"
    case .definedLossNotNumbers(let function, let what):
      return "\(function) must give numbers, got \(what)"
    case .definedLossNotOneNumber(let call, let count):
      return "\(call) gives \(count) numbers; a loss gives one"
    case .training(let problem):
      return problem.sentence
    case .statement(let problem):
      return problem.sentence
    case .data(let problem):
      return problem.sentence
    case .engine(let error):
      return error.message
    }
  }

  private func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { " — did you mean '\($0)'?" } ?? ""
  }
}

extension LanguageError.Expectation {
  fileprivate var phrase: String {
    switch self {
    case .parameterList(let function):
      return "'(' and the parameter names, like def \(function)(p, y) = …"
    case .closingParameters: return "')' after the parameters"
    case .definitionBody(let function):
      return "'=' and the function body, like def \(function)(…) = …"
    case .closingIndex: return "']' to close the index"
    case .closingParenthesis(let column): return "')' to close the '(' at column \(column)"
    case .closingBracket(let column): return "',' or ']' to close the '[' at column \(column)"
    case .closingCall(let function, let column):
      return "',' or ')' to close the call to \(function) opened at column \(column)"
    }
  }
}

extension LanguageError.Nesting {
  fileprivate var sentence: String {
    switch self {
    case .expression(let limit):
      return "this expression is nested too deeply (more than \(limit) levels)"
    case .evaluation(let limit):
      return
        "this expression is nested too deeply (more than \(limit) levels, counting inside the functions it calls)"
    case .calls(let limit):
      return "calls are nested too deeply (more than \(limit))"
    case .definition(let function, let limit):
      return
        "\(function) would start a chain of more than \(limit) nested function calls, which could never run"
    }
  }
}

/// Bytes as whole MiB, grouped (`2,048`).
private func mebibytes(_ bytes: Int) -> String {
  ValueFormatter.groupedCount(bytes >> 20)
}
