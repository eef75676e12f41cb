/// Undoing a tentative recording: the language tries to evaluate an element-wise chain as one
/// fused region, and when that cannot give exactly what op-by-op recording gives (an error, an
/// overflow, a shape it does not handle) it rolls the tape back and records the chain op by op.
extension Tape {
  /// What recording changes: the nodes, the memory counted, the shared results.
  public struct Checkpoint {
    let nodeCount: Int
    let virtualNodes: Int
    let budget: MemoryBudget
    let results: [ResultKey: SharedResult]
    let aliases: [UInt: OperandIdentity]
  }

  public func checkpoint() -> Checkpoint {
    Checkpoint(
      nodeCount: nodes.count, virtualNodes: virtualNodes, budget: budget, results: results,
      aliases: aliases)
  }

  /// Forgets everything recorded since `checkpoint`.
  public func rollBack(to checkpoint: Checkpoint) {
    nodes.removeSubrange(checkpoint.nodeCount...)
    virtualNodes = checkpoint.virtualNodes
    budget = checkpoint.budget
    results = checkpoint.results
    aliases = checkpoint.aliases
  }
}
