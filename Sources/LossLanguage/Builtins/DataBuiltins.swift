import LossEngine

extension BuiltinLibrary {
  static let dataBuiltins: [Builtin] = [
    Builtin(
      name: "linspace", category: .data, parameters: [.init("from"), .init("to"), .init("n")], isVariadic: false,
      summary: "n evenly spaced numbers from `from` to `to`, both included", example: "linspace(-3, 3, 7)"
    ) { evaluator, arguments throws(LanguageError) in
      let from = try evaluator.number(arguments.values[0], at: arguments.ranges[0], for: "linspace's from")
      let to = try evaluator.number(arguments.values[1], at: arguments.ranges[1], for: "linspace's to")
      let n = try evaluator.integer(
        arguments.values[2], at: arguments.ranges[2], for: "linspace's n", in: 1...Tensor.maxElementCount)
      let step = n > 1 ? (to - from) / Double(n - 1) : 0
      let values = (0..<n).map { $0 == n - 1 && n > 1 ? to : from + Double($0) * step }
      return .node(try evaluator.constant(try evaluator.tensor(vector: values, at: arguments.callRange), at: arguments.callRange))
    },
  ]
}
