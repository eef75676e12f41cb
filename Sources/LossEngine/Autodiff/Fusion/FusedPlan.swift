/// The computation of a recorded ``FusedRegion``: its forward pass and its backward rule, block
/// by block (1,024 elements, four summation blocks), on both cores for large regions.
///
/// Blocks never change a result: each element's operations are those of op-by-op recording,
/// the sum's block totals are combined by ``Summation/pairwise(blocks:_:)`` in block order
/// whichever thread computed them, and each thread writes only its own elements.
struct FusedPlan: @unchecked Sendable {
  let instructions: [FusedInstruction]
  let inputs: [Tensor]
  let count: Int
  let root: Int
  let reduction: FusedRegion.Reduction?

  static let chunk = 1024
  /// Ctrl-C is polled every this many blocks (64 Ki elements).
  static let pollEvery = 64
  /// Regions with at least this many element-operations (elements × operations) split their
  /// blocks over the cores; below it a second thread costs more than it saves.
  static let parallelWork = 1 << 21
  static let parts = 2

  /// Where each instruction's value lives in a block's scratch space (instructions that share
  /// a value share a place).
  private let places: [Int]
  private let placeCount: Int
  private let scalars: [Double]

  init(
    instructions: [FusedInstruction], inputs: [Tensor], count: Int, root: Int,
    reduction: FusedRegion.Reduction?
  ) {
    self.instructions = instructions
    self.inputs = inputs
    self.count = count
    self.root = root
    self.reduction = reduction
    var places = [Int](repeating: 0, count: instructions.count)
    var next = 0
    for (j, instruction) in instructions.enumerated() {
      if instruction.slot == j {
        places[j] = next
        next += 1
      } else {
        places[j] = places[instruction.slot]
      }
    }
    self.places = places
    self.placeCount = next
    self.scalars = inputs.map { $0.count == 1 ? $0.storage[0] : 0 }
  }

  private var chunks: Int { (count + FusedPlan.chunk - 1) / FusedPlan.chunk }

  private func partCount(serialOnly: Bool) -> Int {
    let work = count.multipliedReportingOverflow(by: instructions.count).partialValue
    return !serialOnly && work >= FusedPlan.parallelWork ? FusedPlan.parts : 1
  }

  /// The chunks of `part` of `parts`: fixed boundaries, so the split never changes a value.
  private func chunkRange(_ part: Int, of parts: Int) -> Range<Int> {
    let per = (chunks + parts - 1) / parts
    return Swift.min(part * per, chunks)..<Swift.min((part + 1) * per, chunks)
  }

  // MARK: Forward

  /// The region's value, or nil when op-by-op recording would stop or take a special path.
  func forward(isInterrupted: @Sendable () -> Bool) throws(EngineError) -> Tensor? {
    let parts = partCount(serialOnly: false)
    let blocks = (count + Summation.blockSize - 1) / Summation.blockSize
    var blockSums = [Double](repeating: 0, count: reduction == nil ? 0 : blocks)
    var output = reduction == nil ? Tensor.unwrittenStorage(count: count) : []
    var flags = [Bool](repeating: false, count: parts)
    var finished = true
    withInputs { pointers in
      blockSums.withUnsafeMutableBufferPointer { sums in
        output.withUnsafeMutableBufferPointer { out in
          flags.withUnsafeMutableBufferPointer { flags in
            finished = Parallel.run(parts: parts, isInterrupted: isInterrupted) { part, stop in
              let scratch = UnsafeMutablePointer<Double>.allocate(
                capacity: Swift.max(placeCount, 1) * FusedPlan.chunk)
              defer { scratch.deallocate() }
              let range = chunkRange(part, of: parts)
              var bad = false
              for c in range {
                if (c - range.lowerBound) % FusedPlan.pollEvery == 0, stop() { return }
                let start = c * FusedPlan.chunk
                let length = Swift.min(FusedPlan.chunk, count - start)
                bad = evaluate(start, length, pointers, scratch) || bad
                let value = UnsafePointer(scratch + places[root] * FusedPlan.chunk)
                if reduction != nil {
                  var b = 0
                  while b < length {
                    let end = Swift.min(b + Summation.blockSize, length)
                    sums[(start + b) / Summation.blockSize] = Summation.blockSum(b, end) {
                      value[$0]
                    }
                    b = end
                  }
                } else if let base = out.baseAddress {
                  (base + start).update(from: value, count: length)
                }
              }
              flags[part] = bad
            }
          }
        }
      }
    }
    if !finished { throw .interrupted }
    if flags.contains(true) { return nil }
    guard let reduction else {
      return Tensor(uncheckedShape: instructions[root].shape, storage: output)
    }
    let total = blockSums.withUnsafeBufferPointer { sums in
      Summation.pairwise(blocks: blocks) { sums[$0] }
    }
    let value = reduction == .mean ? total / Double(count) : total
    return value.isFinite ? Tensor(scalar: value) : nil
  }

