import LossEngine
import LossLanguage

extension LessonRun {
  /// Checks a typed expression by its value, never by its text: any correct way passes.
  mutating func tryCompute(_ line: String, _ compute: ComputeStep) -> [LessonEvent] {
    var scratch = interpreter
    let learnerValue: Value
    do {
      switch try scratch.run(line) {
      case .value(let value, _), .assigned(_, let value): learnerValue = value
      case .assignedSeveral(_, let values): learnerValue = values.last ?? .list([])
      case .nothing: return [.notice("Type an expression or a number.")]
      case .defined(let function):
        interpreter.scope.define(function)
        return [.notice("defined \(function.name); now use it to compute the answer.")]
      }
    } catch {
      return LessonRun.failure(error, in: line)
    }
    state.tries += 1
    stats.recordAttempt(at: stepIndex, answer: line)
    let expected: Value
    do {
      expected = try interpreter.evaluate(source: compute.answer.source)
    } catch {
      return [.error(error, source: compute.answer.source)]
    }
    if ComputeCheck.matches(learnerValue, expected, compute.check) {
      state.isComplete = true
      // Large whole numbers read better grouped: 2,500,000,000.
      let shown =
        learnerValue.scalar.map { ValueFormatter.grouped($0) }
        ?? ValueFormatter.compact(learnerValue)
      return [.feedback("Correct: \(shown).", tone: .good), .stepComplete]
    }
    for wrong in compute.wrong {
      guard let value = try? interpreter.evaluate(source: wrong.answer.source),
        ComputeCheck.matches(learnerValue, value, compute.check)
      else { continue }
      stats.recordMisconception(wrong.answer.source, at: stepIndex)
      return [.feedback(render(wrong.say), tone: .bad)]
    }
    return [.feedback(ComputeCheck.howFarOff(learnerValue, expected), tone: .bad)]
  }

  /// What a learner would type for `expression`: its text, or its value when it is a hidden
  /// name (which an answer may not use); `lesson check` plays answers with it.
  public func typedForm(of expression: LessonExpression) -> String {
    guard let name = bareName(expression), hiddenNames.contains(name),
      let value = interpreter.scope.variables[name]
    else { return expression.source }
    return ValueFormatter.compact(value, significantDigits: 17)
  }
}

/// Comparing a learner's value with the expected one, and saying by how much it is off.
enum ComputeCheck {
  static func matches(_ value: Value, _ expected: Value, _ check: ComputeStep.Check) -> Bool {
    guard case .tensor(let a) = value, case .tensor(let b) = expected else {
      return value == expected
    }
    guard a.count == b.count, a.shape == b.shape || a.count == 1 else { return false }
    for (x, y) in zip(a.storage, b.storage) {
      switch check {
      case .tolerance(let tolerance):
        guard Swift.abs(x - y) <= tolerance || x == y else { return false }
      case .rounding(let places):
        let scale = CMath.pow(10.0, Double(places))
        guard (x * scale).rounded() == (y * scale).rounded() else { return false }
      }
    }
    return true
  }

  /// "one number", "a list of 4 numbers", "a table of 2 × 3 numbers".
  static func inWords(_ tensor: Tensor) -> String {
    switch tensor.rank {
    case 0: return "one number"
    case 1: return tensor.count == 1 ? "a list of 1 number" : "a list of \(tensor.count) numbers"
    default: return "a table of \(tensor.shape.map(String.init).joined(separator: " × ")) numbers"
    }
  }

  /// "Not quite: you got 1.5, which is 1.125 too high (4 times the answer)."
  static func howFarOff(_ value: Value, _ expected: Value) -> String {
    guard case .tensor(let a) = value, case .tensor(let b) = expected else {
      return "Not quite: that gives \(value.shapeDescription), and the answer is a number."
    }
    guard a.count == b.count else {
      return "Not quite: that gives \(inWords(a)), but the answer is \(inWords(b))."
    }
    guard a.count == 1, let x = a.scalarValue, let y = b.scalarValue else {
      return "Not quite: \(ValueFormatter.compact(value)) is not the answer yet."
    }
    let difference = x - y
    var sentence =
      "Not quite: you got \(ValueFormatter.number(x)), which is \(ValueFormatter.number(Swift.abs(difference))) too \(difference > 0 ? "high" : "low")"
    if y != 0, x != 0, x.sign == y.sign {
      let ratio = x / y
      if ratio >= 1.5 || ratio <= 1 / 1.5 {
        sentence += " (\(ValueFormatter.number(ratio, significantDigits: 3)) times the answer)"
      } else {
        sentence +=
          " (off by \(ValueFormatter.number(Swift.abs(difference / y) * 100, significantDigits: 2))%)"
      }
    }
    return sentence + "."
  }
}
