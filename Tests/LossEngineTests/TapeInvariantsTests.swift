import TestSupport
import Testing

@testable import LossEngine

/// The reverse sweep's invariants (`Tape+Invariants.swift`) and the fixed order of in-place
/// backward rules (`Tape+InPlaceRules.swift`).
@Suite("Tape invariants and in-place rule order")
struct TapeInvariantsTests {
  /// Every other parent's rule reads `g` before the owner's rule writes over it, even when
  /// the owner is listed first; a rule that keeps `g` itself keeps the original numbers.
  @Test func otherParentsReadTheUpstreamGradientBeforeTheOwnerWritesIt() throws {
    var g = Tensor(testVector: [1, 2, 3])
    let result = try Tape.contributions(&g, needed: [true, true, true], overwriting: 0) {
      parent, g in
      parent == 1 ? g : g.map { $0 * 10 }
    } owner: { g in
      g.formMap { -$0 }
    }
    #expect(result.map { $0?.storage } == [[-1, -2, -3], [1, 2, 3], [10, 20, 30]])
  }

  /// A parent that needs no gradient gets nil, and its rule is not run.
  @Test func parentsThatNeedNoGradientGetNone() throws {
    var g = Tensor(testVector: [1, 2])
    var calls = 0
    let result = try Tape.contributions(&g, needed: [false, true], overwriting: 0) { _, g in
      calls += 1
      return g
    } owner: { g in
      g.formMap { $0 + 1 }
    }
    #expect(calls == 1)
    #expect(result[0] == nil)
    #expect(result[1]?.storage == [1, 2])
  }

  /// x·y, x/y, x^y, where, max and x − y with both operands needing a gradient give the same
  /// gradients as each operand alone (where the other rule has nothing to overwrite).
  @Test func bothOperandsGetTheSameGradientsAsEachAlone() throws {
    let x = Tensor(testVector: [1.5, 0.25, 2])
    let y = Tensor(testVector: [0.5, 3, 2])
    let ops: [(String, (Tape, Variable, Variable) throws(EngineError) -> Variable)] = [
      ("*", { t, a, b throws(EngineError) in try t.multiply(a, b) }),
      ("/", { t, a, b throws(EngineError) in try t.divide(a, b) }),
      ("^", { t, a, b throws(EngineError) in try t.power(a, b) }),
      ("-", { t, a, b throws(EngineError) in try t.subtract(a, b) }),
      ("max", { t, a, b throws(EngineError) in try t.maximum(a, b) }),
      ("where", { t, a, b throws(EngineError) in try t.select(t.compare(a, .greater, b), a, b) }),
    ]
    for (name, op) in ops {
      func gradients(_ wantX: Bool, _ wantY: Bool) throws -> [Tensor] {
        let tape = Tape()
        let a = try tape.leaf(x, needsGradient: wantX)
        let b = try tape.leaf(y, needsGradient: wantY)
        // Scaled by a vector so that the upstream gradient is not all ones.
        let weights = try tape.leaf(Tensor(testVector: [2, -3, 5]))
        let out = try tape.sum(tape.multiply(op(tape, a, b), weights))
        return try tape.gradients(of: out, withRespectTo: [a, b])
      }
      let both = try gradients(true, true)
      #expect(both[0] == (try gradients(true, false))[0], "\(name): ∂/∂a")
      #expect(both[1] == (try gradients(false, true))[1], "\(name): ∂/∂b")
    }
  }

  #if DEBUG
    /// A rule that returns one gradient for two parents stops a debug build at the sweep.
    @Test func aRuleWithTheWrongNumberOfGradientsIsCaught() async {
      await #expect(processExitsWith: .failure) {
        let tape = Tape()
        let a = try tape.leaf(Tensor(scalar: 1), needsGradient: true)
        let b = try tape.leaf(Tensor(scalar: 2), needsGradient: true)
        let c = try tape.record(Tensor(scalar: 3), parents: [a, b], label: "bad") { g, _ in [g] }
        _ = try tape.gradients(of: c, withRespectTo: [a, b])
      }
    }

    /// A gradient whose shape cannot sum back to its parent's shape is caught.
    @Test func aGradientOfTheWrongShapeIsCaught() async {
      await #expect(processExitsWith: .failure) {
        let tape = Tape()
        let a = try tape.leaf(Tensor(testVector: [1, 2]), needsGradient: true)
        let c = try tape.record(Tensor(scalar: 3), parents: [a], label: "bad") { _, _ in
          [Tensor(testVector: [1, 2, 3])]
        }
        _ = try tape.gradients(of: c, withRespectTo: [a])
      }
    }

    /// A parent must already be on the tape when its child is recorded.
    @Test func aParentFromTheFutureIsCaught() async {
      await #expect(processExitsWith: .failure) {
        let tape = Tape()
        let a = try tape.leaf(Tensor(scalar: 1), needsGradient: true)
        _ = try tape.record(
          Tensor(scalar: 3), parents: [a, Variable(index: 5)], label: "bad"
        ) { g, _ in [g, g] }
      }
    }
  #endif
}
