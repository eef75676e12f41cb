/// What one evaluation may hold alive: the values recorded on its tape, which all live until the
/// evaluation ends (the reverse sweep needs them).
///
/// Each distinct buffer is charged once, however many nodes share it (a variable used thirty
/// times, a repeated subexpression), so the count is the memory really held. A line that goes
/// past the limit stops with ``EngineError/memoryBudgetExceeded(bytes:)`` right after the value
/// that crossed it, so the overshoot is at most one value (``Tensor/maxElementCount`` elements).
public struct MemoryBudget {
  /// 1 GiB of numbers (about 134 million doubles, or 13 values of the largest size).
  public static let standardBytes = 1 << 30

  let limit: Int
  private(set) var used = 0
  /// Buffers already charged, by address; only large ones are tracked.
  private var charged: Set<UInt> = []

  init(limit: Int) { self.limit = limit }

  mutating func charge(_ tensor: Tensor) throws(EngineError) {
    let bytes = tensor.count &* MemoryLayout<Double>.stride
    if tensor.count >= 1024 {
      let address = tensor.storage.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
      guard charged.insert(address).inserted else { return }
    }
    used &+= bytes
    guard used <= limit else { throw .memoryBudgetExceeded(bytes: limit) }
  }

  /// Whether `bytes` more, held by values a fused region computed block by block instead of
  /// storing, would still fit: the region counts them so that a line fails at the same limit
  /// fused or not.
  func fits(_ bytes: Int) -> Bool { used <= limit &- bytes }

  mutating func chargeVirtual(_ bytes: Int) { used &+= bytes }

  /// Marks a buffer as already paid for (a value a fused region counted, computed again).
  mutating func prepay(_ tensor: Tensor) {
    guard tensor.count >= 1024 else { return }
    charged.insert(tensor.storage.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) })
  }
}
