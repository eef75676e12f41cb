import LossEngine

/// Between runtime values, tensors and numbers, with errors that point at the source.
extension Evaluator {
  /// Runs an engine operation, turning its error into one pointing at `range`.
  func engine<T>(at range: SourceRange, _ body: (Tape) throws(EngineError) -> T)
    throws(LanguageError) -> T
  {
    do { return try body(tape) } catch { throw LanguageError(.engine(error), at: range) }
  }

  func constant(_ tensor: Tensor, at range: SourceRange) throws(LanguageError) -> Variable {
    try engine(at: range) { tape throws(EngineError) in try tape.leaf(tensor, label: "constant") }
  }

  func constant(_ value: Value, at range: SourceRange) throws(LanguageError) -> RuntimeValue {
    switch value {
    case .tensor(let t): return .node(try constant(t, at: range))
    case .string(let s): return .string(s)
    case .list(let items):
      return .list(try items.map { item throws(LanguageError) in try constant(item, at: range) })
    }
  }

  func tensor(vector: [Double], at range: SourceRange) throws(LanguageError) -> Tensor {
    do { return try Tensor(vector: vector) } catch {
      throw LanguageError(.engine(error), at: range)
    }
  }

  func node(_ value: RuntimeValue, at range: SourceRange, for use: String) throws(LanguageError)
    -> Variable
  {
    switch value {
    case .node(let node): return node
    case .string: throw LanguageError(.needsNumbers(use: use, got: .string), at: range)
    case .list(let items):
      throw LanguageError(.needsNumbers(use: use, got: .list(count: items.count)), at: range)
    }
  }

  func tensor(_ value: RuntimeValue, at range: SourceRange, for use: String) throws(LanguageError)
    -> Tensor
  {
    tape.value(try node(value, at: range, for: use))
  }

  func number(_ value: RuntimeValue, at range: SourceRange, for use: String) throws(LanguageError)
    -> Double
  {
    let t = try tensor(value, at: range, for: use)
    guard t.isScalar else {
      throw LanguageError(.notASingleNumber(use: use, shape: t.shape), at: range)
    }
    return t.storage[0]
  }

  func integer(
    _ value: RuntimeValue, at range: SourceRange, for use: String, in bounds: ClosedRange<Int>
  )
    throws(LanguageError) -> Int
  {
    let x = try number(value, at: range, for: use)
    // Int(exactly:) rather than comparing with Double(Int.max), which rounds up to 2^63:
    // an index of 2^63 passed that comparison and trapped in Int(x).
    let stated = bounds.lowerBound == Int.min ? nil : bounds
    guard x.isFinite, x.rounded(.towardZero) == x else {
      throw LanguageError(.notAWholeNumber(use: use, bounds: stated, got: x), at: range)
    }
    guard let whole = Int(exactly: x), bounds.contains(whole) else {
      throw LanguageError(.wholeNumberOutOfRange(use: use, bounds: stated, got: x), at: range)
    }
    return whole
  }

  /// Converts a runtime value to a learner-visible value.
  func value(_ runtime: RuntimeValue) -> Value {
    switch runtime {
    case .node(let node): return .tensor(tape.value(node))
    case .string(let s): return .string(s)
    case .list(let items): return .list(items.map(value))
    }
  }
}

extension Evaluator {
  /// Argument `i` as an axis of a value of `shape`, or nil when it was left out.
  func axis(_ arguments: BoundArguments, _ i: Int, of function: String, shape: [Int])
    throws(LanguageError) -> Tape.Axis?
  {
    guard i < arguments.values.count, case .node = arguments.values[i] else { return nil }
    let value = try self.number(
      arguments.values[i], at: arguments.ranges[i], for: "\(function)'s axis")
    guard value.isFinite, value.rounded(.towardZero) == value else {
      throw LanguageError(
        .notAWholeNumber(use: "\(function)'s axis", bounds: nil, got: value),
        at: arguments.ranges[i])
    }
    guard let axis = Int(exactly: value).flatMap(Tape.Axis.init(rawValue:)),
      axis.rawValue < max(shape.count, 1), !shape.isEmpty
    else {
      throw LanguageError(
        .data(.badAxis(function: function, axis: value, shape: shape)), at: arguments.ranges[i])
    }
    return axis
  }
}
