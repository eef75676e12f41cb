import Synchronization
import Testing

@testable import LossEngine

/// ``FusedRegion`` recorded on a tape against the same operations recorded one by one.
@Suite("fused regions on the tape")
struct FusedRegionTests {
  static func vector(_ n: Int, seed: UInt64) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    let values = (0..<n).map { _ in Double.random(in: -2...2, using: &generator) }
    do { return try Tensor(vector: values) } catch { preconditionFailure("\(error)") }
  }

  static func bits(_ t: Tensor) -> [UInt64] { t.storage.map(\.bitPattern) }

  /// mean(where(y − p > 0, 2·(y − p)², (y − p)²)) + sum(p·y): value and gradients, fused and not.
  final class Stop: Sendable {
    let raised = Atomic(false)
  }

  /// mean(where(y − p > 0, 2·(y − p)², (y − p)²)) + sum(p·y): value and gradients, fused and not;
  /// `stop` is raised just before the region is computed.
  static func asym(_ p: Tensor, _ y: Tensor, fused: Bool, stop: Stop = Stop())
    throws -> (value: Tensor, gradients: [Tensor])
  {
    let tape = Tape(isInterrupted: { stop.raised.load(ordering: .relaxed) })
    let vp = try tape.leaf(p, needsGradient: true)
    let vy = try tape.leaf(y, needsGradient: true)
    let two = try tape.constant(2)
    let zero = try tape.constant(0)
    let loss: Variable
    if fused {
      let region = FusedRegion(tape: tape)
      func joined(_ outcome: FusedRegion.Outcome) throws -> FusedRegion.Piece {
        guard case .joined(let piece) = outcome else { throw EngineError.interrupted }
        return piece
      }
      let d1 = try joined(region.apply(.subtract, [.node(vy), .node(vp)]))
      let positive = try joined(region.apply(.compare(.greater), [d1, .node(zero)]))
      let d2 = try joined(region.apply(.subtract, [.node(vy), .node(vp)]))
      let s2 = try joined(region.apply(.power, [d2, .node(two)]))
      let doubled = try joined(region.apply(.multiply, [.node(two), s2]))
      let d3 = try joined(region.apply(.subtract, [.node(vy), .node(vp)]))
      let s3 = try joined(region.apply(.power, [d3, .node(two)]))
      let chosen = try joined(region.apply(.select, [positive, doubled, s3]))
      if stop === FusedRegionTests.stopping { stop.raised.store(true, ordering: .relaxed) }
      guard case .fused(let root) = chosen,
        let mean = try region.finish(root, reduction: .mean)
      else { throw EngineError.interrupted }
      let py = try tape.multiply(vp, vy)
      loss = try tape.add(mean, try tape.sum(py))
    } else {
      let d1 = try tape.subtract(vy, vp)
      let positive = try tape.compare(d1, .greater, zero)
      let s2 = try tape.power(try tape.subtract(vy, vp), two)
      let doubled = try tape.multiply(two, s2)
      let s3 = try tape.power(try tape.subtract(vy, vp), two)
      let mean = try tape.mean(try tape.select(positive, doubled, s3))
      loss = try tape.add(mean, try tape.sum(try tape.multiply(vp, vy)))
    }
    return (tape.value(loss), try tape.gradients(of: loss, withRespectTo: [vp, vy]))
  }

  @Test(
    "a fused region gives op by op's value and gradients to the last bit",
    arguments: [4096, 4097, 10_000, 300_001])
  func sameBits(n: Int) throws {
    let p = FusedRegionTests.vector(n, seed: 1)
    let y = FusedRegionTests.vector(n, seed: 2)
    let fused = try FusedRegionTests.asym(p, y, fused: true)
    let opByOp = try FusedRegionTests.asym(p, y, fused: false)
    #expect(FusedRegionTests.bits(fused.value) == FusedRegionTests.bits(opByOp.value))
    for (a, b) in zip(fused.gradients, opByOp.gradients) {
      #expect(FusedRegionTests.bits(a) == FusedRegionTests.bits(b))
    }
  }

  @Test("operations on values smaller than a region stay outside it")
  func smallStaysOutside() throws {
    let tape = Tape()
    let p = try tape.leaf(FusedRegionTests.vector(100, seed: 3))
    let region = FusedRegion(tape: tape)
    #expect(try region.apply(.negate, [.node(p)]) == .outside)
  }

  static let stopping = Stop()

  @Test("Ctrl-C during a fused pass stops it with interrupted")
  func interrupted() throws {
    let p = FusedRegionTests.vector(300_001, seed: 4)
    #expect(throws: EngineError.interrupted) {
      _ = try FusedRegionTests.asym(p, p, fused: true, stop: FusedRegionTests.stopping)
    }
  }

  @Test("pairwise block totals are the sum's own", arguments: [257, 1000, 4096, 100_003])
  func pairwiseIsSum(n: Int) {
    let x = FusedRegionTests.vector(n, seed: 5)
    let blocks = (n + Summation.blockSize - 1) / Summation.blockSize
    let total = Summation.pairwise(blocks: blocks) { b in
      Summation.blockSum(b * Summation.blockSize, Swift.min((b + 1) * Summation.blockSize, n)) {
        x.storage[$0]
      }
    }
    #expect(total.bitPattern == x.sum.bitPattern)
  }
}
