import LossEngine

extension BuiltinLibrary {
  /// `format(x, 17)`: a value written with more (or fewer) significant digits than the shell's
  /// six, exactly (`ExactDecimal`), so 0.1 + 0.2 can be seen as 0.30000000000000004.
  static let formatBuiltins: [Builtin] = [
    Builtin(
      name: "format", category: .display,
      parameters: [.init("x"), .init("digits", default: .tensor(Tensor(scalar: 17)))],
      isVariadic: false,
      summary:
        "x as text with `digits` significant digits (17 shows every double exactly enough to read it back; up to 40)",
      example: "format(0.1 + 0.2, 17)"
    ) { evaluator, arguments throws(LanguageError) in
      let x = try evaluator.tensor(arguments.values[0], at: arguments.ranges[0], for: "format")
      let digits = try evaluator.integer(
        arguments.values[1], at: arguments.ranges[1], for: "format's digits", in: 1...40)
      guard x.count <= maximumFormattedElements else {
        throw LanguageError(
          .data(.formatTooLarge(count: x.count, limit: maximumFormattedElements)),
          at: arguments.ranges[0])
      }
      return .string(ValueFormatter.compact(.tensor(x), significantDigits: digits))
    }
  ]

  /// `format` writes at most this many numbers into one string.
  static let maximumFormattedElements = 10_000
}
