import LossEngine
import Testing

@testable import LossLanguage

/// Fused element-wise chains against op-by-op evaluation, bit for bit: every value, gradient
/// and error, on seeded random inputs of sizes around the region's thresholds and its block
/// boundaries, and on the paths where fusion must hand over to op by op.
@Suite("fused element-wise chains")
struct FusionTests {
  /// Sizes below, at and above the smallest region, a block boundary, and the size at which
  /// regions use both cores.
  static let sizes = [100, 4095, 4096, 4097, 70_001, 300_000]

  static let setup = [
    "def asym(p, y) = mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2))",
    "def hub(p, y) = mean(where(abs(p - y) <= 1, 0.5*(p-y)^2, abs(p-y) - 0.5))",
    "def pin(p, y, tau=0.9) = mean(where(y > p, tau*(y-p), (1-tau)*(p-y)))",
    "z = where(p > 0, p, 0)",
    "i = where(p > 0, -log(0), p)",
    "P = [p]",
  ]

  /// Lines whose results must not depend on fusion (each is evaluated after `setup`).
  static let lines = [
    "asym(p, y)",
    "grad(asym(p, y), p, y)",
    "grad(hub(p, y), p, y)",
    "grad(pin(p, y), p, y)",
    "grad(pin(p, y, w), p, w)",
    "grad(mean((w*p + b - y)^2), w, b)",
    "grad(asym(w*p + b, y), w, b)",
    "grad(sum(p*p*p) + mean(p*y - p), p, y)",
    "grad(asym(p, y) + sum(p * y) + mean(p / (abs(y) + 1)), p, y)",
    "grad(sum((y + 1) / (abs(p) + 2)) - sum(-p * y), p, y)",
    "grad(sum(abs(p) ^ y) + sum(2 ^ p) + mean(abs(p) ^ 0.5) + sum(p ^ 3), p, y)",
    "grad(sum(w ^ p), w, p)",
    "grad(mean(sqrt(abs(p)) * relu(y) + sign(p) * square(y) - (p < y) + (p >= y) * p), p, y)",
    "grad(mean(where(p != y, p, y) + (p == y) + (p <= 0) * y + (p > 0.5) * p), p, y)",
    "grad(sum(-(p * 0)) + sum(P - p) + sum((P - p) * y), p, y)",
    "grad(mean(P * P - p), P, p)",
    "grad(mean((exp(p) - y)^2), p, y)",
    "grad(mean((p - mean(p))^2), p)",
    "grad(mean((p - y)^2) + mean((y - p)^2 * 2), p, y)",
    "grad(sum(where(p > 0, 1, 2)), p)",
    "grad(sum(where(p*1 > 0, y, 2)) + mean(where(p, y, p)), p, y)",
    "mean(sqrt(p) * y)",
    "mean(i * 2 + y)",
    "sum(where(z != 0, 1 / z, 0))",
    "mean((p * 1e307)^2 + y)",
    "mean(where(p > 0, p * 1e308 * 10, 0))",
    "sum(p * 1e308 + p * 1e308)",
    "mean(p * 1e308 + p * 1e308)",
    "mean(p - [1, 2])",
    "mean(\"a\" * p + 1)",
    "mean(p * q + 1)",
    "p * 2 + y",
    "grad(sum((p * 2 + y) * (p - y)), p)",
  ]

  /// Each line's outcome as text that shows every double's bits (so −0, NaN and the last
  /// place count) and every error whole.
  static func outcomes(n: Int, fused: Bool) -> [String] {
    var generator = SeededGenerator(seed: UInt64(n))
    func vector() -> Tensor {
      let values = (0..<n).map { _ in Double.random(in: -2...2, using: &generator) }
      do { return try Tensor(vector: values) } catch { preconditionFailure("\(error)") }
    }
    var interpreter = Interpreter()
    interpreter.scope.set("p", .tensor(vector()))
    interpreter.scope.set("y", .tensor(vector()))
    interpreter.scope.set("w", .tensor(Tensor(scalar: 0.7)))
    interpreter.scope.set("b", .tensor(Tensor(scalar: -0.2)))
    return Evaluator.$fusesChains.withValue(fused) {
      (setup + lines).map { line in
        do { return line + " → " + describe(try interpreter.run(line)) } catch {
          return line + " → error \(error)"
        }
      }
    }
  }

