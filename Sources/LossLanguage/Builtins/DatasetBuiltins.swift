import LossEngine

extension BuiltinLibrary {
  /// A built-in dataset: a call with `n` and `seed` (and extra numeric options) that gives its
  /// columns as a list, so `size, price = houses()` names them (`help data` lists them).
  static func dataset(
    _ name: String, columns: String, rows: Int, extra: [Builtin.Parameter] = [],
    summary: String,
    make: @escaping @Sendable (Int, UInt64, [Double]) throws(EngineError) -> [Datasets.Column]
  ) -> Builtin {
    Builtin(
      name: name, category: .datasets,
      parameters: [.init("n", default: .tensor(Tensor(scalar: Double(rows))))] + extra
        + [.init("seed", default: .tensor(Tensor(scalar: 1)))],
      isVariadic: false,
      summary: "\(summary); gives \(columns), as in \(columns) = \(name)()",
      example: "\(columns) = \(name)()"
    ) { evaluator, arguments throws(LanguageError) in
      let range = arguments.callRange
      let n = try evaluator.integer(
        arguments.values[0], at: arguments.ranges[0], for: "\(name)'s n",
        in: 1...Datasets.maxRows)
      let last = arguments.values.count - 1
      let seed = try evaluator.integer(
        arguments.values[last], at: arguments.ranges[last], for: "\(name)'s seed",
        in: 0...Int(Int32.max))
      var options: [Double] = []
      for i in 1..<last {
        options.append(
          try evaluator.number(
            arguments.values[i], at: arguments.ranges[i], for: "\(name)'s \(extra[i - 1].name)"))
      }
      let made: [Datasets.Column]
      do throws(EngineError) { made = try make(n, UInt64(seed), options) } catch {
        throw LanguageError(.engine(error), at: range)
      }
      return .list(
        try made.map { column throws(LanguageError) in
          .node(try evaluator.constant(column.values, at: range))
        })
    }
  }

  /// A real dataset shipped inside the binary: a call without arguments that gives its columns.
  static func realDataset(
    _ name: String, columns: String, summary: String,
    make: @escaping @Sendable () throws(EngineError) -> [Datasets.Column]
  ) -> Builtin {
    Builtin(
      name: name, category: .datasets, parameters: [], isVariadic: false,
      summary: "\(summary); gives \(columns), as in \(columns) = \(name)()",
      example: "\(columns) = \(name)()"
    ) { evaluator, arguments throws(LanguageError) in
      let made: [Datasets.Column]
      do throws(EngineError) { made = try make() } catch {
        throw LanguageError(.engine(error), at: arguments.callRange)
      }
      return .list(
        try made.map { column throws(LanguageError) in
          .node(try evaluator.constant(column.values, at: arguments.callRange))
        })
    }
  }

  static let datasetBuiltins: [Builtin] = [
    realDataset(
      "iris", columns: "X, species",
      summary:
        "Fisher's iris flowers (real data, 1936): a 150×4 matrix of measurements in cm (sepal length, sepal width, petal length, petal width) and the species as class indices 1 setosa, 2 versicolor, 3 virginica"
    ) { () throws(EngineError) in try Datasets.iris() },
    realDataset(
      "breast_cancer", columns: "X, malignant",
      summary:
        "the Wisconsin breast-cancer diagnoses (real data, 1995): a 569×30 matrix of cell-nucleus measurements from images (radius, texture, perimeter, area, smoothness, compactness, concavity, concave points, symmetry, fractal dimension; each as mean, standard error and worst) and a 0/1 label, 1 malignant (212), 0 benign (357)"
    ) { () throws(EngineError) in try Datasets.breastCancer() },
    dataset(
      "houses", columns: "size, price", rows: 20,
      summary: "house sizes (m²) and prices (thousands), the last one an outlier"
    ) { n, seed, _ throws(EngineError) in try Datasets.houses(count: n, seed: seed) },
    dataset(
      "spam", columns: "marks, label", rows: 40,
      summary: "exclamation marks per email and a 0/1 spam label"
    ) { n, seed, _ throws(EngineError) in try Datasets.spam(count: n, seed: seed) },
    dataset(
      "imbalanced", columns: "x, label", rows: 1000,
      summary: "one feature and a 0/1 label, one positive in a hundred"
    ) { n, seed, _ throws(EngineError) in try Datasets.imbalanced(count: n, seed: seed) },
    dataset(
      "sine", columns: "x, y", rows: 30,
      extra: [.init("noise", default: .tensor(Tensor(scalar: 0.2)))],
      summary: "x in [0, 2π] and y = sin(x) + noise"
    ) { n, seed, options throws(EngineError) in
      guard let noise = options.first, noise.isFinite, noise >= 0 else {
        throw .invalidArgument(operation: "sine", message: "noise must be a number ≥ 0")
      }
      return try Datasets.sine(count: n, noise: noise, seed: seed)
    },
    dataset(
      "blobs", columns: "X, label", rows: 60,
      summary: "three classes of 2-D points: an n×2 matrix and class indices 1, 2, 3"
    ) { n, seed, _ throws(EngineError) in try Datasets.blobs(count: n, seed: seed) },
  ]
}
