/// Softmax over the last axis (each row of a matrix; a vector is one row).
///
///     softmax(z)ᵢ = e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z)
///
/// Subtracting the row maximum keeps e^z finite for logits in the thousands.
extension Tape {
  public func softmax(_ a: Variable) throws(EngineError) -> Variable {
    let z = value(a)
    guard z.count > 0 else { throw .emptyInput(operation: "softmax") }
    let s = Tape.softmaxRows(z)
    return try record(s, parents: [a], label: "softmax") { g, _ in
      // ∂/∂z = s ⊙ (g − Σ g⊙s) per row.
      let columns = s.columns
      var out = [Double](repeating: 0, count: s.count)
      for row in 0..<s.rows {
        let base = row * columns
        var dot = 0.0
        for c in 0..<columns { dot += g.storage[base + c] * s.storage[base + c] }
        for c in 0..<columns { out[base + c] = s.storage[base + c] * (g.storage[base + c] - dot) }
      }
      return [Tensor(uncheckedShape: s.shape, storage: out)]
    }
  }

  /// Row-wise softmax of a tensor: the exponential of the max-subtracted log-softmax.
  public static func softmaxRows(_ z: Tensor) -> Tensor {
    var out = logSoftmaxRows(z).storage
    out.withUnsafeMutableBufferPointer { VectorMath.exp(inPlace: $0) }
    return Tensor(uncheckedShape: z.shape, storage: out)
  }

  /// Row-wise log-softmax, z − max − log Σ e^(z − max): exact where softmax would underflow.
  public static func logSoftmaxRows(_ z: Tensor) -> Tensor {
    let columns = z.columns
    var out = z.storage
    out.withUnsafeMutableBufferPointer { out in
      forEachRowOfExponentials(z, into: nil) { row, largest, exponentials in
        var total = 0.0
        for e in exponentials { total += e }
        let logTotal = CMath.log(total)
        for c in (row * columns)..<((row + 1) * columns) { out[c] = out[c] - largest - logTotal }
      }
    }
    return Tensor(uncheckedShape: z.shape, storage: out)
  }

  /// Calls `body(row, largest, exponentials)` for each row of `z` (a vector is one row) with
  /// the row's maximum and e^(z − max) of its entries, made a block of rows at a time by the
  /// vector exp (within 1 ulp of the C library's) in `buffer` (z's count, at the row's place)
  /// or, without one, in a scratch block.
  static func forEachRowOfExponentials(
    _ z: Tensor, into buffer: UnsafeMutableBufferPointer<Double>?,
    _ body: (_ row: Int, _ largest: Double, _ exponentials: UnsafeMutableBufferPointer<Double>)
      -> Void
  ) {
    let (rowCount, columns) = (z.rows, z.columns)
    let rowsPerBlock = Swift.max(1, VectorMath.blockSize / Swift.max(columns, 1))
    let scratchCount = buffer == nil ? rowsPerBlock * columns : 0
    z.storage.withUnsafeBufferPointer { z in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: scratchCount) { scratch in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: rowsPerBlock) { largest in
          var first = 0
          while first < rowCount {
            let rows = first..<Swift.min(first + rowsPerBlock, rowCount)
            let cells = (rows.lowerBound * columns)..<(rows.upperBound * columns)
            let block = UnsafeMutableBufferPointer(
              rebasing: buffer?[cells] ?? scratch[0..<cells.count])
            for row in rows {
              var m = -Double.infinity
              for c in (row * columns)..<((row + 1) * columns) { m = Swift.max(m, z[c]) }
              largest[row - first] = m
              for c in (row * columns)..<((row + 1) * columns) {
                block[c - cells.lowerBound] = z[c] - m
              }
            }
            VectorMath.exp(inPlace: block)
            for row in rows {
              let start = (row - first) * columns
              body(
                row, largest[row - first],
                UnsafeMutableBufferPointer(rebasing: block[start..<(start + columns)]))
            }
            first = rows.upperBound
          }
        }
      }
    }
  }
}
