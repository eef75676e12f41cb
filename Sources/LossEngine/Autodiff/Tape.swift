/// A handle to one value recorded on a ``Tape``.
public struct Variable: Hashable, Sendable {
  public let index: Int
}

/// Reverse-mode automatic differentiation over whole tensors (micrograd's idea, one node per
/// tensor operation instead of per scalar).
///
/// Every operation appends a node holding its value, its parents and a backward rule. Parents
/// always have smaller indices than their children, so one reverse sweep over the array is a
/// topological order: no recursion, deterministic accumulation order, and gradients
/// accumulate (`+=`), which is what makes `x*x`, fan-out and reused subexpressions correct.
public final class Tape {
  /// Given the gradient of the output with respect to a node and which parents need a
  /// gradient, returns each parent's gradient contribution (in the parent's shape, or one that
  /// sums back to it) or nil: exactly one slot per parent (checked in debug builds).
  public typealias Backward = (_ upstream: Tensor, _ needed: [Bool]) throws(EngineError) ->
    [Tensor?]

  /// A backward rule that owns the upstream gradient and may write its result over it.
  ///
  /// The sweep hands over the node's gradient once nothing else needs it, so when no other
  /// tensor shares its buffer an element-wise rule reuses it instead of allocating; when the
  /// buffer is shared, copy-on-write keeps everyone else's values intact.
  typealias OwningBackward = (_ upstream: inout Tensor, _ needed: [Bool]) throws(EngineError) ->
    [Tensor?]

  struct Node {
    let value: Tensor
    let parents: [Int]
    let needsGradient: Bool
    let label: String
    let backward: OwningBackward?
    /// A fused region's backward rule (``FusedRegion``), which accumulates into its parents'
    /// gradients itself; nil for every other node.
    var fused: FusedBackward? = nil
  }

  /// Given the upstream gradient, which parents need a gradient, and each parent's gradient
  /// so far (nil where none arrived yet), leaves each needed parent's new gradient in `totals`.
  typealias FusedBackward = (_ upstream: Tensor, _ needed: [Bool], _ totals: inout [Tensor?])
    throws(EngineError) -> Void

  var nodes: [Node] = []
  /// Results of element-wise operations already computed on this tape, by operation and operand
  /// identity (see ``sharedResult(_:_:compute:)`` in `Tape+SharedResults.swift`).
  var results: [ResultKey: SharedResult] = [:]
  /// Buffers computed again for a result a fused region already counted, by address, and the
  /// identity the region gave that result (so later keys match what op-by-op recording gives).
  var aliases: [UInt: OperandIdentity] = [:]
  /// Recording stops with ``EngineError/tapeTooLarge(limit:)`` past this many nodes, so that
  /// runaway expressions fail with a message instead of exhausting memory.
  public let nodeLimit: Int
  /// Polled on every recorded operation; return true to stop with ``EngineError/interrupted``.
  public let isInterrupted: @Sendable () -> Bool
  /// The bytes of values this tape may hold (``MemoryBudget``).
  var budget: MemoryBudget
  /// Operations a fused region computed without recording a node each; they count against
  /// ``nodeLimit`` as if they had been recorded, so fusion never changes where the limit falls.
  var virtualNodes = 0
  /// Identities handed to values of fused regions (see `FusedRegion`).
  var virtualIdentities: UInt = 0

  public init(
    nodeLimit: Int = 1_000_000, memoryLimit: Int = MemoryBudget.standardBytes,
    isInterrupted: @escaping @Sendable () -> Bool = { false }
  ) {
    self.nodeLimit = nodeLimit
    self.budget = MemoryBudget(limit: memoryLimit)
    self.isInterrupted = isInterrupted
  }

  /// The operations recorded, counting those a fused region stands for.
  public var count: Int { nodes.count + virtualNodes }

  /// Records an input. Only leaves with `needsGradient` (and what depends on them) get gradients.
  public func leaf(_ value: Tensor, needsGradient: Bool = false, label: String = "leaf")
    throws(EngineError) -> Variable
  {
    try append(
      Node(value: value, parents: [], needsGradient: needsGradient, label: label, backward: nil))
  }

  /// A constant scalar leaf.
  public func constant(_ value: Double) throws(EngineError) -> Variable {
    try leaf(Tensor(scalar: value), label: "constant")
  }

