/// A chain of element-wise operations, and the sum or mean that may end it, recorded as one
/// tape node and computed in cache-sized blocks (numexpr's idea, XLA's loop fusion).
///
/// Recorded op by op, `mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2))` writes a full-size
/// temporary per operation and reads it back, forward and backward: about ten passes over
/// memory. A region instead keeps each operation's values for one block of 1,024 elements in
/// cache, and its backward rule recomputes them block by block, so the chain costs one pass
/// forward and one backward.
///
/// The region changes no bit of any result. Every element goes through the same operations
/// as op by op: the same formulas in the same order (including the backward rules' forms, such
/// as `−(g·out)/b` for a divisor), each operand's gradient accumulated edge by edge in the order
/// of the tape's reverse sweep, a sum's blocks fed to ``Summation/pairwise(blocks:_:)`` in
/// order, a scalar operand's gradient summed element by element in order as
/// ``Tensor/summed(toShape:)`` does. Where op by op would stop with an error or take a special
/// path (an overflow, a zero divisor, a sum that is not finite), ``finish(_:reduction:)`` gives
/// nil and the caller rolls the tape back and records the chain op by op instead, so errors are
/// exactly theirs. The operations it stands for count against the tape's node limit and memory
/// budget as if recorded, and their results against sharing, so limits fall where they did.
///
/// The language builds a region while it walks an expression (``apply(_:_:)`` per operation),
/// then calls ``finish(_:reduction:)``.
public final class FusedRegion {
  public enum Operation: Sendable, Equatable {
    case add, subtract, multiply, divide, power, negate
    case compare(Comparison)
    case select
    case abs, sqrt, square, relu, sign
  }

  public enum Reduction: Sendable { case sum, mean }

  /// An operand: a node already on the tape, or the value of an operation of this region.
  public enum Piece: Sendable, Equatable {
    case node(Variable)
    case fused(Int)
  }

  public enum Outcome: Sendable, Equatable {
    /// The operation joined the region.
    case joined(Piece)
    /// The operation does not belong in the region (too small, or another shape) and all its
    /// operands are nodes: record it as usual.
    case outside
    /// The region cannot take the operation and it cannot be recorded beside it.
    case abort
  }

  /// Regions smaller than this are recorded op by op: a block's bookkeeping would cost more
  /// than the passes it saves. At least ``Tape/sharingThreshold``, so every operation of a
  /// region is one whose result op-by-op recording shares.
  public static let minimumCount = 4096
  /// Full-size operands one region may read (each is a pointer held during the passes).
  static let maximumArrays = 64

  let tape: Tape
  private(set) var inputs: [Variable] = []
  private var inputIndex: [Int: Int] = [:]
  private(set) var instructions: [FusedInstruction] = []
  /// The elements of every value of the region; 0 until its first operation.
  private(set) var count = 0
  private var fullInputs = 0
  /// Each instruction's identity in sharing keys, and the keys already seen in this region.
  private var identities: [Tape.OperandIdentity] = []
  private var known: [Tape.ResultKey: Int] = [:]
  /// Keys of results this region computed first (to be shared with later operations), and
  /// their instruction.
  private var firstKeys: [(key: Tape.ResultKey, instruction: Int)] = []
  /// Whether an instruction's value is counted in the memory budget (new to the tape).
  private var counted: [Bool] = []

  /// The first node recorded while the region was built.
  private let start: Int

  public init(tape: Tape) {
    self.tape = tape
    self.start = tape.nodes.count
  }

  /// Whether the region's gradients reach every node in the order op by op gives. The region's
  /// node comes after every node recorded while it was built, so its contributions now come
  /// before theirs: no node may take gradient both from the region directly and from inside a
  /// differentiated operand recorded meanwhile (`(p - mean(p))^2` must stay op by op).
  public func keepsGradientOrder() -> Bool {
    let differentiated = inputs.filter { tape.needsGradient($0) }
    let targets = Set(differentiated.map(\.index))
    for operand in differentiated where operand.index >= start {
      var stack = tape.nodes[operand.index].parents
      var seen: Set<Int> = []
      while let index = stack.popLast() {
        guard seen.insert(index).inserted else { continue }
        if targets.contains(index) { return false }
        let node = tape.nodes[index]
        if node.needsGradient { stack += node.parents }
      }
    }
    return true
  }

