import LossEngine

extension BuiltinLibrary {
  /// One built-in per entry of the engine's ``LossCatalog``: `name(p, y, options…)`.
  static let lossBuiltins: [Builtin] = LossCatalog.all.map { descriptor in
    Builtin(
      name: descriptor.name, category: .loss,
      parameters: [.init(descriptor.predictionName), .init("y")]
        + descriptor.options.map {
          .init($0.name, default: .tensor(Tensor(scalar: $0.defaultValue)))
        },
      isVariadic: false,
      summary: "\(descriptor.formula) — \(descriptor.summary)",
      example: descriptor.example
    ) { evaluator, arguments throws(LanguageError) in
      var options: [Double] = []
      for slot in 2..<arguments.values.count {
        guard case .node(let node) = arguments.values[slot],
          let number = evaluator.tape.value(node).scalarValue,
          evaluator.tape.value(node).isScalar
        else {
          throw LanguageError(
            .lossOptionNotANumber(
              loss: descriptor.name, option: descriptor.options[slot - 2].name),
            at: arguments.ranges[slot])
        }
        options.append(number)
      }
      let loss: any Loss
      loss = try evaluator.engine(at: arguments.callRange) { _ throws(EngineError) in
        try descriptor.make(options)
      }
      let p = try arguments.node(0, evaluator, of: descriptor.name)
      let y = try arguments.node(1, evaluator, of: descriptor.name)
      return .node(
        try evaluator.engine(at: arguments.callRange) { tape throws(EngineError) in
          try tape.loss(loss, prediction: p, target: y)
        })
    }
  }
}
