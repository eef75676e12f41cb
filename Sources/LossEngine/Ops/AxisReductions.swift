/// Sums and means along one axis of a matrix, numpy's and PyTorch's `axis`/`dim`:
/// axis 0 collapses the rows (one result per column), axis 1 collapses the columns (one result
/// per row). A vector has only axis 0, which gives the whole reduction as one number.
extension Tape {
  public enum Axis: Int, Sendable, CaseIterable {
    case rows = 0
    case columns = 1
  }

  public func sum(_ a: Variable, axis: Axis) throws(EngineError) -> Variable {
    try reduce(a, axis: axis, mean: false)
  }

  /// An empty axis is an error, not NaN.
  public func mean(_ a: Variable, axis: Axis) throws(EngineError) -> Variable {
    try reduce(a, axis: axis, mean: true)
  }

  private func reduce(_ a: Variable, axis: Axis, mean: Bool) throws(EngineError) -> Variable {
    let x = value(a)
    let label = mean ? "mean" : "sum"
    guard x.rank == 2 else {
      guard x.rank == 1, axis == .rows else {
        throw .invalidArgument(
          operation: label,
          message: "a value of shape \(x.shapeDescription) has no axis \(axis.rawValue)")
      }
      return mean ? try self.mean(a) : try sum(a)
    }
    let (rows, columns) = (x.shape[0], x.shape[1])
    let length = axis == .rows ? rows : columns
    guard !mean || length > 0 else { throw .emptyInput(operation: label) }
    let scale = mean ? 1 / Double(length) : 1
    let result: [Double]
    switch axis {
    case .columns:
      // Each row is contiguous: the accurate blocked sum of `Summation`.
      result = Tensor.makeStorage(count: rows) { out in
        x.storage.withUnsafeBufferPointer { p in
          for r in 0..<rows {
            let base = r * columns
            let total = Summation.sum(count: columns) { p[base + $0] }
            out[r] = mean ? total / Double(columns) : total
          }
        }
      }
    case .rows:
      // Row after row into one accumulator per column, each loop over contiguous memory.
      var totals = Tensor.filledStorage(0, count: columns)
      x.storage.withUnsafeBufferPointer { p in
        totals.withUnsafeMutableBufferPointer { t in
          for r in 0..<rows {
            let base = r * columns
            for c in 0..<columns { t[c] += p[base + c] }
          }
          if mean { for c in 0..<columns { t[c] /= Double(rows) } }
        }
      }
      result = totals
    }
    let shape = [axis == .rows ? columns : rows]
    // ∂/∂a_rc = g_r·scale (axis 1) or g_c·scale (axis 0): the upstream spread back over the axis.
    return try record(Tensor(uncheckedShape: shape, storage: result), parents: [a], label: label) {
      g, _ in
      let out = Tensor.makeStorage(count: x.count) { sink in
        g.storage.withUnsafeBufferPointer { upstream in
          for r in 0..<rows {
            let base = r * columns
            if axis == .columns {
              let v = upstream[r] * scale
              for c in 0..<columns { sink[base + c] = v }
            } else {
              for c in 0..<columns { sink[base + c] = upstream[c] * scale }
            }
          }
        }
      }
      return [Tensor(uncheckedShape: x.shape, storage: out)]
    }
  }
}