  /// Adds `operation` on `pieces` to the region when it can join.
  public func apply(_ operation: Operation, _ pieces: [Piece]) throws(EngineError) -> Outcome {
    let shapes = pieces.map(shape(of:))
    let shape = try FusedRegion.resultShape(operation, shapes)
    let n = try Tensor.elementCount(of: shape)
    let allNodes = pieces.allSatisfy { if case .node = $0 { true } else { false } }
    if count == 0 {
      guard n >= FusedRegion.minimumCount else { return allNodes ? .outside : .abort }
      count = n
    }
    let counts = shapes.map { $0.reduce(1, *) }
    guard n == count, counts.allSatisfy({ $0 == count || $0 == 1 }) else {
      return allNodes ? .outside : .abort
    }
    var operands: [FusedInstruction.Operand] = []
    for piece in pieces {
      switch piece {
      case .node(let variable):
        guard let index = input(variable) else { return .abort }
        operands.append(.input(index))
      case .fused(let index):
        // Each value of a region has one consumer (an expression has one parent).
        guard instructions.indices.contains(index), !instructions[index].consumed else {
          return .abort
        }
        instructions[index].consumed = true
        operands.append(.value(index))
      }
    }
    var exponent: Double?
    if operation == .power, case .node(let variable) = pieces[1] {
      let value = tape.value(variable)
      if value.isScalar { exponent = value.storage[0] }
    }
    let needsGradient: Bool
    if case .compare = operation {
      needsGradient = false
    } else {
      needsGradient = operands.contains { operand in
        switch operand {
        case .input(let k): tape.needsGradient(inputs[k])
        case .value(let j): instructions[j].needsGradient
        }
      }
    }
    let index = instructions.count
    var slot = index
    let identity: Tape.OperandIdentity
    var isCounted = true
    if let label = FusedRegion.sharingLabel(operation) {
      let key = Tape.ResultKey(operation: label, operands: operands.map(identity(of:)))
      if let same = known[key] {
        slot = instructions[same].slot
        identity = identities[same]
        isCounted = false
      } else if let shared = tape.results[key] {
        switch shared {
        case .tensor(let tensor): identity = tape.identity(of: tensor)
        case .virtual(let virtual): identity = virtual
        }
        known[key] = index
        isCounted = false
      } else {
        identity = newIdentity(shape)
        known[key] = index
        firstKeys.append((key, index))
      }
    } else {
      identity = newIdentity(shape)
    }
    instructions.append(
      FusedInstruction(
        operation: operation, operands: operands, shape: shape, slot: slot, exponent: exponent,
        needsGradient: needsGradient))
    identities.append(identity)
    counted.append(isCounted)
    return .joined(.fused(index))
  }

  /// Computes the region ending at instruction `root` (reduced by `reduction`, if any) and
  /// records it as one node; nil when op-by-op recording must be used instead: it would stop
  /// with an error here (an overflow, a zero divisor, a limit) or take a special path.
  public func finish(_ root: Int, reduction: Reduction?) throws(EngineError) -> Variable? {
    guard instructions.indices.contains(root), !instructions[root].consumed else { return nil }
    let extraNodes = instructions.count + (reduction == nil ? 0 : 1) - 1
    guard tape.count + extraNodes < tape.nodeLimit else { return nil }
    let bytes = count &* MemoryLayout<Double>.stride
    var virtualBytes = counted.reduce(0) { $0 + ($1 ? bytes : 0) }
    // A stored root is counted when it is recorded, as op by op.
    if reduction == nil, counted[root] { virtualBytes -= bytes }
    let rootBytes = reduction == nil ? bytes : MemoryLayout<Double>.stride
    guard tape.budget.fits(virtualBytes &+ rootBytes) else { return nil }
    let plan = FusedPlan(
      instructions: instructions, inputs: inputs.map { tape.value($0) }, count: count,
      root: root, reduction: reduction)
    guard let value = try plan.forward(isInterrupted: tape.isInterrupted) else { return nil }
    tape.budget.chargeVirtual(virtualBytes)
    if reduction == nil, !counted[root] { tape.budget.prepay(value) }
    tape.virtualNodes += extraNodes
    for (key, instruction) in firstKeys where instruction != root || reduction != nil {
      tape.results[key] = .virtual(identities[instruction])
    }
    if reduction == nil, let first = firstKeys.first(where: { $0.instruction == root }) {
      tape.results[first.key] = .tensor(value)
    }
    let needs = instructions[root].needsGradient
    let label: String
    switch reduction {
    case .sum?: label = "sum"
    case .mean?: label = "mean"
    case nil: label = FusedRegion.label(instructions[root].operation)
    }
    var node = Tape.Node(
      value: value, parents: inputs.map(\.index), needsGradient: needs, label: label,
      backward: nil)
    if needs {
      // The rule holds the interrupt check, not the tape (which holds the rule).
      let isInterrupted = tape.isInterrupted
      node.fused = { upstream, needed, totals throws(EngineError) in
        try plan.backward(upstream, needed: needed, totals: &totals, isInterrupted: isInterrupted)
      }
    }
    tape.checkInvariants(recording: inputs)
    return try tape.append(node)
  }

