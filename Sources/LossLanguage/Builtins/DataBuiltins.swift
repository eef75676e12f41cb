import LossEngine

extension BuiltinLibrary {
  static let dataBuiltins: [Builtin] = [
    Builtin(
      name: "linspace", category: .data, parameters: [.init("from"), .init("to"), .init("n")],
      isVariadic: false,
      summary: "n evenly spaced numbers from `from` to `to`, both included",
      example: "linspace(-3, 3, 7)"
    ) { evaluator, arguments throws(LanguageError) in
      let from = try evaluator.number(
        arguments.values[0], at: arguments.ranges[0], for: "linspace's from")
      let to = try evaluator.number(
        arguments.values[1], at: arguments.ranges[1], for: "linspace's to")
      let n = try evaluator.integer(
        arguments.values[2], at: arguments.ranges[2], for: "linspace's n",
        in: 1...Tensor.maxElementCount)
      let step = n > 1 ? (to - from) / Double(n - 1) : 0
      let values = (0..<n).map { $0 == n - 1 && n > 1 ? to : from + Double($0) * step }
      return .node(
        try evaluator.constant(
          try evaluator.tensor(vector: values, at: arguments.callRange), at: arguments.callRange))
    }
  ]
}

extension BuiltinLibrary {
  /// `uniform`/`normal`: reproducible random numbers. The seed is explicit, so the same call
  /// always gives the same numbers (lessons seed per learner and step).
  static func random(
    _ name: String, _ first: String, _ second: String, summary: String, example: String,
    draw: @escaping @Sendable (inout SeededGenerator, Double, Double) -> Double
  ) -> Builtin {
    Builtin(
      name: name, category: .data,
      parameters: [.init(first), .init(second), .init("seed"), .init("n", optional: true)],
      isVariadic: false,
      summary: summary, example: example
    ) { evaluator, arguments throws(LanguageError) in
      let a = try evaluator.number(
        arguments.values[0], at: arguments.ranges[0], for: "\(name)'s \(first)")
      let b = try evaluator.number(
        arguments.values[1], at: arguments.ranges[1], for: "\(name)'s \(second)")
      let seed = try evaluator.integer(
        arguments.values[2], at: arguments.ranges[2], for: "\(name)'s seed",
        in: Int(Int32.min)...Int(UInt32.max))
      var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
      guard case .node = arguments.values[3] else {
        return .node(
          try evaluator.constant(Tensor(scalar: draw(&generator, a, b)), at: arguments.callRange))
      }
      let n = try evaluator.integer(
        arguments.values[3], at: arguments.ranges[3], for: "\(name)'s n",
        in: 1...Tensor.maxElementCount)
      let values = (0..<n).map { _ in draw(&generator, a, b) }
      return .node(
        try evaluator.constant(
          try evaluator.tensor(vector: values, at: arguments.callRange), at: arguments.callRange))
    }
  }

  static let randomBuiltins: [Builtin] = [
    random(
      "uniform", "low", "high",
      summary: "a random number between low and high (n of them with n=…), fixed by seed",
      example: "uniform(-30, 30, 7)"
    ) { generator, low, high in generator.uniform(from: low, to: high) },
    random(
      "normal", "mean", "std",
      summary: "a normally distributed random number (n of them with n=…), fixed by seed",
      example: "normal(0, 1, 7, 3)"
    ) { generator, mean, deviation in generator.normal(mean: mean, standardDeviation: deviation) },
  ]
}

extension BuiltinLibrary {
  /// `load("prices.csv")`: the learner's own CSV file of numbers, through the injected
  /// ``FileReader`` (the language reads no file itself).
  static let fileBuiltins: [Builtin] = [
    Builtin.readingFiles(
      name: "load", category: .data, parameters: [.init("file"), .init("column", optional: true)],
      isVariadic: false,
      summary:
        "a CSV file of numbers with a header row: its columns in order (size, price = load(\"prices.csv\")), or one by name with column=\"price\"; at most 50 MB",
      example: "size, price = load(\"prices.csv\")"
    ) { evaluator, arguments throws(LanguageError) in
      guard case .string(let path) = arguments.values[0] else {
        throw LanguageError(.data(.fileNameNotAString), at: arguments.ranges[0])
      }
      guard let reader = evaluator.fileReader else {
        throw LanguageError(.data(.loadUnavailable), at: arguments.callRange)
      }
      let bytes: [UInt8]
      do throws(FileReader.Failure) { bytes = try reader.read(path, CSVTable.maximumBytes) } catch {
        throw LanguageError(.data(.file(path: path, error)), at: arguments.ranges[0])
      }
      let table: CSVTable
      do throws(CSVProblem) {
        table = try CSVTable.parse(bytes, isInterrupted: evaluator.isInterrupted)
      } catch {
        if error.kind == .interrupted {
          throw LanguageError(.engine(.interrupted), at: arguments.callRange)
        }
        throw LanguageError(.data(.csv(file: path, error)), at: arguments.ranges[0])
      }
      let columns = try table.columns.map { column throws(LanguageError) in
        try evaluator.tensor(vector: column, at: arguments.callRange)
      }
      switch arguments.values[1] {
      case .string(let name):
        guard let index = table.names.firstIndex(of: name) else {
          throw LanguageError(
            .data(
              .unknownColumn(
                file: path, name: name,
                suggestion: Suggestions.closest(to: name, among: table.names), names: table.names)),
            at: arguments.ranges[1])
        }
        return .node(try evaluator.constant(columns[index], at: arguments.callRange))
      case .list(let items) where items.isEmpty:
        return .list(
          try columns.map { column throws(LanguageError) in
            .node(try evaluator.constant(column, at: arguments.callRange))
          })
      default:
        throw LanguageError(.data(.columnNotAName), at: arguments.ranges[1])
      }
    }
  ]
}
