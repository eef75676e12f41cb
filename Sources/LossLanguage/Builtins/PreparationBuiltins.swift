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
      if let single = parts.firstIndex(where: \.isScalar) {
        throw LanguageError(.data(.splitNeedsRows(item: single + 1)), at: arguments.ranges[0])
      }
      let rows = parts.first.map { $0.shape[0] } ?? 0
      if let odd = parts.firstIndex(where: { $0.shape[0] != rows }) {
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
      let columns = matrix ? value.shape[1] : 1
      let largest = Self.largestMagnitudes(value.storage, columns: columns)
      if let column = largest.firstIndex(where: { !$0.isFinite }) {
        throw LanguageError(
          .data(.standardizeNotFinite(column: matrix ? column + 1 : nil)), at: arguments.ranges[0])
      }
      let (down, downAgain) = Self.powerOfTwoScales(
        bringingToOne: largest, shape: matrix ? [columns] : [])
      // On the tape, so that a slope flows through it like through any formula. The scale is
      // an exact power of two per column, which leaves (x - mean) / std unchanged bit for bit
      // while keeping the squares from overflowing (1e308) or vanishing (5e-324).
      let (centered, spread) = try evaluator.engine(at: range) {
        tape throws(EngineError) -> (Variable, Variable) in
        let scaled = try tape.multiply(
          try tape.multiply(x, tape.leaf(down, label: "constant")),
          tape.leaf(downAgain, label: "constant"))
        let mean = matrix ? try tape.mean(scaled, axis: .rows) : try tape.mean(scaled)
        let centered = try tape.subtract(scaled, mean)
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

  /// The largest |x| of each column of a row-major matrix with `columns` columns (of the whole
  /// vector when 1); not finite when the column holds inf or nan.
  static func largestMagnitudes(_ storage: [Double], columns: Int) -> [Double] {
    var largest = [Double](repeating: 0, count: columns)
    for (index, element) in storage.enumerated() {
      let column = index % columns
      let magnitude = element.magnitude
      if !(magnitude <= largest[column]) { largest[column] = magnitude.isNaN ? .nan : magnitude }
    }
    return largest
  }

  /// Two factors per column whose product is 2^-e for the column's largest |x| = m·2^e (each
  /// alone stays a normal double, as 2^1074 would not), or 1 for a column of zeros.
  static func powerOfTwoScales(bringingToOne largest: [Double], shape: [Int]) -> (Tensor, Tensor) {
    var first: [Double] = []
    var second: [Double] = []
    for magnitude in largest {
      let exponent = magnitude > 0 ? -Int(magnitude.exponent) : 0
      let half = exponent / 2
      first.append(Double(sign: .plus, exponent: half, significand: 1))
      second.append(Double(sign: .plus, exponent: exponent - half, significand: 1))
    }
    guard !shape.isEmpty, let a = try? Tensor(vector: first), let b = try? Tensor(vector: second)
    else { return (Tensor(scalar: first.first ?? 1), Tensor(scalar: second.first ?? 1)) }
    return (a, b)
  }
}
