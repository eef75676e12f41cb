import LossEngine

extension BuiltinLibrary {
  /// Getting data ready to train on: `split` and `standardize`.
  static let preparationBuiltins: [Builtin] = [
    Builtin(
      name: "split", category: .data,
      parameters: [
        .init("data"), .init("fraction", default: .tensor(Tensor(scalar: 0.8))),
        .init("seed", default: .tensor(Tensor(scalar: 1))),
      ],
      isVariadic: false,
      summary:
        "shuffles the rows and splits them: a training part (fraction of them) and a validation part; a list of columns gives both parts of each, in order; the same seed keeps x and y together",
      example: "x_train, x_val = split(linspace(1, 10, 10), 0.8, seed=1)"
    ) { evaluator, arguments throws(LanguageError) in
      let fraction = try evaluator.number(
        arguments.values[1], at: arguments.ranges[1], for: "split's fraction")
      guard fraction > 0, fraction < 1 else {
        throw LanguageError(.data(.splitFraction(fraction)), at: arguments.ranges[1])
      }
      let seed = try evaluator.integer(
        arguments.values[2], at: arguments.ranges[2], for: "split's seed",
        in: 0...Int(Int32.max))
      let parts: [Tensor]
      switch arguments.values[0] {
      case .node(let node): parts = [evaluator.tape.value(node)]
      case .list(let items):
        parts = try items.map { item throws(LanguageError) in
          try evaluator.tensor(item, at: arguments.ranges[0], for: "split")
        }
      case .string:
        throw LanguageError(.needsNumbers(use: "split", got: .string), at: arguments.ranges[0])
      }
      let rows = parts.first.map { $0.isScalar ? 1 : $0.shape[0] } ?? 0
      if let odd = parts.firstIndex(where: { $0.isScalar || $0.shape[0] != rows }) {
        throw LanguageError(
          .data(.splitRowsDiffer(first: rows, item: odd + 1, shape: parts[odd].shape)),
          at: arguments.ranges[0])
      }
      guard let training = Datasets.trainingCount(rows: rows, fraction: fraction) else {
        throw LanguageError(.data(.splitTooFewRows(rows)), at: arguments.ranges[0])
      }
      let order = Datasets.shuffledIndices(count: rows, seed: UInt64(seed))
      var results: [RuntimeValue] = []
      for part in parts {
        for indices in [order[..<training], order[training...]] {
          results.append(
            .node(
              try evaluator.constant(
                Datasets.rows(of: part, at: indices), at: arguments.callRange)))
        }
      }
      return .list(results)
    },
    Builtin(
      name: "standardize", category: .data, parameters: [.init("x")], isVariadic: false,
      summary:
        "(x - mean) / std: each column of a matrix (or the whole vector) to mean 0 and standard deviation 1 (std over n, as scikit-learn's StandardScaler)",
      example: "standardize([1, 2, 3, 4])"
    ) { evaluator, arguments throws(LanguageError) in
      let x = try arguments.node(0, evaluator, of: "standardize")
      let value = evaluator.tape.value(x)
      guard !value.isScalar, value.count > 0 else {
        throw LanguageError(.data(.shapeOfNumber), at: arguments.ranges[0])
      }
      let range = arguments.callRange
      let matrix = value.rank == 2
      // On the tape, so that a slope flows through it like through any formula.
      let (centered, spread) = try evaluator.engine(at: range) {
        tape throws(EngineError) -> (Variable, Variable) in
        let mean = matrix ? try tape.mean(x, axis: .rows) : try tape.mean(x)
        let centered = try tape.subtract(x, mean)
        let squares = try tape.square(centered)
        let variance = matrix ? try tape.mean(squares, axis: .rows) : try tape.mean(squares)
        return (centered, try tape.sqrt(variance))
      }
      let deviations = evaluator.tape.value(spread).storage
      if let flat = deviations.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
        throw LanguageError(
          .data(.cannotStandardize(column: matrix ? flat + 1 : nil, deviation: deviations[flat])),
          at: arguments.ranges[0])
      }
      return .node(
        try evaluator.engine(at: range) { tape throws(EngineError) in
          try tape.divide(centered, spread)
        })
    },
  ]
}
