/// What the reverse sweep relies on, checked in debug builds (and so in every test run) and
/// compiled out of release builds, in the manner of swift-collections' `_checkInvariants()`.
///
/// - Parents are recorded before their children, so one reverse pass over the node array is a
///   topological order.
/// - A backward rule returns one gradient slot per parent (nil where it contributes nothing).
/// - Each contribution has its parent's shape, or a shape that sums back to it (a broadcast).
extension Tape {
  @inline(__always)
  func checkInvariants(recording parents: [Variable]) {
    #if DEBUG
      for parent in parents {
        precondition(
          parent.index >= 0 && parent.index < nodes.count,
          "a parent (node \(parent.index)) must be recorded before its child (node \(nodes.count))")
      }
    #endif
  }

  @inline(__always)
  func checkInvariants(_ contributions: [Tensor?], from index: Int, needed: [Bool]) {
    #if DEBUG
      let node = nodes[index]
      precondition(
        contributions.count == node.parents.count,
        "the backward rule of '\(node.label)' gave \(contributions.count) gradients for"
          + " \(node.parents.count) parents")
      for (slot, parent) in node.parents.enumerated() where needed[slot] {
        guard let contribution = contributions[slot] else { continue }
        let shape = nodes[parent].value.shape
        let broadcast = try? Tensor.broadcastShape(shape, contribution.shape, operation: node.label)
        precondition(
          contribution.shape == shape || broadcast == contribution.shape,
          "the backward rule of '\(node.label)' gave parent \(slot) a gradient of shape"
            + " \(contribution.shape) for a value of shape \(shape)")
      }
    #endif
  }
}