  /// Computes every value of the region for the elements start..<start+length into
  /// `scratch`; true when op by op would have stopped (an overflow, a zero divisor).
  private func evaluate(
    _ start: Int, _ length: Int, _ pointers: [UnsafePointer<Double>?],
    _ scratch: UnsafeMutablePointer<Double>
  ) -> Bool {
    var bad = false
    for (j, instruction) in instructions.enumerated() where instruction.slot == j {
      let out = scratch + places[j] * FusedPlan.chunk
      let operands = instruction.operands
      func lane(_ s: Int) -> Lane { self.lane(operands[s], start, pointers, scratch) }
      switch instruction.operation {
      case .add: Lane.map(out, length, lane(0), lane(1)) { $0 + $1 }
      case .subtract: Lane.map(out, length, lane(0), lane(1)) { $0 - $1 }
      case .multiply: Lane.map(out, length, lane(0), lane(1)) { $0 * $1 }
      case .divide:
        let divisor = lane(1)
        if let p = divisor.pointer {
          var zeros = 0
          for i in 0..<length { zeros |= p[i] == 0 ? 1 : 0 }
          bad = bad || zeros != 0
        } else {
          bad = bad || divisor.scalar == 0
        }
        Lane.map(out, length, lane(0), divisor) { $0 / $1 }
      case .power:
        if instruction.exponent == 2 {
          Lane.map(out, length, lane(0)) { $0 * $0 }
        } else {
          Lane.map(out, length, lane(0), lane(1)) { CMath.pow($0, $1) }
        }
      case .negate: Lane.map(out, length, lane(0)) { -$0 }
      case .compare(let comparison):
        switch comparison {
        case .less: Lane.map(out, length, lane(0), lane(1)) { $0 < $1 ? 1 : 0 }
        case .lessOrEqual: Lane.map(out, length, lane(0), lane(1)) { $0 <= $1 ? 1 : 0 }
        case .greater: Lane.map(out, length, lane(0), lane(1)) { $0 > $1 ? 1 : 0 }
        case .greaterOrEqual: Lane.map(out, length, lane(0), lane(1)) { $0 >= $1 ? 1 : 0 }
        case .equal: Lane.map(out, length, lane(0), lane(1)) { $0 == $1 ? 1 : 0 }
        case .notEqual: Lane.map(out, length, lane(0), lane(1)) { $0 != $1 ? 1 : 0 }
        }
      case .select: Lane.map(out, length, lane(0), lane(1), lane(2)) { $0 != 0 ? $1 : $2 }
      case .abs: Lane.map(out, length, lane(0)) { Swift.abs($0) }
      case .sqrt: Lane.map(out, length, lane(0)) { $0.squareRoot() }
      case .square: Lane.map(out, length, lane(0)) { $0 * $0 }
      case .relu: Lane.map(out, length, lane(0)) { Swift.max($0, 0) }
      case .sign: Lane.map(out, length, lane(0)) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
      }
      switch instruction.operation {
      case .add, .subtract, .multiply, .divide, .power, .square:
        bad = bad || Lane.anyInfinite(out, length)
      default: break
      }
    }
    return bad
  }

