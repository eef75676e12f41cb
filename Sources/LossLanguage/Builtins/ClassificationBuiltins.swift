import LossEngine

extension BuiltinLibrary {
  /// Labels and scores as a PyTorch user reaches for them; class labels are 1…classes here.
  /// None has a slope: they make or read labels (their results are constants on the tape).
  static let classificationBuiltins: [Builtin] = [
    Builtin(
      name: "one_hot", category: .classification,
      parameters: [.init("labels"), .init("classes")], isVariadic: false,
      summary: "a row of `classes` zeros with a 1 at each label (labels 1…classes)",
      example: "one_hot([1, 3, 2], 3)"
    ) { evaluator, arguments throws(LanguageError) in
      let labels = try evaluator.tensor(
        arguments.values[0], at: arguments.ranges[0], for: "one_hot's labels")
      let classes = try evaluator.integer(
        arguments.values[1], at: arguments.ranges[1], for: "one_hot's classes",
        in: 1...Tensor.maxElementCount)
      guard labels.rank <= 1 else {
        throw LanguageError(.data(.labelsNotAVector(function: "one_hot")), at: arguments.ranges[0])
      }
      let made = try evaluator.engine(at: arguments.ranges[0]) { _ throws(EngineError) in
        try Tensor.oneHot(labels, classes: classes)
      }
      return .node(try evaluator.constant(made, at: arguments.callRange))
    },
    Builtin(
      name: "argmax", category: .classification,
      parameters: [.init("x"), .init("axis", optional: true)], isVariadic: false,
      summary: "the position (1-based) of the largest element; axis=1 for each row of a matrix",
      example: "argmax([[0.1, 2, -1], [3, 0, 0.5]], axis=1)"
    ) { evaluator, arguments throws(LanguageError) in
      let x = try evaluator.tensor(arguments.values[0], at: arguments.ranges[0], for: "argmax")
      guard !x.isScalar else {
        throw LanguageError(.data(.shapeOfNumber), at: arguments.ranges[0])
      }
      let axis = try evaluator.axis(arguments, 1, of: "argmax", shape: x.shape)
      guard x.rank == 1 || axis != nil else {
        throw LanguageError(.data(.axisNeeded(function: "argmax")), at: arguments.callRange)
      }
      let made = try evaluator.engine(at: arguments.callRange) { _ throws(EngineError) in
        try x.argmax(axis: axis)
      }
      return .node(try evaluator.constant(made, at: arguments.callRange))
    },
    Builtin(
      name: "accuracy", category: .classification,
      parameters: [.init("pred"), .init("labels")], isVariadic: false,
      summary:
        "the fraction of predictions equal to the labels; class scores (one row each) are read through argmax",
      example: "accuracy([[2, 0.5], [0.1, 1], [3, 1]], [1, 2, 2])"
    ) { evaluator, arguments throws(LanguageError) in
      let prediction = try evaluator.tensor(
        arguments.values[0], at: arguments.ranges[0], for: "accuracy's pred")
      let labels = try evaluator.tensor(
        arguments.values[1], at: arguments.ranges[1], for: "accuracy's labels")
      let made = try evaluator.engine(at: arguments.callRange) { _ throws(EngineError) in
        try Tensor.accuracy(prediction, labels)
      }
      return .node(try evaluator.constant(made, at: arguments.callRange))
    },
  ]
}