  /// The shape of a piece's value.
  func shape(of piece: Piece) -> [Int] {
    switch piece {
    case .node(let variable): tape.value(variable).shape
    case .fused(let index):
      instructions.indices.contains(index) ? instructions[index].shape : []
    }
  }

  private func input(_ variable: Variable) -> Int? {
    if let known = inputIndex[variable.index] { return known }
    if tape.value(variable).count != 1 {
      guard fullInputs < FusedRegion.maximumArrays else { return nil }
      fullInputs += 1
    }
    inputs.append(variable)
    inputIndex[variable.index] = inputs.count - 1
    return inputs.count - 1
  }

  private func identity(of operand: FusedInstruction.Operand) -> Tape.OperandIdentity {
    switch operand {
    case .input(let k): tape.identity(of: tape.value(inputs[k]))
    case .value(let j): identities[j]
    }
  }

  /// An identity no buffer has: real buffers are aligned, so odd numbers are free.
  private func newIdentity(_ shape: [Int]) -> Tape.OperandIdentity {
    tape.virtualIdentities &+= 1
    return Tape.OperandIdentity(
      buffer: tape.virtualIdentities << 1 | 1, bits: UInt64(count), shape: shape)
  }

  /// The shape op-by-op recording gives the operation's result (or its error).
  static func resultShape(_ operation: Operation, _ shapes: [[Int]]) throws(EngineError) -> [Int] {
    let name = label(operation)
    switch operation {
    case .negate, .abs, .sqrt, .square, .relu, .sign:
      return shapes[0]
    case .select:
      let ab = try Tensor.broadcastShape(shapes[0], shapes[1], operation: name)
      return try Tensor.broadcastShape(ab, shapes[2], operation: name)
    default:
      return try Tensor.broadcastShape(shapes[0], shapes[1], operation: name)
    }
  }

  /// The label of the node op-by-op recording makes.
  static func label(_ operation: Operation) -> String {
    switch operation {
    case .add: "+"
    case .subtract: "-"
    case .multiply: "*"
    case .divide: "/"
    case .power: "^"
    case .negate: "neg"
    case .compare(let comparison): comparison.rawValue
    case .select: "where"
    case .abs: "abs"
    case .sqrt: "sqrt"
    case .square: "square"
    case .relu: "relu"
    case .sign: "sign"
    }
  }

  /// The operation's name in sharing keys, for the operations whose results op by op shares.
  static func sharingLabel(_ operation: Operation) -> String? {
    switch operation {
    case .abs, .sqrt, .square, .relu, .sign: nil
    default: label(operation)
    }
  }
}

/// One operation of a ``FusedRegion``.
struct FusedInstruction: Sendable {
  enum Operand: Sendable, Equatable {
    /// The region's k-th input node.
    case input(Int)
    /// The value of an earlier instruction.
    case value(Int)
  }

  let operation: FusedRegion.Operation
  let operands: [Operand]
  let shape: [Int]
  /// The instruction that computes this value (itself, or an earlier one with the same
  /// operation on the same operands: computed once, differentiated as two nodes).
  let slot: Int
  /// For `^`: the exponent when it is a scalar of shape [] (op by op's special cases).
  let exponent: Double?
  let needsGradient: Bool
  var consumed = false

  /// Whether this operation passes a gradient to operand `slot` (a comparison passes none,
  /// `where` none to its condition).
  func propagates(to slot: Int) -> Bool {
    switch operation {
    case .compare: false
    case .select: slot != 0
    default: true
    }
  }
}
