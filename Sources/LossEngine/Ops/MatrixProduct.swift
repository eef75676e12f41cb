/// Matrix products and transposes, for linear models written as expressions (`X @ w + b`).
extension Tape {
  /// `a @ b`: matrix × matrix, matrix × vector, vector × matrix or vector · vector.
  public func matmul(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    let y = value(b)
    guard !x.isScalar, !y.isScalar else {
      throw .invalidArgument(operation: "@", message: "use * to multiply by a single number")
    }
    // Treat a vector on the left as one row, on the right as one column.
    let (m, k) = x.rank == 2 ? (x.shape[0], x.shape[1]) : (1, x.shape[0])
    let (k2, n) = y.rank == 2 ? (y.shape[0], y.shape[1]) : (y.shape[0], 1)
    guard k == k2 else { throw .matrixProductMismatch(left: x.shape, right: y.shape) }
    _ = try Tensor.elementCount(of: [m, n])
    let product = try MatrixKernel.product(
      x.storage, y.storage, m: m, k: k, n: n, isInterrupted: isInterrupted)
    var shape: [Int] = []
    if x.rank == 2 { shape.append(m) }
    if y.rank == 2 { shape.append(n) }
    let out = try Tensor(shape: shape, storage: product)
    let interrupted = isInterrupted
    // ∂/∂a = g·bᵀ (m×k), ∂/∂b = aᵀ·g (k×n), in the flattened (m, n) view of g; each element
    // summed over the same index in the same order as the textbook loops.
    return try record(out, parents: [a, b], label: "@") { g, needed throws(EngineError) in
      var result: [Tensor?] = [nil, nil]
      if needed[0] {
        let bt = MatrixKernel.transposed(y.storage, rows: k, columns: n)
        let da = try MatrixKernel.product(
          g.storage, bt, m: m, k: n, n: k, isInterrupted: interrupted)
        result[0] = Tensor(uncheckedShape: x.shape, storage: da)
      }
      if needed[1] {
        let at = MatrixKernel.transposed(x.storage, rows: m, columns: k)
        let db = try MatrixKernel.product(
          at, g.storage, m: k, k: m, n: n, isInterrupted: interrupted)
        result[1] = Tensor(uncheckedShape: y.shape, storage: db)
      }
      return result
    }
  }

  /// Rows become columns; a vector is returned as it is.
  public func transpose(_ a: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    guard x.rank == 2 else { return a }
    let out = Tape.transposed(x)
    // ∂/∂a = gᵀ.
    return try record(out, parents: [a], label: "transpose") { g, _ in [Tape.transposed(g)] }
  }

  static func transposed(_ x: Tensor) -> Tensor {
    let (r, c) = (x.shape[0], x.shape[1])
    return Tensor(
      uncheckedShape: [c, r], storage: MatrixKernel.transposed(x.storage, rows: r, columns: c))
  }
}
