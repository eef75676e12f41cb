import Synchronization
import TestSupport
import Testing

@testable import LossEngine

/// The blocked matrix product: bit-identical to the textbook loops, interruptible mid-product.
@Suite("Blocked matrix product")
struct MatrixKernelTests {
  /// The triple loop the engine used before (i, t, j order), the reference for bit-identity.
  static func textbook(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
    var out = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
      for t in 0..<k {
        let ait = a[i * k + t]
        for j in 0..<n { out[i * n + j] += ait * b[t * n + j] }
      }
    }
    return out
  }

  /// Sizes around the block edges (4-row groups, 2-column pairs, 128/256 blocks) and empty ones.
  @Test(arguments: [
    (1, 1, 1), (3, 5, 7), (4, 4, 4), (5, 130, 3), (7, 129, 257), (259, 3, 2), (0, 3, 4),
    (3, 0, 4), (300, 140, 261),
  ])
  func sameBitsAsTheTextbookLoops(m: Int, k: Int, n: Int) throws {
    var random = SeededGenerator(seed: UInt64(m * 1_000_000 + k * 1000 + n))
    var a = random.uniformValues(m * k, in: -3...3)
    let b = random.uniformValues(k * n, in: -3...3)
    // Non-finite and signed-zero entries take the same path as finite ones.
    if a.count > 3 { (a[0], a[1], a[2]) = (.infinity, -0.0, .nan) }
    let blocked = try MatrixKernel.product(a, b, m: m, k: k, n: n) { false }
    let reference = Self.textbook(a, b, m: m, k: k, n: n)
    #expect(blocked.map(\.bitPattern) == reference.map(\.bitPattern))
  }

  /// The gradients of `sum(A @ B)` through the tape equal the textbook products G·Bᵀ and Aᵀ·G
  /// bit for bit.
  @Test func gradientsHaveTheTextbookBits() throws {
    var random = SeededGenerator(seed: 7)
    let (m, k, n) = (37, 150, 263)
    let a = random.uniformValues(m * k, in: -1...1)
    let b = random.uniformValues(k * n, in: -1...1)
    let weights = random.uniformValues(m * n, in: -1...1)
    let tape = Tape()
    let va = try tape.leaf(Tensor(shape: [m, k], storage: a), needsGradient: true)
    let vb = try tape.leaf(Tensor(shape: [k, n], storage: b), needsGradient: true)
    let w = try tape.leaf(Tensor(shape: [m, n], storage: weights))
    let loss = try tape.sum(tape.multiply(tape.matmul(va, vb), w))
    let grads = try tape.gradients(of: loss, withRespectTo: [va, vb])
    // g = w; da[i,t] = Σ_j g[i,j]·b[t,j]; db[t,j] = Σ_i a[i,t]·g[i,j], each in ascending order.
    var da = [Double](repeating: 0, count: m * k)
    for i in 0..<m {
      for j in 0..<n { for t in 0..<k { da[i * k + t] += weights[i * n + j] * b[t * n + j] } }
    }
    var db = [Double](repeating: 0, count: k * n)
    for i in 0..<m {
      for t in 0..<k { for j in 0..<n { db[t * n + j] += a[i * k + t] * weights[i * n + j] } }
    }
    #expect(grads[0].storage.map(\.bitPattern) == da.map(\.bitPattern))
    #expect(grads[1].storage.map(\.bitPattern) == db.map(\.bitPattern))
  }

  /// An interrupt that arrives after the product has started stops it between blocks, on one
  /// thread (fewer than 32 rows) and on several (600 × 600 × 600).
  @Test(arguments: [(12, 1024, 1024), (600, 600, 600)])
  func anInterruptMidProductStopsIt(m: Int, k: Int, n: Int) {
    let a = [Double](repeating: 1, count: m * k)
    let b = [Double](repeating: 1, count: k * n)
    let polls = Mutex(0)
    #expect(throws: EngineError.interrupted) {
      try MatrixKernel.product(a, b, m: m, k: k, n: n) {
        polls.withLock { count in
          count += 1
          return count > 3
        }
      }
    }
    // It stopped at (or, with several bands, soon after) the fourth poll, not after the whole
    // product: 4 × 8 = 32 blocks for the first, 3 × 5 × 3 = 45 for the second.
    let count = polls.withLock { $0 }
    #expect(m < 32 ? count == 4 : count < 12)
  }

  /// The same through the tape, forward and backward: Ctrl-C set mid-product ends `A @ B` and
  /// `grad(sum(A @ B), A)` with `interrupted`.
  @Test func theTapeStopsAProductWhenInterrupted() throws {
    // 300 × 300 × 300 runs in 4 bands of 2 × 3 × 1 blocks: 24 polls forward, as many for each
    // backward product; the second interrupt arrives in the backward sweep.
    let n = 300
    let matrix = try Tensor(shape: [n, n], storage: [Double](repeating: 0.5, count: n * n))
    for stopAt in [4, 32] {
      let polls = Atomic(0)
      let tape = Tape { polls.add(1, ordering: .relaxed).newValue > stopAt }
      #expect(throws: EngineError.interrupted) {
        let a = try tape.leaf(matrix, needsGradient: true)
        let product = try tape.matmul(a, a)
        let loss = try tape.sum(product)
        _ = try tape.gradients(of: loss, withRespectTo: [a])
      }
    }
  }
}
