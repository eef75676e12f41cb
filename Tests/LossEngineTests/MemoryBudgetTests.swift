import LossEngine
import Testing

/// What one evaluation may hold alive is bounded: values on one tape, each buffer counted once.
@Suite("Memory budget of one evaluation")
struct MemoryBudgetTests {
  private func vector(_ count: Int, _ value: Double) throws -> Tensor {
    try Tensor(repeating: value, shape: [count])
  }

  @Test func aTapeStopsWithAMessageOnceItsValuesPassTheLimit() throws {
    let tape = Tape(memoryLimit: 3 * 2048 * 8)
    let a = try tape.leaf(try vector(2048, 1))
    let b = try tape.leaf(try vector(2048, 2))
    _ = try tape.add(a, b)
    // The same sum again shares the first one's buffer: nothing more is held.
    _ = try tape.add(a, b)
    #expect(throws: EngineError.memoryBudgetExceeded(bytes: 3 * 2048 * 8)) {
      try tape.multiply(a, b)
    }
    #expect(
      EngineError.memoryBudgetExceeded(bytes: MemoryBudget.standardBytes).message.hasPrefix(
        "this line holds more than 1 GiB of numbers at once"))
  }

  @Test func aValueUsedManyTimesIsCountedOnce() throws {
    let tape = Tape(memoryLimit: 2 * 2048 * 8)
    let shared = try vector(2048, 1)
    for _ in 0..<50 { _ = try tape.leaf(shared) }
    _ = try tape.leaf(try vector(2048, 3))
    #expect(throws: EngineError.memoryBudgetExceeded(bytes: 2 * 2048 * 8)) {
      try tape.leaf(try vector(2048, 4))
    }
  }
}
