/// Which part of one axis a subscript picks, 1-based as learners count.
public enum AxisPick: Equatable, Sendable {
  /// One position: the axis is dropped (`X[2, :]` is a vector, `x[3]` a number).
  case position(Int)
  /// Positions `lowerBound...upperBound`, both included: the axis is kept (`x[2:5]`).
  case span(ClosedRange<Int>)

  /// The 0-based positions picked, and whether the axis stays in the result.
  var offsets: (range: Range<Int>, kept: Bool) {
    switch self {
    case .position(let p): return (p - 1..<p, false)
    case .span(let s): return (s.lowerBound - 1..<s.upperBound, true)
    }
  }

  /// The shape of the block `picks` select: the spans' lengths, in order (positions drop).
  public static func blockShape(_ picks: [AxisPick]) -> [Int] {
    picks.compactMap { pick in
      let (range, kept) = pick.offsets
      return kept ? range.count : nil
    }
  }

  func fits(_ length: Int) -> Bool {
    switch self {
    case .position(let p): return p >= 1 && p <= length
    case .span(let s): return s.lowerBound >= 1 && s.upperBound <= length
    }
  }
}

/// `x[2:5]`, `X[i, j]`, `X[:, 2]`, `X[1:3]`: a rectangular block of a vector or matrix, copied
/// in contiguous runs (one per row picked).
extension Tape {
  /// One pick per axis (the language fills the axes left out with the whole axis). The
  /// language checks the positions first and words its own errors; these are the engine's
  /// guard, so no input can index outside the buffer.
  public func slice(_ a: Variable, _ picks: [AxisPick]) throws(EngineError) -> Variable {
    let x = value(a)
    guard !x.isScalar, picks.count == x.rank else {
      throw .invalidArgument(
        operation: "indexing",
        message:
          "a value of shape \(x.shapeDescription) takes \(x.rank) subscripts, got \(picks.count)")
    }
    for (axis, pick) in picks.enumerated() where !pick.fits(x.shape[axis]) {
      throw .invalidArgument(
        operation: "indexing", message: "a position is outside 1…\(x.shape[axis])")
    }
    // A vector is one row of `count` columns.
    let columns = x.columns
    let rows = x.rank == 2 ? picks[0].offsets.range : 0..<1
    let cells = picks[x.rank - 1].offsets.range
    let shape = AxisPick.blockShape(picks)
    let width = cells.count
    let storage = Tensor.makeStorage(count: rows.count * width) { out in
      x.storage.withUnsafeBufferPointer { source in
        for (k, r) in rows.enumerated() {
          let from = r * columns + cells.lowerBound
          for c in 0..<width { out[k * width + c] = source[from + c] }
        }
      }
    }
    let label = picks.allSatisfy { !$0.offsets.kept } ? "index" : "slice"
    // ∂/∂a = g in the block picked, 0 elsewhere.
    return try record(Tensor(uncheckedShape: shape, storage: storage), parents: [a], label: label) {
      g, _ in
      var out = Tensor.filledStorage(0, count: x.count)
      g.storage.withUnsafeBufferPointer { upstream in
        out.withUnsafeMutableBufferPointer { sink in
          for (k, r) in rows.enumerated() {
            let to = r * columns + cells.lowerBound
            for c in 0..<width { sink[to + c] = upstream[k * width + c] }
          }
        }
      }
      return [Tensor(uncheckedShape: x.shape, storage: out)]
    }
  }
}
