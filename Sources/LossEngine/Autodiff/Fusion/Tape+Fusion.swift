/// The reverse sweep's step for a fused region's node (``FusedRegion``).
extension Tape {
  /// Hands a fused node its needed parents' gradients so far and takes back their new totals:
  /// the region adds its contributions edge by edge in the order op-by-op nodes would have.
  func sweepFused(
    _ fused: FusedBackward, _ upstream: Tensor, parents: [Int], onPath: [Bool],
    grads: inout [Tensor?]
  ) throws(EngineError) {
    let needed = parents.map { onPath[$0] }
    var totals = [Tensor?](repeating: nil, count: parents.count)
    for (slot, parent) in parents.enumerated() where needed[slot] {
      totals[slot] = grads[parent]
      grads[parent] = nil
    }
    try fused(upstream, needed, &totals)
    for (slot, parent) in parents.enumerated() where needed[slot] {
      grads[parent] = totals[slot]
    }
  }
}
