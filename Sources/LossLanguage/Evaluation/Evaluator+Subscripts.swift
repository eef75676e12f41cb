import LossEngine

/// `x[3]`, `x[2:5]`, `X[i, j]`, `X[:, j]` and `g[1]` (and the same on the left of `=`):
/// subscripts checked here, 1-based, with a
/// message for every position that does not fit, then one engine slice.
extension Evaluator {
  /// Kept out of ``evaluate(_:in:)`` so that its stack frame, paid at every level of nesting,
  /// stays small.
  @inline(never)
  func index(
    _ base: Expression, _ subscripts: [Subscript], at range: SourceRange, in frame: Frame
  ) throws(LanguageError) -> RuntimeValue {
    let container = try evaluate(base, in: frame)
    if case .list(let items) = container {
      guard subscripts.count == 1, case .position(let position) = subscripts[0] else {
        throw LanguageError(.data(.listTakesOnePosition), at: subscripts[0].range)
      }
      let i = try wholeIndex(position, in: frame)
      return try item(i, of: items, at: position.range)
    }
    let x = try node(container, at: base.range, for: "indexing")
    let picks = try picks(subscripts, shape: tape.value(x).shape, in: frame)
    return .node(try engine(at: range) { tape throws(EngineError) in try tape.slice(x, picks) })
  }

  /// One checked pick per axis of a value of `shape`, for reading (`X[i, :]`) and for
  /// assignment (`X[i, :] = v`) alike.
  func picks(_ subscripts: [Subscript], shape: [Int], in frame: Frame) throws(LanguageError)
    -> [AxisPick]
  {
    guard !shape.isEmpty, subscripts.count <= shape.count else {
      throw LanguageError(
        .data(.tooManySubscripts(shape: shape, given: subscripts.count)),
        at: subscripts[min(subscripts.count, max(shape.count, 1)) - 1].range)
    }
    var picks: [AxisPick] = []
    for axis in 0..<shape.count {
      let name: DataProblem.AxisName =
        shape.count == 1 ? .elements : (axis == 0 ? .rows : .columns)
      picks.append(
        try pick(
          axis < subscripts.count ? subscripts[axis] : nil, length: shape[axis], axis: name,
          in: frame))
    }
    return picks
  }

  /// One axis's pick; a missing subscript takes the whole axis.
  private func pick(
    _ part: Subscript?, length: Int, axis: DataProblem.AxisName, in frame: Frame
  ) throws(LanguageError) -> AxisPick {
    switch part {
    case .position(let expression)?:
      let i = try wholeIndex(expression, in: frame)
      try check(i, length: length, axis: axis, at: expression.range)
      return .position(i)
    case .span(let from, let to, let range)?:
      var lower = 1
      var upper = length
      if let from {
        lower = try wholeIndex(from, in: frame)
        try check(lower, length: length, axis: axis, at: from.range)
      }
      if let to {
        upper = try wholeIndex(to, in: frame)
        try check(upper, length: length, axis: axis, at: to.range)
      }
      guard lower <= upper else {
        throw LanguageError(.data(.emptySpan(from: lower, to: upper)), at: range)
      }
      return .span(lower...upper)
    case nil:
      guard length > 0 else {
        throw LanguageError(.data(.indexOutOfRange(axis, index: 1, count: 0)), at: nil)
      }
      return .span(1...length)
    }
  }

  private func wholeIndex(_ expression: Expression, in frame: Frame) throws(LanguageError) -> Int {
    try integer(
      evaluate(expression, in: frame), at: expression.range, for: "an index", in: Int.min...Int.max)
  }

  private func check(_ i: Int, length: Int, axis: DataProblem.AxisName, at range: SourceRange)
    throws(LanguageError)
  {
    guard i != 0 || length == 0 else {
      throw LanguageError(.data(.indexZero(axis, count: length)), at: range)
    }
    guard i >= 1, i <= length else {
      throw LanguageError(.data(.indexOutOfRange(axis, index: i, count: length)), at: range)
    }
  }

  /// Item `i` (1-based) of a list, such as the gradients `grad(L, w, b)` returns.
  private func item(_ i: Int, of items: [RuntimeValue], at range: SourceRange) throws(LanguageError)
    -> RuntimeValue
  {
    guard i >= 1, i <= items.count else {
      throw LanguageError(
        .statement(
          i == 0
            ? .listIndexZero(count: items.count)
            : .listIndexOutOfRange(index: i, count: items.count)), at: range)
    }
    return items[i - 1]
  }
}
