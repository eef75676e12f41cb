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

  /// A reduction with an optional `axis` (numpy's and PyTorch's numbering: 0 collapses the rows,
  /// 1 the columns; a vector has only axis 0).
  static func alongAxis(
    _ name: String, _ summary: String, example: String,
    _ operation: @escaping @Sendable (Tape, Variable, Tape.Axis?) throws(EngineError) -> Variable
  ) -> Builtin {
    Builtin(
      name: name, category: .reduction, parameters: [.init("x"), .init("axis", optional: true)],
      isVariadic: false, summary: summary, example: example
    ) { evaluator, arguments throws(LanguageError) in
      let x = try arguments.node(0, evaluator, of: name)
      let axis = try evaluator.axis(arguments, 1, of: name, shape: evaluator.tape.value(x).shape)
      return .node(
        try evaluator.engine(at: arguments.callRange) { tape throws(EngineError) in
          try operation(tape, x, axis)
        })
    }
  }

  static let reductionBuiltins: [Builtin] = [
    alongAxis(
      "mean", "the average of all elements, or of each column (axis=0) or row (axis=1)",
      example: "mean([[1, 2], [3, 5]], axis=1)"
    ) { tape, x, axis throws(EngineError) in
      guard let axis else { return try tape.mean(x) }
      return try tape.mean(x, axis: axis)
    },
    alongAxis(
      "sum", "the sum of all elements, or of each column (axis=0) or row (axis=1)",
      example: "sum([[1, 2], [3, 5]], axis=0)"
    ) { tape, x, axis throws(EngineError) in
      guard let axis else { return try tape.sum(x) }
      return try tape.sum(x, axis: axis)
    },
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
    Builtin(
      name: "shape", category: .reduction, parameters: [.init("x")], isVariadic: false,
      summary: "the size of each axis: [rows, columns] of a matrix, [length] of a vector",
      example: "shape([[1, 2, 3], [4, 5, 6]])"
    ) { evaluator, arguments throws(LanguageError) in
      let shape = try evaluator.tensor(arguments.values[0], at: arguments.ranges[0], for: "shape")
        .shape
      guard !shape.isEmpty else {
        throw LanguageError(.data(.shapeOfNumber), at: arguments.ranges[0])
      }
      let result = try evaluator.tensor(vector: shape.map(Double.init), at: arguments.callRange)
      return .node(try evaluator.constant(result, at: arguments.callRange))
    },
  ]
}