  private func lane(
    _ operand: FusedInstruction.Operand, _ start: Int, _ pointers: [UnsafePointer<Double>?],
    _ scratch: UnsafeMutablePointer<Double>
  ) -> Lane {
    switch operand {
    case .input(let k):
      if let p = pointers[k] { return Lane(p + start) }
      return Lane(scalar: scalars[k])
    case .value(let j):
      return Lane(UnsafePointer(scratch + places[j] * FusedPlan.chunk))
    }
  }

  /// Runs `body` with a pointer to each full-size input's elements (nil for a single number).
  private func withInputs<R>(_ body: ([UnsafePointer<Double>?]) -> R) -> R {
    func nest(_ k: Int, _ pointers: inout [UnsafePointer<Double>?]) -> R {
      guard k < inputs.count else { return body(pointers) }
      if inputs[k].count == 1 {
        pointers.append(nil)
        return nest(k + 1, &pointers)
      }
      return inputs[k].storage.withUnsafeBufferPointer { buffer in
        pointers.append(buffer.baseAddress)
        return nest(k + 1, &pointers)
      }
    }
    var pointers: [UnsafePointer<Double>?] = []
    pointers.reserveCapacity(inputs.count)
    return nest(0, &pointers)
  }

  // MARK: Backward

  /// One path of the gradient into an input: instruction `instruction`'s operand `operand`.
  struct Edge {
    let instruction: Int
    let operand: Int
    let input: Int
  }

  /// The plan of a backward pass: which instructions carry a gradient, and the edges into the
  /// inputs in the order of the tape's reverse sweep.
  private func paths(needed: [Bool]) -> (adjoint: [Bool], edges: [Edge]) {
    var on = [Bool](repeating: false, count: instructions.count)
    for (j, instruction) in instructions.enumerated() {
      on[j] = instruction.operands.indices.contains { s in
        guard instruction.propagates(to: s) else { return false }
        switch instruction.operands[s] {
        case .input(let k): return needed[k]
        case .value(let i): return on[i]
        }
      }
    }
    var adjoint = [Bool](repeating: false, count: instructions.count)
    adjoint[root] = on[root]
    var edges: [Edge] = []
    for j in stride(from: root, through: 0, by: -1) where adjoint[j] {
      for (s, operand) in instructions[j].operands.enumerated()
      where instructions[j].propagates(to: s) {
        switch operand {
        case .input(let k):
          if needed[k] { edges.append(Edge(instruction: j, operand: s, input: k)) }
        case .value(let i): adjoint[i] = on[i]
        }
      }
    }
    return (adjoint, edges)
  }

