/// Sharing repeated results: the cache behind ``Tape/sharedResult(_:_:compute:)``.
extension Tape {
  /// Operands smaller than this are recomputed rather than looked up.
  static let sharingThreshold = 1024

  /// What identifies an operand's value without reading it: the buffer it lives in (a value on
  /// a tape is never written in place, and the tape keeps it alive, so a buffer cannot be reused
  /// for other numbers while the tape exists), or for a single element the number itself.
  struct OperandIdentity: Hashable {
    let buffer: UInt
    let bits: UInt64
    let shape: [Int]

    init(buffer: UInt, bits: UInt64, shape: [Int]) {
      self.buffer = buffer
      self.bits = bits
      self.shape = shape
    }

    init(_ tensor: Tensor) {
      shape = tensor.shape
      if tensor.count == 1 {
        buffer = 0
        bits = tensor.storage[0].bitPattern
      } else {
        buffer = tensor.storage.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        bits = UInt64(tensor.count)
      }
    }
  }

  struct ResultKey: Hashable {
    let operation: String
    let operands: [OperandIdentity]
  }

  /// A shared result: its value, or only its identity when a fused region computed it block by
  /// block (counted in the memory budget, but never stored whole).
  enum SharedResult {
    case tensor(Tensor)
    case virtual(OperandIdentity)
  }

  /// The identity sharing keys use for `tensor`: its own, or the one a fused region gave the
  /// same result when this buffer is that result computed again.
  func identity(of tensor: Tensor) -> OperandIdentity {
    let own = OperandIdentity(tensor)
    guard tensor.count != 1, !aliases.isEmpty, let alias = aliases[own.buffer] else { return own }
    return alias
  }

  /// The value of a pure element-wise `operation` on `operands`: computed by `compute` the first
  /// time, and shared when the same operation meets the same operand values again on this tape.
  ///
  /// A learner's `mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2))` computes `y - p` three times and
  /// `(y-p)^2` twice; the repeats now share one buffer instead of computing and storing equal
  /// copies. Each call still records its own node with its own backward rule, so the graph, the
  /// order in which gradients are accumulated, and every result are exactly as before.
  func sharedResult(
    _ operation: String, _ operands: [Variable], compute: () throws(EngineError) -> Tensor
  ) throws(EngineError) -> Tensor {
    let values = operands.map { value($0) }
    guard values.contains(where: { $0.count >= Tape.sharingThreshold }) else {
      return try compute()
    }
    let key = ResultKey(operation: operation, operands: values.map(identity(of:)))
    switch results[key] {
    case .tensor(let known)?:
      return known
    case .virtual(let counted)?:
      // Op-by-op recording would have shared a buffer already counted: count this one as paid.
      let result = try compute()
      budget.prepay(result)
      aliases[OperandIdentity(result).buffer] = counted
      results[key] = .tensor(result)
      return result
    case nil:
      let result = try compute()
      results[key] = .tensor(result)
      return result
    }
  }
}
