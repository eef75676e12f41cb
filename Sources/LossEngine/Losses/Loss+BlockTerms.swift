/// Loss terms computed a block at a time, so that a loss can hand a whole block of arguments to
/// the vector kernels (`VectorMath`) instead of calling the C library once per element.
extension Loss {
  /// ``averageOfTerms(_:_:over:wantGradient:_:)`` for terms made a block at a time:
  /// `block(p, y, values, slopes)` fills one block's loss terms and their ∂/∂p (unscaled). The
  /// blocks are made as the summation reaches them and the terms summed in `Summation`'s order,
  /// so the total is exactly what `averageOfTerms` gives for the same terms; the slopes are
  /// scaled while the block is in cache.
  @inline(__always)
  func averageOfBlockTerms(
    _ prediction: Tensor, _ target: Tensor, over divisor: Double, wantGradient: Bool,
    _ block: (
      _ p: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>,
      _ values: UnsafeMutableBufferPointer<Double>, _ slopes: UnsafeMutableBufferPointer<Double>
    ) -> Void
  ) -> (value: Double, gradient: Tensor?) {
    let n = prediction.count
    let scale = 1 / divisor
    let size = VectorMath.blockSize
    precondition(target.count == n, "the target must be prepared to the prediction's shape")
    return prediction.storage.withUnsafeBufferPointer { p in
      target.storage.withUnsafeBufferPointer { y in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * size) { scratch in
          let values = UnsafeMutableBufferPointer(rebasing: scratch[0..<size])
          let spareSlopes = UnsafeMutableBufferPointer(rebasing: scratch[size...])
          // Σ terms; `slopes(range)` is where the block's slopes go.
          func total(_ slopes: (Range<Int>) -> UnsafeMutableBufferPointer<Double>?) -> Double {
            Summation.sum(count: n) { i in
              let offset = i % size
              if offset == 0 {
                let range = i..<Swift.min(i + size, n)
                let out = slopes(range)
                block(
                  UnsafeBufferPointer(rebasing: p[range]), UnsafeBufferPointer(rebasing: y[range]),
                  UnsafeMutableBufferPointer(rebasing: values[0..<range.count]),
                  out ?? UnsafeMutableBufferPointer(rebasing: spareSlopes[0..<range.count]))
                if let out { for k in out.indices { out[k] *= scale } }
              }
              return values[offset]
            }
          }
          guard wantGradient else { return (total { _ in nil } / divisor, nil) }
          var sum = 0.0
          let gradient = [Double](unsafeUninitializedCapacity: n) { g, initialized in
            sum = total { UnsafeMutableBufferPointer(rebasing: g[$0]) }
            initialized = n
          }
          return (sum / divisor, Tensor(uncheckedShape: prediction.shape, storage: gradient))
        }
      }
    }
  }

  /// ``averageOfBlockTerms(_:_:over:wantGradient:_:)`` divided by the element count.
  @inline(__always)
  func meanOfBlockTerms(
    _ prediction: Tensor, _ target: Tensor, wantGradient: Bool,
    _ block: (
      _ p: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>,
      _ values: UnsafeMutableBufferPointer<Double>, _ slopes: UnsafeMutableBufferPointer<Double>
    ) -> Void
  ) -> (value: Double, gradient: Tensor?) {
    averageOfBlockTerms(
      prediction, target, over: Double(prediction.count), wantGradient: wantGradient, block)
  }

  /// A block's terms four lanes at a time: `lanes(p, y)` returns (terms, slopes). A last
  /// partial group is padded with `padding` (arguments the lanes handle without an edge case).
  @inline(__always)
  func forEachLaneGroup(
    _ p: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>,
    _ values: UnsafeMutableBufferPointer<Double>, _ slopes: UnsafeMutableBufferPointer<Double>,
    padding: (p: Double, y: Double),
    _ lanes: (VectorMath.Lanes, VectorMath.Lanes) -> (VectorMath.Lanes, VectorMath.Lanes)
  ) {
    guard let pBase = p.baseAddress, let yBase = y.baseAddress,
      let valueBase = values.baseAddress, let slopeBase = slopes.baseAddress
    else { return }
    let count = p.count
    var i = 0
    while i + 4 <= count {
      let (value, slope) = lanes(
        UnsafeRawPointer(pBase + i).loadUnaligned(as: VectorMath.Lanes.self),
        UnsafeRawPointer(yBase + i).loadUnaligned(as: VectorMath.Lanes.self))
      UnsafeMutableRawPointer(valueBase + i).storeBytes(of: value, as: VectorMath.Lanes.self)
      UnsafeMutableRawPointer(slopeBase + i).storeBytes(of: slope, as: VectorMath.Lanes.self)
      i += 4
    }
    guard i < count else { return }
    var pv = VectorMath.Lanes(repeating: padding.p)
    var yv = VectorMath.Lanes(repeating: padding.y)
    for lane in 0..<(count - i) {
      pv[lane] = p[i + lane]
      yv[lane] = y[i + lane]
    }
    let (value, slope) = lanes(pv, yv)
    for lane in 0..<(count - i) {
      values[i + lane] = value[lane]
      slopes[i + lane] = slope[lane]
    }
  }
}