  /// Accumulates the region's gradient into each needed input's total.
  func backward(
    _ upstream: Tensor, needed: [Bool], totals: inout [Tensor?],
    isInterrupted: @Sendable () -> Bool
  ) throws(EngineError) {
    let (adjoint, edges) = paths(needed: needed)
    guard !edges.isEmpty else { return }
    let summedEdges = edges.indices.filter { inputs[edges[$0].input].count == 1 }
    let parts = partCount(serialOnly: !summedEdges.isEmpty)
    // Full-size inputs accumulate in place into their total so far, or into a new buffer
    // written by their first edge.
    let accumulated = Set(edges.map(\.input)).filter { inputs[$0].count != 1 }.sorted()
    var hasTotal = [Bool](repeating: false, count: inputs.count)
    let buffers = accumulated.map { k in
      let buffer = Buffer(totals[k]?.storage ?? Tensor.unwrittenStorage(count: count))
      hasTotal[k] = totals[k] != nil
      totals[k] = nil
      return buffer
    }
    var edgeSums = [Double](repeating: 0, count: edges.count)
    let seed: Lane?
    switch reduction {
    case .mean?: seed = Lane(scalar: upstream.storage[0] / Double(count))
    case .sum?: seed = Lane(scalar: upstream.storage[0])
    case nil: seed = nil
    }
    var adjointPlaces = [Int](repeating: -1, count: instructions.count)
    var next = placeCount + 1  // after the values and one block for a contribution
    for j in instructions.indices where adjoint[j] && !(j == root) {
      adjointPlaces[j] = next
      next += 1
    }
    let scratchBlocks = next
    var finished = true
    withInputs { pointers in
      Buffer.withPointers(buffers) { targets in
        edgeSums.withUnsafeMutableBufferPointer { sums in
          upstream.storage.withUnsafeBufferPointer { up in
            var target = [UnsafeMutablePointer<Double>?](repeating: nil, count: inputs.count)
            for (k, pointer) in zip(accumulated, targets) { target[k] = pointer }
            finished = Parallel.run(parts: parts, isInterrupted: isInterrupted) { part, stop in
              let scratch = UnsafeMutablePointer<Double>.allocate(
                capacity: scratchBlocks * FusedPlan.chunk)
              defer { scratch.deallocate() }
              var touched = [Bool](repeating: false, count: inputs.count)
              let range = chunkRange(part, of: parts)
              for c in range {
                if (c - range.lowerBound) % FusedPlan.pollEvery == 0, stop() { return }
                let start = c * FusedPlan.chunk
                let length = Swift.min(FusedPlan.chunk, count - start)
                _ = evaluate(start, length, pointers, scratch)
                for k in touched.indices { touched[k] = hasTotal[k] }
                let rootLane =
                  seed ?? Lane(up.baseAddress.map { $0 + start } ?? UnsafePointer(scratch))
                var e = 0
                for j in stride(from: root, through: 0, by: -1) where adjoint[j] {
                  let g =
                    j == root
                    ? rootLane
                    : Lane(UnsafePointer(scratch + adjointPlaces[j] * FusedPlan.chunk))
                  let instruction = instructions[j]
                  for (s, operand) in instruction.operands.enumerated()
                  where instruction.propagates(to: s) {
                    let destination: UnsafeMutablePointer<Double>
                    let reshaped: Bool
                    switch operand {
                    case .value(let i):
                      guard adjoint[i] else { continue }
                      destination = scratch + adjointPlaces[i] * FusedPlan.chunk
                      reshaped = instructions[i].shape != instruction.shape
                    case .input(let k):
                      guard needed[k] else { continue }
                      destination = scratch + placeCount * FusedPlan.chunk
                      reshaped = inputs[k].shape != instruction.shape
                    }
                    contribution(j, s, g, start, length, pointers, scratch, into: destination)
                    if reshaped {
                      // summed(toShape:) adds each element to a zero.
                      for i in 0..<length { destination[i] = 0 + destination[i] }
                    }
                    guard case .input(let k) = operand else { continue }
                    if let total = target[k] {
                      let t = total + start
                      if touched[k] {
                        for i in 0..<length { t[i] = t[i] + destination[i] }
                      } else {
                        t.update(from: destination, count: length)
                        touched[k] = true
                      }
                    } else if let sum = sums.baseAddress {
                      // A single number's gradient: summed(toShape:), element by element.
                      var s = sum[e]
                      for i in 0..<length { s += destination[i] }
                      sum[e] = s
                    }
                    e += 1
                  }
                }
              }
            }
          }
        }
      }
    }
    if !finished { throw .interrupted }
    for (k, buffer) in zip(accumulated, buffers) {
      totals[k] = Tensor(uncheckedShape: inputs[k].shape, storage: buffer.storage)
    }
    for e in summedEdges {
      let k = edges[e].input
      let shaped = edgeSums[e]
      if let total = totals[k] {
        totals[k] = Tensor(uncheckedShape: total.shape, storage: [total.storage[0] + shaped])
      } else {
        totals[k] = Tensor(uncheckedShape: inputs[k].shape, storage: [shaped])
      }
    }
  }

