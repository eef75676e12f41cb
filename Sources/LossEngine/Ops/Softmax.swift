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
    logSoftmaxRows(z).map { CMath.exp($0) }
  }

  /// Row-wise log-softmax, z − max − log Σ e^(z − max): exact where softmax would underflow.
  public static func logSoftmaxRows(_ z: Tensor) -> Tensor {
    let columns = z.columns
    var out = z.storage
    for row in 0..<z.rows {
      let base = row * columns
      var largest = -Double.infinity
      for c in 0..<columns { largest = Swift.max(largest, out[base + c]) }
      var total = 0.0
      for c in 0..<columns { total += CMath.exp(out[base + c] - largest) }
      let logTotal = CMath.log(total)
      for c in 0..<columns { out[base + c] = out[base + c] - largest - logTotal }
    }
    return Tensor(uncheckedShape: z.shape, storage: out)
  }
}
