import LossEngine

/// Seeded random test inputs, kept away from the points where a loss or op has a kink.
extension SeededGenerator {
  /// A tensor of `shape` with elements uniform in `range`.
  public mutating func tensor(_ shape: [Int], in range: ClosedRange<Double>) -> Tensor {
    Tensor(testShape: shape, uniformValues(shape.reduce(1, *), in: range))
  }

  /// A tensor of `shape` whose elements are drawn from `values` (labels).
  public mutating func labels(_ shape: [Int], from values: [Double]) -> Tensor {
    let count = shape.reduce(1, *)
    return Tensor(
      testShape: shape, (0..<count).map { _ in values[Int(next() % UInt64(values.count))] })
  }

  /// A uniform number in `range` at least `margin` away from every point in `avoiding`.
  public mutating func uniform(
    in range: ClosedRange<Double>, avoiding kinks: [Double], margin: Double = 1e-3
  ) -> Double {
    while true {
      let value = uniform(in: range)
      if kinks.allSatisfy({ Swift.abs(value - $0) >= margin }) { return value }
    }
  }

  /// A one-hot matrix (or one-hot vector for a single row) with `rows` × `columns` elements.
  public mutating func oneHot(rows: Int, columns: Int, shape: [Int]) -> Tensor {
    var storage = [Double](repeating: 0, count: rows * columns)
    for row in 0..<rows { storage[row * columns + Int(next() % UInt64(columns))] = 1 }
    return Tensor(testShape: shape, storage)
  }
}
