/// Accurate, vectorisable summation.
///
/// Swift never reassociates floating-point additions, so one accumulator is a serial chain
/// that cannot vectorise and drifts by about n·ε. Here four independent accumulators sum each
/// block of 256 terms, and the block totals are added pairwise (a binary counter over the
/// blocks, so no recursion and no allocation): the error grows like (64 + log₂ blocks)·ε
/// instead of n·ε, and the independent accumulators are faster than one (loss-conventions §5).
enum Summation {
  static let blockSize = 256

  /// Σ body(i) for i in 0..<count.
  @inline(__always)
  static func sum(count: Int, _ body: (Int) -> Double) -> Double {
    if count <= blockSize { return blockSum(0, count, body) }
    let blocks = (count + blockSize - 1) / blockSize
    return pairwise(blocks: blocks) { block in
      blockSum(block * blockSize, min((block + 1) * blockSize, count), body)
    }
  }

  /// The pairwise total of `blocks` block totals, given in order by `blockTotal`: the same
  /// additions in the same order as ``sum(count:_:)`` makes over its blocks, so a kernel that
  /// computes the block totals itself (in fused blocks, or on several cores) gets the same bits.
  @inline(__always)
  static func pairwise(blocks: Int, _ blockTotal: (Int) -> Double) -> Double {
    // partials[level] holds the total of 2^level blocks; at most one per level is pending.
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) { partials in
      var depth = 0
      for block in 0..<blocks {
        partials[depth] = blockTotal(block)
        depth += 1
        // Merge equal-sized neighbours, as a binary counter carries.
        var carry = block + 1
        while carry & 1 == 0 {
          partials[depth - 2] += partials[depth - 1]
          depth -= 1
          carry >>= 1
        }
      }
      // The leftovers, smallest first.
      var total = 0.0
      while depth > 0 {
        depth -= 1
        total += partials[depth]
      }
      return total
    }
  }

  /// One block with four independent accumulators.
  @inline(__always)
  static func blockSum(_ start: Int, _ end: Int, _ body: (Int) -> Double) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = start
    while i + 4 <= end {
      s0 += body(i)
      s1 += body(i + 1)
      s2 += body(i + 2)
      s3 += body(i + 3)
      i += 4
    }
    while i < end {
      s0 += body(i)
      i += 1
    }
    return (s0 + s1) + (s2 + s3)
  }
}

extension Tensor {
  /// The sum of all elements.
  public var sum: Double {
    storage.withUnsafeBufferPointer { p in Summation.sum(count: p.count) { p[$0] } }
  }
}
