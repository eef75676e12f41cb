/// Element-wise kernels with NumPy-style broadcasting for rank ≤ 2.
///
/// Shapes align on the right; a dimension of 1 (or a missing one) stretches to match. So a
/// scalar spreads over anything and a vector `[c]` spreads over each row of a matrix `[r, c]`.
/// Kernels run over contiguous buffers with no per-element allocation.
extension Tensor {
  /// The shape two operands broadcast to, or an error naming the operation.
  public static func broadcastShape(_ a: [Int], _ b: [Int], operation: String) throws(EngineError)
    -> [Int]
  {
    if a == b { return a }
    let rank = max(a.count, b.count)
    let paddedA = [Int](repeating: 1, count: rank - a.count) + a
    let paddedB = [Int](repeating: 1, count: rank - b.count) + b
    var result: [Int] = []
    for (x, y) in Swift.zip(paddedA, paddedB) {
      if x == y || y == 1 {
        result.append(x)
      } else if x == 1 {
        result.append(y)
      } else {
        throw .incompatibleShapes(operation: operation, a, b)
      }
    }
    return result
  }

  /// `[rows, columns, rowStride, columnStride]` to read an operand of `shape` as `target`.
  @inline(__always)
  static func strides(of shape: [Int], in target: [Int]) -> (rowStride: Int, columnStride: Int) {
    let columns = shape.last ?? 1
    let rows = shape.count == 2 ? shape[0] : 1
    let targetColumns = target.last ?? 1
    let targetRows = target.count == 2 ? target[0] : 1
    let columnStride = (columns == 1 && targetColumns != 1) ? 0 : 1
    let rowStride = (rows == 1 && targetRows != 1) ? 0 : columns
    return (rowStride, columnStride)
  }

  /// Applies `body` to each element.
  @inline(__always)
  public func map(_ body: (Double) -> Double) -> Tensor {
    let out = storage.withUnsafeBufferPointer { source in
      Tensor.makeStorage(count: source.count) { buffer in
        for i in 0..<source.count { buffer[i] = body(source[i]) }
      }
    }
    return Tensor(uncheckedShape: shape, storage: out)
  }

  /// Combines two tensors element by element, broadcasting as needed.
  ///
  /// Equal shapes and a one-element operand take flat loops that vectorise; only a row
  /// spreading over a matrix needs the strided loop.
  @inline(__always)
  public static func zip(
    _ a: Tensor, _ b: Tensor, operation: String, _ body: (Double, Double) -> Double
  ) throws(EngineError) -> Tensor {
    let shape = try broadcastShape(a.shape, b.shape, operation: operation)
    let n = try elementCount(of: shape)
    let out = a.storage.withUnsafeBufferPointer { pa in
      b.storage.withUnsafeBufferPointer { pb in
        makeStorage(count: n) { buffer in
          if pa.count == n && pb.count == n {
            // Equal shapes (or shapes differing only by leading 1s): the same flat order.
            for i in 0..<n { buffer[i] = body(pa[i], pb[i]) }
          } else if pb.count == 1 {
            let scalar = pb[0]
            for i in 0..<n { buffer[i] = body(pa[i], scalar) }
          } else if pa.count == 1 {
            let scalar = pa[0]
            for i in 0..<n { buffer[i] = body(scalar, pb[i]) }
          } else {
            let columns = shape.last ?? 1
            let rows = n / Swift.max(columns, 1)
            let (aRow, aColumn) = strides(of: a.shape, in: shape)
            let (bRow, bColumn) = strides(of: b.shape, in: shape)
            var k = 0
            for r in 0..<rows {
              for c in 0..<columns {
                buffer[k] = body(pa[r * aRow + c * aColumn], pb[r * bRow + c * bColumn])
                k += 1
              }
            }
          }
        }
      }
    }
    return Tensor(uncheckedShape: shape, storage: out)
  }

  /// Three-way version of ``zip(_:_:operation:_:)`` (for `where`, `clip` and fused backward
  /// rules), with flat loops when every operand is either full-size or a single element.
  @inline(__always)
  public static func zip3(
    _ a: Tensor, _ b: Tensor, _ c: Tensor, operation: String,
    _ body: (Double, Double, Double) -> Double
  ) throws(EngineError) -> Tensor {
    let ab = try broadcastShape(a.shape, b.shape, operation: operation)
    let shape = try broadcastShape(ab, c.shape, operation: operation)
    let n = try elementCount(of: shape)
    let out = a.storage.withUnsafeBufferPointer { pa in
      b.storage.withUnsafeBufferPointer { pb in
        c.storage.withUnsafeBufferPointer { pc in
          makeStorage(count: n) { buffer in
            let (fa, fb, fc) = (pa.count == n, pb.count == n, pc.count == n)
            let (sa, sb, sc) = (pa.count == 1, pb.count == 1, pc.count == 1)
            switch (fa, fb, fc) {
            case (true, true, true):
              for i in 0..<n { buffer[i] = body(pa[i], pb[i], pc[i]) }
            case (true, true, false) where sc:
              let z = pc[0]
              for i in 0..<n { buffer[i] = body(pa[i], pb[i], z) }
            case (true, false, true) where sb:
              let z = pb[0]
              for i in 0..<n { buffer[i] = body(pa[i], z, pc[i]) }
            case (false, true, true) where sa:
              let z = pa[0]
              for i in 0..<n { buffer[i] = body(z, pb[i], pc[i]) }
            case (true, false, false) where sb && sc:
              let (y, z) = (pb[0], pc[0])
              for i in 0..<n { buffer[i] = body(pa[i], y, z) }
            case (false, true, false) where sa && sc:
              let (x, z) = (pa[0], pc[0])
              for i in 0..<n { buffer[i] = body(x, pb[i], z) }
            case (false, false, true) where sa && sb:
              let (x, y) = (pa[0], pb[0])
              for i in 0..<n { buffer[i] = body(x, y, pc[i]) }
            default:
              let columns = shape.last ?? 1
              let rows = n / Swift.max(columns, 1)
              let (aRow, aColumn) = strides(of: a.shape, in: shape)
              let (bRow, bColumn) = strides(of: b.shape, in: shape)
              let (cRow, cColumn) = strides(of: c.shape, in: shape)
              var k = 0
              for r in 0..<rows {
                for col in 0..<columns {
                  buffer[k] = body(
                    pa[r * aRow + col * aColumn], pb[r * bRow + col * bColumn],
                    pc[r * cRow + col * cColumn])
                  k += 1
                }
              }
            }
          }
        }
      }
    }
    return Tensor(uncheckedShape: shape, storage: out)
  }

  /// Sums a gradient of a broadcast result back down to `target` (the operand's shape).
  ///
  /// Broadcasting copies an operand; the chain rule adds up the copies' gradients.
  public func summed(toShape target: [Int]) -> Tensor {
    if shape == target { return self }
    let columns = shape.last ?? 1
    let rows = storage.count / max(columns, 1)
    let targetCount = target.reduce(1, *)
    let (rowStride, columnStride) = Tensor.strides(of: target, in: shape)
    var out = [Double](repeating: 0, count: targetCount)
    storage.withUnsafeBufferPointer { source in
      out.withUnsafeMutableBufferPointer { sink in
        var k = 0
        for r in 0..<rows {
          for c in 0..<columns {
            sink[r * rowStride + c * columnStride] += source[k]
            k += 1
          }
        }
      }
    }
    return Tensor(uncheckedShape: target, storage: out)
  }
}