  static func describe(_ outcome: Outcome) -> String {
    switch outcome {
    case .value(let value, let loss):
      return describe(value) + (loss?.gradient.map { " ∂ " + describe(.tensor($0)) } ?? "")
    case .assigned(let name, let value): return name + " = " + describe(value)
    default: return "\(outcome)"
    }
  }

  static func describe(_ value: Value) -> String {
    switch value {
    case .tensor(let t):
      return "\(t.shape) "
        + t.storage.map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
    case .string(let s): return s
    case .list(let items): return "[" + items.map(describe).joined(separator: "; ") + "]"
    }
  }

  @Test("every value, gradient and error equals op by op's, bit for bit", arguments: sizes)
  func fusedEqualsOpByOp(n: Int) {
    let fused = FusionTests.outcomes(n: n, fused: true)
    let opByOp = FusionTests.outcomes(n: n, fused: false)
    for (a, b) in zip(fused, opByOp) {
      #expect(a == b, "n = \(n): \(a.prefix(200)) vs \(b.prefix(200))")
    }
  }

  @Test("an overflow in the middle of a chain is op by op's error, at the same place")
  func overflowInTheMiddle() throws {
    var interpreter = Interpreter()
    interpreter.scope.set("p", .tensor(try Tensor(vector: (0..<10_000).map { Double($0) + 1 })))
    func failure(fused: Bool) -> LanguageError? {
      Evaluator.$fusesChains.withValue(fused) { () -> LanguageError? in
        do {
          _ = try interpreter.run("mean(2 * (p * 1e160)^2 + p)")
          return nil
        } catch let error as LanguageError { return error } catch { return nil }
      }
    }
    let error = try #require(failure(fused: true))
    #expect(error.problem == .engine(.overflow(operation: "^")))
    #expect(error == failure(fused: false))
  }

  @Test("gradients through a fused chain agree with finite differences")
  func finiteDifferences() throws {
    let n = 6000
    var generator = SeededGenerator(seed: 7)
    let p = (0..<n).map { _ in Double.random(in: -2...2, using: &generator) }
    // y − p stays 0.05 away from the kink at 0.
    let y = p.map { value in
      let gap = Double.random(in: 0.05...1, using: &generator)
      return value + (Bool.random(using: &generator) ? gap : -gap)
    }
    var interpreter = Interpreter()
    interpreter.scope.set("y", .tensor(try Tensor(vector: y)))
    _ = try interpreter.run(FusionTests.setup[0])
    let loss = "asym(p, y) + mean(sqrt(abs(p) + 1) / (y * y + 1))"
    func value(_ q: [Double]) throws -> Double {
      interpreter.scope.set("p", .tensor(try Tensor(vector: q)))
      guard case .value(.tensor(let t), _) = try interpreter.run(loss) else { return .nan }
      return t.storage[0]
    }
    interpreter.scope.set("p", .tensor(try Tensor(vector: p)))
    guard case .value(.tensor(let g), _) = try interpreter.run("grad(\(loss), p)") else {
      Issue.record("grad gave no tensor")
      return
    }
    let f = try value(p)
    let largest = g.storage.map(Swift.abs).max() ?? 0
    for i in [0, 1, 1023, 1024, 4095, 4096, n - 1] {
      let h = 1e-6 * Swift.max(1, Swift.abs(p[i]))
      var above = p
      var below = p
      above[i] += h
      below[i] -= h
      let numeric = (try value(above) - value(below)) / (above[i] - below[i])
      // The difference quotient's own rounding error is 8 ε |f| / h.
      let noise = 8 * Double.ulpOfOne * Swift.abs(f) / h
      #expect(Swift.abs(numeric - g.storage[i]) <= 1e-6 * largest + noise)
    }
  }
}
