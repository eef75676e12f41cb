/// Backward rules that write one parent's gradient over the upstream buffer.
///
/// Reusing `g`'s buffer saves a full-size allocation per node, but once one rule has written
/// over `g`, every rule that still needs the upstream values would read the wrong numbers. The
/// order is fixed here instead of in each op: the other parents' rules get `g` read-only first,
/// and only then may the owner's rule write over it.
extension Tape {
  /// Each parent's gradient contribution for a node whose parent `owner` may take over `g`.
  ///
  /// - Parameters:
  ///   - g: The upstream gradient, handed over by the sweep.
  ///   - needed: Which parents need a gradient (one flag per parent).
  ///   - owner: The parent whose contribution may be written over `g`.
  ///   - others: The contribution of every other parent that is needed; it cannot change `g`.
  ///   - ownerRule: Turns `g` into `owner`'s contribution in place; runs last.
  static func contributions(
    _ g: inout Tensor, needed: [Bool], overwriting owner: Int,
    others: (_ parent: Int, _ g: Tensor) throws(EngineError) -> Tensor?,
    owner ownerRule: (_ g: inout Tensor) throws(EngineError) -> Void
  ) throws(EngineError) -> [Tensor?] {
    var result = [Tensor?](repeating: nil, count: needed.count)
    for parent in needed.indices where parent != owner && needed[parent] {
      result[parent] = try others(parent, g)
    }
    if needed.indices.contains(owner), needed[owner] {
      try ownerRule(&g)
      result[owner] = g
    }
    return result
  }
}
