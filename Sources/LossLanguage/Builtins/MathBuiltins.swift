import LossEngine

extension BuiltinLibrary {
  /// A one-argument built-in backed by one tape operation (element-wise math, reductions).
  static func oneArgument(
    _ name: String, _ summary: String, example: String, category: Builtin.Category = .math,
    _ operation: @escaping @Sendable (Tape, Variable) throws(EngineError) -> Variable
  ) -> Builtin {
    Builtin(
      name: name, category: category, parameters: [.init("x")], isVariadic: false, summary: summary,
      example: example
    ) { evaluator, arguments throws(LanguageError) in
      let x = try arguments.node(0, evaluator, of: name)
      return .node(
        try evaluator.engine(at: arguments.callRange) { tape throws(EngineError) in
          try operation(tape, x)
        })
    }
  }

  static let mathBuiltins: [Builtin] = [
    oneArgument("sin", "sine element-wise (x in radians)", example: "sin([0, pi / 2])") {
      tape, x throws(EngineError) in try tape.sin(x)
    },
    oneArgument("cos", "cosine element-wise (x in radians)", example: "cos([0, pi])") {
      tape, x throws(EngineError) in try tape.cos(x)
    },
    oneArgument(
      "log1p", "ln(1 + x), exact for tiny x (log(1 + 1e-17) is 0; log1p(1e-17) is not)",
      example: "log1p(1e-10)"
    ) { tape, x throws(EngineError) in try tape.log1p(x) },
    oneArgument(
      "expm1", "e^x - 1, exact for tiny x", example: "expm1(1e-10)"
    ) { tape, x throws(EngineError) in try tape.expm1(x) },
    oneArgument(
      "abs", "|x| element-wise (slope 0 at 0, so mean(abs(p - y)) equals mae)",
      example: "abs([-2, 0, 3])"
    ) { tape, x throws(EngineError) in
      try tape.abs(x)
    },
    oneArgument("sqrt", "√x element-wise", example: "sqrt([1, 4, 9])") {
      tape, x throws(EngineError) in try tape.sqrt(x)
    },
    oneArgument("log", "natural logarithm ln x (log(0) is -inf)", example: "log(0.9)") {
      tape, x throws(EngineError) in try tape.log(x)
    },
    oneArgument(
      "log2", "logarithm base 2 (bits instead of nats); log2(8) is exactly 3", example: "log2(8)"
    ) { tape, x throws(EngineError) in try tape.log2(x) },
    oneArgument("exp", "e^x element-wise", example: "exp(1)") { tape, x throws(EngineError) in
      try tape.exp(x)
    },
    oneArgument("square", "x^2 element-wise", example: "square([1, -2, 3])") {
      tape, x throws(EngineError) in try tape.square(x)
    },
    oneArgument(
      "sigmoid", "1 / (1 + e^-x): squashes any number into (0, 1)", example: "sigmoid([-2, 0, 2])"
    ) { tape, x throws(EngineError) in
      try tape.sigmoid(x)
    },
    oneArgument("tanh", "hyperbolic tangent, in (-1, 1)", example: "tanh(0.5)") {
      tape, x throws(EngineError) in try tape.tanh(x)
    },
    oneArgument("relu", "max(x, 0) element-wise (slope 0 at 0)", example: "relu([-1, 0, 2])") {
      tape, x throws(EngineError) in try tape.relu(x)
    },
    oneArgument("sign", "-1, 0 or 1 element-wise", example: "sign([-3, 0, 2])") {
      tape, x throws(EngineError) in try tape.sign(x)
    },
    oneArgument(
      "softmax", "e^z / Σ e^z per row: scores into probabilities", example: "softmax([2, 1, 0.1])"
    ) { tape, x throws(EngineError) in
      try tape.softmax(x)
    },
    oneArgument("transpose", "rows become columns", example: "transpose([[1, 2], [3, 4]])") {
      tape, x throws(EngineError) in
      try tape.transpose(x)
    },
    Builtin(
      name: "round", category: .math,
      parameters: [.init("x"), .init("digits", default: .tensor(Tensor(scalar: 0)))],
      isVariadic: false, summary: "rounds to `digits` decimal places (its slope is 0)",
      example: "round(2.71828, 2)"
    ) { evaluator, arguments throws(LanguageError) in
      let x = try evaluator.tensor(arguments.values[0], at: arguments.ranges[0], for: "round")
      let digits = try evaluator.integer(
        arguments.values[1], at: arguments.ranges[1], for: "round's digits", in: -15...15)
      let scale = CMath.pow(10.0, Double(digits))
      // Past 2^53 every double is a whole number at this scale already: rounding would only
      // overflow (round(1e300, 10) was inf), so such values are kept as they are.
      return .node(
        try evaluator.constant(
          x.map { value in
            let scaled = value * scale
            guard scaled.isFinite, Swift.abs(scaled) < 0x1p53 else { return value }
            return scaled.rounded() / scale
          }, at: arguments.callRange))
    },
    Builtin(
      name: "where", category: .math, parameters: [.init("condition"), .init("a"), .init("b")],
      isVariadic: false,
      summary:
        "a where condition is true (non-zero), else b; the gradient follows the branch taken",
      example: "where([1, -2, 3] > 0, 2, 1)"
    ) { evaluator, arguments throws(LanguageError) in
      let condition = try arguments.node(0, evaluator, of: "where")
      let a = try arguments.node(1, evaluator, of: "where")
      let b = try arguments.node(2, evaluator, of: "where")
      return .node(
        try evaluator.engine(at: arguments.callRange) { tape throws(EngineError) in
          try tape.select(condition, a, b)
        })
    },
    Builtin(
      name: "clip", category: .math, parameters: [.init("x"), .init("lo"), .init("hi")],
      isVariadic: false,
      summary: "limits x to [lo, hi]; slope 1 inside (bounds included), 0 where clipped",
      example: "clip([0, 0.5, 1], 1e-15, 1 - 1e-15)"
    ) { evaluator, arguments throws(LanguageError) in
      let x = try arguments.node(0, evaluator, of: "clip")
      let lo = try arguments.node(1, evaluator, of: "clip")
      let hi = try arguments.node(2, evaluator, of: "clip")
      return .node(
        try evaluator.engine(at: arguments.callRange) { tape throws(EngineError) in
          try tape.clip(x, lo, hi)
        })
    },
  ]
}
