import LossEngine

extension BuiltinLibrary {
  /// `max`/`min`: the largest element of one argument, or the element-wise extreme of two.
  static func extremum(_ name: String, largest: Bool) -> Builtin {
    Builtin(
      name: name, category: .reduction, parameters: [.init("a"), .init("b", optional: true)],
      isVariadic: false,
      summary: largest
        ? "max(x): the largest element; max(a, b): element-wise (ties share the slope)"
        : "min(x): the smallest element; min(a, b): element-wise (ties share the slope)",
      example: largest ? "max(0, 1 - [2, 0.5, -1])" : "min([3, 1, 2])"
    ) { evaluator, arguments throws(LanguageError) in
      let a = try arguments.node(0, evaluator, of: name)
      if arguments.values.count > 1, case .node = arguments.values[1] {
        let b = try arguments.node(1, evaluator, of: name)
        return .node(
          try evaluator.engine(at: arguments.callRange) { tape throws(EngineError) in
            largest ? try tape.maximum(a, b) : try tape.minimum(a, b)
          })
      }
      return .node(
        try evaluator.engine(at: arguments.callRange) { tape throws(EngineError) in
          largest ? try tape.maxReduce(a) : try tape.minReduce(a)
        })
    }
  }

  static let reductionBuiltins: [Builtin] = [
    oneArgument(
      "mean", "the average of all elements: sum(x) / len(x)", example: "mean([1, 2, 3, 4])",
      category: .reduction
    ) { tape, x throws(EngineError) in try tape.mean(x) },
    oneArgument(
      "sum", "the sum of all elements", example: "sum([1, 2, 3, 4])", category: .reduction
    ) { tape, x throws(EngineError) in try tape.sum(x) },
    extremum("max", largest: true),
    extremum("min", largest: false),
    Builtin(
      name: "len", category: .reduction, parameters: [.init("x")], isVariadic: false,
      summary: "the number of elements of a vector, or of rows of a matrix",
      example: "len([3, 5, 2.5, 7])"
    ) { evaluator, arguments throws(LanguageError) in
      switch arguments.values[0] {
      case .string(let text):
        return .node(
          try evaluator.constant(Tensor(scalar: Double(text.count)), at: arguments.callRange))
      case .list(let items):
        return .node(
          try evaluator.constant(Tensor(scalar: Double(items.count)), at: arguments.callRange))
      case .node(let node):
        let value = evaluator.tape.value(node)
        return .node(
          try evaluator.constant(
            Tensor(scalar: Double(value.isScalar ? 1 : value.shape[0])), at: arguments.callRange))
      }
    },
  ]
}
