import LossEngine

extension BuiltinLibrary {
  static let calculusBuiltins: [Builtin] = [
    Builtin(
      name: "grad", category: .calculus, parameters: [.init("expr")], isVariadic: true,
      summary:
        "grad(EXPR, w, ...): the slope of the one-number EXPR with respect to each named variable",
      example: "w = 0.5\ngrad(mse(w * [1, 2], [2, 4]), w)"
    ) { evaluator, arguments throws(LanguageError) in
      try evaluator.gradient(
        of: arguments.rest.first, names: Array(arguments.rest.dropFirst()),
        call: arguments.callRange, in: arguments.frame)
    }
  ]
}