  /// Records the result of an operation on `parents` with its backward rule.
  public func record(
    _ value: Tensor, parents: [Variable], label: String, backward: @escaping Backward
  ) throws(EngineError) -> Variable {
    try recordOwning(value, parents: parents, label: label) { g, needed throws(EngineError) in
      try backward(g, needed)
    }
  }

  /// Records an operation whose backward rule may overwrite the upstream gradient.
  func recordOwning(
    _ value: Tensor, parents: [Variable], label: String, backward: @escaping OwningBackward
  ) throws(EngineError) -> Variable {
    checkInvariants(recording: parents)
    let needs = parents.contains { nodes[$0.index].needsGradient }
    return try append(
      Node(
        value: value, parents: parents.map(\.index), needsGradient: needs, label: label,
        backward: needs ? backward : nil))
  }

  func append(_ node: Node) throws(EngineError) -> Variable {
    guard count < nodeLimit else { throw .tapeTooLarge(limit: nodeLimit) }
    if isInterrupted() { throw .interrupted }
    try budget.charge(node.value)
    nodes.append(node)
    return Variable(index: nodes.count - 1)
  }

  public func value(_ variable: Variable) -> Tensor { nodes[variable.index].value }
  public func needsGradient(_ variable: Variable) -> Bool { nodes[variable.index].needsGradient }
  public func label(_ variable: Variable) -> String { nodes[variable.index].label }

  /// The gradient of a scalar `output` with respect to each of `inputs`, in the inputs' shapes.
  ///
  /// An input the output does not depend on gets zeros. Call it as often as you like: every
  /// call starts from fresh zero gradients (calling backward twice must not double-count).
  public func gradients(of output: Variable, withRespectTo inputs: [Variable]) throws(EngineError)
    -> [Tensor]
  {
    let outputValue = nodes[output.index].value
    guard outputValue.count == 1 else {
      throw .notDifferentiable(
        operation: "grad",
        message:
          "the expression must give one number (a loss), got shape \(outputValue.shapeDescription)")
    }
    // Only nodes on a path from an input to the output need a gradient.
    let wanted = Set(inputs.map(\.index))
    var onPath = [Bool](repeating: false, count: output.index + 1)
    for index in 0...output.index {
      let node = nodes[index]
      onPath[index] =
        wanted.contains(index) || (node.needsGradient && node.parents.contains { onPath[$0] })
    }
    var grads = [Tensor?](repeating: nil, count: output.index + 1)
    grads[output.index] = Tensor(uncheckedShape: outputValue.shape, storage: [1])
    for index in stride(from: output.index, through: 0, by: -1) {
      guard onPath[index], grads[index] != nil else { continue }
      let node = nodes[index]
      if isInterrupted() { throw .interrupted }
      if let fused = node.fused {
        guard let upstream = grads[index] else { continue }
        if !wanted.contains(index) { grads[index] = nil }
        try sweepFused(fused, upstream, parents: node.parents, onPath: onPath, grads: &grads)
        continue
      }
      guard let backward = node.backward, !node.parents.isEmpty else { continue }
      let needed = node.parents.map { onPath[$0] }
      // The node's gradient is complete: hand it to the backward rule, which may write over
      // it, and keep no other reference (unless it was asked for), so that its buffer can be
      // reused in place and is freed as soon as the parents are done with it.
      guard var upstream = grads[index] else { continue }
      if !wanted.contains(index) { grads[index] = nil }
      var contributions = try backward(&upstream, needed)
      checkInvariants(contributions, from: index, needed: needed)
      for (slot, parent) in node.parents.enumerated() where needed[slot] {
        guard slot < contributions.count, let contribution = contributions[slot] else { continue }
        contributions[slot] = nil
        let shaped = contribution.summed(toShape: nodes[parent].value.shape)
        if var existing = grads[parent] {
          // Take the tensor out of the array first, so that when nothing else holds its
          // buffer the sum is added in place instead of into a new buffer.
          grads[parent] = nil
          try existing.add(shaped)
          grads[parent] = existing
        } else {
          grads[parent] = shaped
        }
      }
    }
    // An input recorded after the output cannot influence it: its gradient is zero.
    return inputs.map { input in
      (input.index <= output.index ? grads[input.index] : nil)
        ?? Tensor(
          uncheckedShape: nodes[input.index].value.shape,
          storage: Tensor.filledStorage(0, count: nodes[input.index].value.count))
    }
  }
}
