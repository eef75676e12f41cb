import LossEngine

/// Matches a call's positional and named arguments to a function's parameters.
///
/// Named arguments may come in any order and may also be given positionally
/// (`huber(p, y, 0.5)` and `huber(p, y, delta=0.5)` are the same call).
enum ArgumentBinding {
  enum Slot {
    case given(Expression)
    case defaulted(Value)
    /// An optional parameter without a default (the second argument of `max`).
    case absent
  }

  static func bind(
    _ arguments: [CallArgument], to parameters: [Builtin.Parameter], function: String,
    call: SourceRange
  ) throws(LanguageError) -> [Slot] {
    var slots = [Expression?](repeating: nil, count: parameters.count)
    var position = 0
    var sawNamed = false
    for argument in arguments {
      if let label = argument.label {
        sawNamed = true
        guard let index = parameters.firstIndex(where: { $0.name == label }) else {
          let names = parameters.map(\.name)
          throw LanguageError(
            .unknownArgument(
              function: function, label: label,
              suggestion: Suggestions.closest(to: label, among: names), parameters: names),
            at: argument.labelRange)
        }
        guard slots[index] == nil else {
          throw LanguageError(
            .argumentGivenTwice(function: function, label: label), at: argument.labelRange)
        }
        slots[index] = argument.value
      } else {
        guard !sawNamed else {
          throw LanguageError(.positionalAfterNamed(function: function), at: argument.value.range)
        }
        guard position < parameters.count else {
          throw LanguageError(
            .tooManyArguments(function: function, limit: parameters.count, given: arguments.count),
            at: argument.value.range)
        }
        slots[position] = argument.value
        position += 1
      }
    }
    var result: [Slot] = []
    for (parameter, slot) in zip(parameters, slots) {
      if let slot {
        result.append(.given(slot))
      } else if let value = parameter.defaultValue {
        result.append(.defaulted(value))
      } else if parameter.isOptional {
        result.append(.absent)
      } else {
        throw LanguageError(
          .missingArgument(
            function: function, parameters: parameters.map(\.name), missing: parameter.name),
          at: call)
      }
    }
    return result
  }
}
