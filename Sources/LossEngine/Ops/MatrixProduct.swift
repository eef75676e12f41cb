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
    guard k == k2 else { throw .incompatibleShapes(operation: "@", x.shape, y.shape) }
    _ = try Tensor.elementCount(of: [m, n])
    let product = Tape.multiply(x.storage, y.storage, m: m, k: k, n: n)
    var shape: [Int] = []
    if x.rank == 2 { shape.append(m) }
    if y.rank == 2 { shape.append(n) }
    let out = try Tensor(shape: shape, storage: product)
    return try record(out, parents: [a, b], label: "@") { g, needed in
      // ∂/∂a = g·bᵀ (m×k), ∂/∂b = aᵀ·g (k×n), in the flattened (m, n) view of g.
      var result: [Tensor?] = [nil, nil]
      if needed[0] {
        var da = [Double](repeating: 0, count: m * k)
        for i in 0..<m {
          for j in 0..<n {
            let gij = g.storage[i * n + j]
            for t in 0..<k { da[i * k + t] += gij * y.storage[t * n + j] }
          }
        }
        result[0] = Tensor(uncheckedShape: x.shape, storage: da)
      }
      if needed[1] {
        var db = [Double](repeating: 0, count: k * n)
        for i in 0..<m {
          for t in 0..<k {
            let ait = x.storage[i * k + t]
            for j in 0..<n { db[t * n + j] += ait * g.storage[i * n + j] }
          }
        }
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
    var out = [Double](repeating: 0, count: x.count)
    for i in 0..<r { for j in 0..<c { out[j * r + i] = x.storage[i * c + j] } }
    return Tensor(uncheckedShape: [c, r], storage: out)
  }

  static func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
    var out = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
      for t in 0..<k {
        let ait = a[i * k + t]
        for j in 0..<n { out[i * n + j] += ait * b[t * n + j] }
      }
    }
    return out
  }
}
