#if os(Linux)
  import Glibc  // madvise only; the maths goes through CMath
#endif

/// Allocation and scanning of element buffers, shared by every kernel.
///
/// Kernels allocate their result with ``Tensor/makeStorage(count:_:)`` instead of
/// `[Double](repeating:count:)`: the buffer is written once by the kernel (no zero-fill pass
/// first), and a large one is advised to use transparent huge pages, as NumPy does for its own
/// arrays. A fresh 8 MB result otherwise costs 2048 page faults, which at 10^6 elements take
/// longer than the arithmetic.
extension Tensor {
  /// Buffers at least this large (4 MiB, NumPy's threshold) get the huge-page advice.
  static let hugePageThreshold = 4 << 20

  /// A buffer of `count` elements that `body` must initialise completely.
  @inline(__always)
  static func makeStorage(count: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void)
    -> [Double]
  {
    [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      adviseHugePages(buffer)
      body(buffer)
      initialized = count
    }
  }

  /// A buffer of `count` elements for a kernel that writes every element before it reads it
  /// (a fused region's gradients, written block by block on several threads).
  static func unwrittenStorage(count: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      adviseHugePages(buffer)
      initialized = count
    }
  }

  /// A buffer of `count` copies of `value`.
  static func filledStorage(_ value: Double, count: Int) -> [Double] {
    makeStorage(count: count) { out in
      for i in 0..<out.count { out[i] = value }
    }
  }

  /// Tells the kernel that the pages of a large, not yet written buffer may be huge pages.
  ///
  /// Only the whole pages inside the buffer are advised; a failure is harmless (the advice is a
  /// hint), so its result is ignored.
  @inline(never)
  static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Double>) {
    #if os(Linux)
      let bytes = buffer.count &* MemoryLayout<Double>.stride
      guard bytes >= hugePageThreshold, let base = buffer.baseAddress else { return }
      let page = UInt(4096)
      let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
      let end = (UInt(bitPattern: base) + UInt(bytes)) & ~(page - 1)
      guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(pointer, Int(end - start), MADV_HUGEPAGE)
    #endif
  }

  /// True when any element is +∞ or −∞ (NaN is not an infinity).
  ///
  /// A branch-free scan in blocks, so that it vectorises; stops at the first block with one.
  var containsInfinity: Bool {
    storage.withUnsafeBufferPointer { p in
      Tensor.anyBlock(p) { $0.magnitude == .infinity }
    }
  }

  /// True when any element is exactly zero (either sign).
  var containsZero: Bool {
    storage.withUnsafeBufferPointer { p in
      Tensor.anyBlock(p) { $0 == 0 }
    }
  }

  @inline(__always)
  static func anyBlock(_ p: UnsafeBufferPointer<Double>, _ test: (Double) -> Bool) -> Bool {
    var start = 0
    while start < p.count {
      let end = Swift.min(start &+ 1024, p.count)
      var hits = 0
      // Over a rebased block rather than a range of indices, so that the loop vectorises.
      for x in UnsafeBufferPointer(rebasing: p[start..<end]) { hits |= test(x) ? 1 : 0 }
      if hits != 0 { return true }
      start = end
    }
    return false
  }
}

extension Tensor {
  /// `self = self + other` element by element. Writes into this tensor's buffer when it holds
  /// the only reference to it (copy-on-write otherwise), with the same additions in the same
  /// order as `Tensor.zip(self, other) { $0 + $1 }`, which it falls back to for other shapes.
  mutating func add(_ other: Tensor) throws(EngineError) {
    guard other.shape == shape else {
      self = try Tensor.zip(self, other, operation: "+") { $0 + $1 }
      return
    }
    other.storage.withUnsafeBufferPointer { source in
      storage.withUnsafeMutableBufferPointer { sink in
        for i in 0..<sink.count { sink[i] = sink[i] + source[i] }
      }
    }
  }
}

/// In-place element-wise updates, for backward rules that own their upstream gradient.
///
/// Each gives exactly what the matching `map`/`zip`/`zip3` with `self` as first operand gives,
/// element for element and in shape; it writes into `self`'s buffer when the result has
/// `self`'s shape and the other operands are full-size or single elements (and when the buffer
/// is shared, copy-on-write copies it first), else it falls back to the allocating kernel.
extension Tensor {
  mutating func formMap(_ body: (Double) -> Double) {
    storage.withUnsafeMutableBufferPointer { out in
      for i in 0..<out.count { out[i] = body(out[i]) }
    }
  }

  mutating func formZip(_ b: Tensor, operation: String, _ body: (Double, Double) -> Double)
    throws(EngineError)
  {
    let n = storage.count
    guard try Tensor.broadcastShape(shape, b.shape, operation: operation) == shape,
      b.count == n || b.count == 1
    else {
      self = try Tensor.zip(self, b, operation: operation, body)
      return
    }
    b.storage.withUnsafeBufferPointer { pb in
      storage.withUnsafeMutableBufferPointer { out in
        if pb.count == n {
          for i in 0..<n { out[i] = body(out[i], pb[i]) }
        } else {
          let z = pb[0]
          for i in 0..<n { out[i] = body(out[i], z) }
        }
      }
    }
  }

  mutating func formZip3(
    _ b: Tensor, _ c: Tensor, operation: String, _ body: (Double, Double, Double) -> Double
  ) throws(EngineError) {
    let n = storage.count
    let ab = try Tensor.broadcastShape(shape, b.shape, operation: operation)
    guard try Tensor.broadcastShape(ab, c.shape, operation: operation) == shape,
      b.count == n || b.count == 1, c.count == n || c.count == 1
    else {
      self = try Tensor.zip3(self, b, c, operation: operation, body)
      return
    }
    b.storage.withUnsafeBufferPointer { pb in
      c.storage.withUnsafeBufferPointer { pc in
        storage.withUnsafeMutableBufferPointer { out in
          switch (pb.count == n, pc.count == n) {
          case (true, true):
            for i in 0..<n { out[i] = body(out[i], pb[i], pc[i]) }
          case (true, false):
            let z = pc[0]
            for i in 0..<n { out[i] = body(out[i], pb[i], z) }
          case (false, true):
            let y = pb[0]
            for i in 0..<n { out[i] = body(out[i], y, pc[i]) }
          case (false, false):
            let (y, z) = (pb[0], pc[0])
            for i in 0..<n { out[i] = body(out[i], y, z) }
          }
        }
      }
    }
  }
}