  /// Instruction j's backward rule for operand s, in op-by-op's exact formulas, given the
  /// gradient `g` of j's value.
  private func contribution(
    _ j: Int, _ s: Int, _ g: Lane, _ start: Int, _ length: Int,
    _ pointers: [UnsafePointer<Double>?], _ scratch: UnsafeMutablePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let instruction = instructions[j]
    let operands = instruction.operands
    func lane(_ s: Int) -> Lane { self.lane(operands[s], start, pointers, scratch) }
    let value = Lane(UnsafePointer(scratch + places[j] * FusedPlan.chunk))
    switch instruction.operation {
    case .add: Lane.map(out, length, g) { $0 }
    case .subtract:
      if s == 0 { Lane.map(out, length, g) { $0 } } else { Lane.map(out, length, g) { -$0 } }
    case .multiply: Lane.map(out, length, g, lane(1 - s)) { $0 * $1 }
    case .divide:
      if s == 0 {
        Lane.map(out, length, g, lane(1)) { $0 / $1 }
      } else {
        Lane.map(out, length, g, value, lane(1)) { -($0 * $1) / $2 }
      }
    case .power:
      if s == 1 {
        Lane.map(out, length, g, lane(0), value) { g, base, power in
          g * (base > 0 ? power * CMath.log(base) : 0)
        }
      } else if let exponent = instruction.exponent {
        if exponent == 2 {
          Lane.map(out, length, g, lane(0)) { $0 * (2 * $1) }
        } else {
          Lane.map(out, length, g, lane(0)) { $0 * (exponent * CMath.pow($1, exponent - 1)) }
        }
      } else {
        Lane.map(out, length, g, lane(0), lane(1)) { $0 * ($2 * CMath.pow($1, $2 - 1)) }
      }
    case .negate: Lane.map(out, length, g) { -$0 }
    case .compare: Lane.map(out, length, g) { _ in 0 }
    case .select:
      if s == 1 {
        Lane.map(out, length, g, lane(0)) { $1 != 0 ? $0 : 0 }
      } else {
        Lane.map(out, length, g, lane(0)) { $1 != 0 ? 0 : $0 }
      }
    case .abs: Lane.map(out, length, g, lane(0)) { $0 * ($1 > 0 ? 1 : ($1 < 0 ? -1 : 0)) }
    case .sqrt: Lane.map(out, length, g, value) { $0 * (0.5 / $1) }
    case .square: Lane.map(out, length, g, lane(0)) { $0 * (2 * $1) }
    case .relu: Lane.map(out, length, g, lane(0)) { $0 * ($1 > 0 ? 1 : 0) }
    case .sign: Lane.map(out, length, g) { $0 * 0 }
    }
  }
}

/// A gradient buffer a fused backward pass writes into, one per accumulated input.
final class Buffer {
  var storage: [Double]
  init(_ storage: [Double]) { self.storage = storage }

  /// Runs `body` with a pointer to each buffer's elements (each buffer made unique first).
  static func withPointers<R>(_ buffers: [Buffer], _ body: ([UnsafeMutablePointer<Double>]) -> R)
    -> R
  {
    func nest(_ k: Int, _ pointers: inout [UnsafeMutablePointer<Double>]) -> R {
      guard k < buffers.count else { return body(pointers) }
      return buffers[k].storage.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return nest(k + 1, &pointers) }
        pointers.append(base)
        return nest(k + 1, &pointers)
      }
    }
    var pointers: [UnsafeMutablePointer<Double>] = []
    return nest(0, &pointers)
  }
}
