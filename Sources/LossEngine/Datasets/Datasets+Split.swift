/// Splitting rows into a training and a validation part, reproducibly.
extension Datasets {
  /// 0..<count in a seeded order (Fisher–Yates, each draw the high half of a 128-bit product, so
  /// no modulo bias and no dependence on the standard library's algorithm). The same count and
  /// seed give the same order: splitting `x` and `y` with one seed keeps their rows together.
  public static func shuffledIndices(count: Int, seed: UInt64) -> [Int] {
    var random = SeededGenerator(seed: seed)
    var order = Array(0..<count)
    var i = count - 1
    while i > 0 {
      let j = Int(UInt64(i + 1).multipliedFullWidth(by: random.next()).high)
      order.swapAt(i, j)
      i -= 1
    }
    return order
  }

  /// How many of `rows` go to training for a `fraction` in (0, 1): rounded, and at least one
  /// row left on each side. Nil when that is impossible (fewer than 2 rows).
  public static func trainingCount(rows: Int, fraction: Double) -> Int? {
    guard rows >= 2, fraction > 0, fraction < 1 else { return nil }
    return Swift.min(Swift.max(Int((fraction * Double(rows)).rounded()), 1), rows - 1)
  }

  /// The elements of a vector, or the rows of a matrix, at `indices` (0-based, in that order).
  public static func rows(of t: Tensor, at indices: ArraySlice<Int>) -> Tensor {
    let width = t.rank == 2 ? t.shape[1] : 1
    let storage = Tensor.makeStorage(count: indices.count * width) { out in
      t.storage.withUnsafeBufferPointer { source in
        for (k, row) in indices.enumerated() {
          for c in 0..<width { out[k * width + c] = source[row * width + c] }
        }
      }
    }
    let shape = t.rank == 2 ? [indices.count, width] : [indices.count]
    return Tensor(uncheckedShape: shape, storage: storage)
  }
}
