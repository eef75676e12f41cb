/// `x[2:4] = v`, `X[i, j] = v`, `X[:, 2] = v`: a copy of a value with one rectangular block
/// replaced. It works on values, not on the tape: an assignment stores numbers, and the copy
/// keeps every other variable holding the old buffer unchanged.
extension Tensor {
  /// One pick per axis, as ``Tape/slice(_:_:)`` takes them. `block` has the shape the picks
  /// select, or is one number when they select one element. The language checks positions and
  /// shapes first and words its own errors; these are the engine's guard.
  public func replacing(_ picks: [AxisPick], with block: Tensor) throws(EngineError) -> Tensor {
    guard !isScalar, picks.count == rank else {
      throw .invalidArgument(
        operation: "assignment",
        message: "a value of shape \(shapeDescription) takes \(rank) subscripts, got \(picks.count)"
      )
    }
    for (axis, pick) in picks.enumerated() where !pick.fits(shape[axis]) {
      throw .invalidArgument(
        operation: "assignment", message: "a position is outside 1…\(shape[axis])")
    }
    let blockShape = AxisPick.blockShape(picks)
    let rows = rank == 2 ? picks[0].offsets.range : 0..<1
    let cells = picks[rank - 1].offsets.range
    guard block.shape == blockShape || (block.count == 1 && rows.count * cells.count == 1) else {
      throw .incompatibleShapes(operation: "assignment", blockShape, block.shape)
    }
    var out = storage
    let width = cells.count
    block.storage.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { sink in
        for (k, r) in rows.enumerated() {
          let to = r * columns + cells.lowerBound
          for c in 0..<width { sink[to + c] = source[k * width + c] }
        }
      }
    }
    return try Tensor(shape: shape, storage: out)
  }
}
