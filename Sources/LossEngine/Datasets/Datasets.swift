/// The built-in toy datasets the lessons train on, each made by ``SeededGenerator`` so that the
/// same call gives the same numbers on every machine. Each returns named columns, in order.
///
/// - `houses`: size (m², 50–200) and price (thousands) = 1.5·size + 30 + noise (sd 10); the
///   last house is an outlier priced 4× (a typo in the listing), to show MSE chasing it.
/// - `spam`: exclamation marks in an email (normal around 2, spam around 5) and a 0/1 label.
/// - `imbalanced`: one feature and a 0/1 label with exactly one positive in a hundred.
/// - `sine`: x sorted in [0, 2π] and y = sin x + noise, for under- and overfitting.
/// - `blobs`: three classes around (0, 2), (−2, −1), (2, −1), spread 0.6; a 2-column matrix
///   of features and class indices 1, 2, 3 (for `cce_logits(Z, labels)`).
public enum Datasets {
  /// The most rows a built-in dataset makes.
  public static let maxRows = 100_000

  public struct Column: Sendable, Equatable {
    public let name: String
    public let values: Tensor
  }

  public static func houses(count: Int, seed: UInt64) throws(EngineError) -> [Column] {
    var random = SeededGenerator(seed: seed)
    var size: [Double] = []
    var price: [Double] = []
    for _ in 0..<count {
      let s = (random.uniform(in: 50...200) * 10).rounded() / 10
      size.append(s)
      price.append(((1.5 * s + 30 + random.normal(standardDeviation: 10)) * 10).rounded() / 10)
    }
    if let last = price.indices.last { price[last] *= 4 }
    return [
      Column(name: "size", values: try Tensor(vector: size)),
      Column(name: "price", values: try Tensor(vector: price)),
    ]
  }

  public static func spam(count: Int, seed: UInt64) throws(EngineError) -> [Column] {
    var random = SeededGenerator(seed: seed)
    var marks: [Double] = []
    var label: [Double] = []
    for i in 0..<count {
      let isSpam = i % 2 == 1
      let center = isSpam ? 5.0 : 2.0
      marks.append(Swift.max(0, (random.normal(mean: center, standardDeviation: 1.2)).rounded()))
      label.append(isSpam ? 1 : 0)
    }
    return [
      Column(name: "marks", values: try Tensor(vector: marks)),
      Column(name: "label", values: try Tensor(vector: label)),
    ]
  }

  public static func imbalanced(count: Int, seed: UInt64) throws(EngineError) -> [Column] {
    var random = SeededGenerator(seed: seed)
    var x: [Double] = []
    var label: [Double] = []
    for i in 0..<count {
      let positive = i % 100 == 99
      x.append(random.normal(mean: positive ? 2 : 0, standardDeviation: 1))
      label.append(positive ? 1 : 0)
    }
    return [
      Column(name: "x", values: try Tensor(vector: x)),
      Column(name: "label", values: try Tensor(vector: label)),
    ]
  }

  public static func sine(count: Int, noise: Double, seed: UInt64) throws(EngineError) -> [Column] {
    var random = SeededGenerator(seed: seed)
    let x = random.uniformValues(count, in: 0...(2 * Double.pi)).sorted()
    let y = x.map { CMath.sin($0) + random.normal(standardDeviation: noise) }
    return [
      Column(name: "x", values: try Tensor(vector: x)),
      Column(name: "y", values: try Tensor(vector: y)),
    ]
  }

  public static func blobs(count: Int, seed: UInt64) throws(EngineError) -> [Column] {
    var random = SeededGenerator(seed: seed)
    let centers: [(Double, Double)] = [(0, 2), (-2, -1), (2, -1)]
    var features: [Double] = []
    var label: [Double] = []
    for i in 0..<count {
      let k = i % 3
      features.append(random.normal(mean: centers[k].0, standardDeviation: 0.6))
      features.append(random.normal(mean: centers[k].1, standardDeviation: 0.6))
      label.append(Double(k + 1))
    }
    return [
      Column(name: "X", values: try Tensor(shape: [count, 2], storage: features)),
      Column(name: "label", values: try Tensor(vector: label)),
    ]
  }
}
