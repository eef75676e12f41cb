import LossEngine

/// A value during evaluation: a node on the tape (numbers), a string, or a list.
enum RuntimeValue {
  case node(Variable)
  case string(String)
  case list([RuntimeValue])
}

/// Evaluates expressions of one statement on one tape.
///
/// Global variables become tape leaves the first time they are read, and every later read
/// (also inside user functions) shares that leaf, so `grad` sees every use of a variable.
final class Evaluator {
  /// Local names inside a user function, and the functions it may call.
  struct Frame {
    var locals: [String: RuntimeValue]
    var functions: [String: UserFunction]
  }

  let tape: Tape
  let scope: Scope
  /// Variables whose leaves need gradients (inside `grad`).
  let differentiated: Set<String>
  var leaves: [String: Variable] = [:]
  /// True inside `grad`: a nested `grad` would be silently wrong, so it is refused.
  let insideGradient: Bool
  let isInterrupted: @Sendable () -> Bool
  /// Where `train` and `step` leave their parameter updates and reports.
  let record: TrainingRecord
  /// Reads the files `load` names; nil where files are not read (lessons, help examples).
  var fileReader: FileReader?
  var callDepth = 0
  /// Calls made so far, counted against the tape's operation limit: a call may record no
  /// node at all (`def f2(x) = f1(f1(x))` with `def f1(x) = x`), yet chains of such functions
  /// double the work at every level, and without this count `f30(1)` would run for hours.
  var callCount = 0
  /// True while the children of an element-wise operation are evaluated: only a chain's root
  /// tries fusion (``fused(_:_:in:)``), once for the whole chain.
  var insideChain = false
  /// How deeply ``evaluate(_:in:)`` is nested, counting the bodies of the user functions being
  /// called (and, inside `grad`, the evaluation around it). The parser bounds one line's
  /// height, but a chain of functions each with a deep body multiplies it: without this bound
  /// twenty such functions overflow the stack.
  var depth: Int
  /// The bound on ``depth``; about 4 MB of stack in a debug build (8 KB per level at worst),
  /// well within the 8 MB of the main thread.
  static let maxDepth = 500

  init(
    scope: Scope, differentiating names: Set<String> = [], insideGradient: Bool = false,
    depth: Int = 0, record: TrainingRecord = TrainingRecord(),
    isInterrupted: @escaping @Sendable () -> Bool
  ) {
    self.depth = depth
    self.record = record
    self.scope = scope
    self.differentiated = names
    self.insideGradient = insideGradient
    let handled = record.interruptionHandled
    let polled: @Sendable () -> Bool = { !handled.isSet && isInterrupted() }
    self.isInterrupted = polled
    self.tape = Tape(isInterrupted: polled)
  }

  var topFrame: Frame { Frame(locals: [:], functions: scope.functions) }

  /// The leaf for a global variable, created on first use.
  func leaf(for name: String, at range: SourceRange) throws(LanguageError) -> RuntimeValue? {
    if let existing = leaves[name] { return .node(existing) }
    guard let value = scope[name] else { return nil }
    switch value {
    case .tensor(let tensor):
      let node = try engine(at: range) { tape throws(EngineError) in
        try tape.leaf(tensor, needsGradient: differentiated.contains(name), label: name)
      }
      leaves[name] = node
      return .node(node)
    case .string(let text): return .string(text)
    case .list(let items):
      return .list(try items.map { item throws(LanguageError) in try constant(item, at: range) })
    }
  }

  // MARK: Expressions

  func evaluate(_ expression: Expression, in frame: Frame) throws(LanguageError) -> RuntimeValue {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Evaluator.maxDepth else {
      throw LanguageError(
        .nestingTooDeep(.evaluation(limit: Evaluator.maxDepth)), at: expression.range)
    }
    let outer = insideChain
    let role = Evaluator.fusionRole(of: expression, root: !outer)
    insideChain = role != nil
    defer { insideChain = outer }
    if let role, !outer, let node = try fused(expression, role, in: frame) { return .node(node) }
    switch expression {
    case .number(let value, let range):
      return .node(try constant(Tensor(scalar: value), at: range))
    case .string(let text, _):
      return .string(text)
    case .name(let name, let range):
      return try lookUp(name, at: range, in: frame)
    case .list(let elements, let range):
      return .node(try list(elements, at: range, in: frame))
    case .negate(let operand, let range):
      let x = try node(evaluate(operand, in: frame), at: operand.range, for: "-")
      return .node(try engine(at: range) { tape throws(EngineError) in try tape.negate(x) })
    case .binary(let op, let left, let right, let range):
      return .node(try binary(op, left, right, at: range, in: frame))
    case .call(let name, let arguments, let nameRange, let range):
      return try call(name, arguments, nameRange: nameRange, range: range, in: frame).value
    case .index(let base, let subscripts, let range):
      return try index(base, subscripts, at: range, in: frame)
    }
  }

  private func lookUp(_ name: String, at range: SourceRange, in frame: Frame) throws(LanguageError)
    -> RuntimeValue
  {
    if let local = frame.locals[name] { return local }
    if let global = try leaf(for: name, at: range) { return global }
    if let constantValue = BuiltinLibrary.constants[name] {
      return .node(try constant(Tensor(scalar: constantValue), at: range))
    }
    if BuiltinLibrary.named(name) != nil || frame.functions[name] != nil
      || scope.functions[name] != nil
    {
      throw LanguageError(.functionUsedAsValue(name), at: range)
    }
    let candidates =
      Array(frame.locals.keys) + scope.names + BuiltinLibrary.names
      + Array(BuiltinLibrary.constants.keys)
    throw LanguageError(
      .unknownName(name, suggestion: Suggestions.closest(to: name, among: candidates)), at: range)
  }

  private func list(_ elements: [Expression], at range: SourceRange, in frame: Frame)
    throws(LanguageError) -> Variable
  {
    guard !elements.isEmpty else {
      throw LanguageError(.emptyVector, at: range)
    }
    let items = try elements.map { element throws(LanguageError) in
      try node(evaluate(element, in: frame), at: element.range, for: "a vector")
    }
    let values = items.map { tape.value($0) }
    if values.allSatisfy(\.isScalar) {
      let tensor = try self.tensor(vector: values.map { $0.storage[0] }, at: range)
      return try stack(items, into: tensor, at: range)
    }
    guard values.allSatisfy({ $0.rank == 1 }) else {
      throw LanguageError(.notAMatrix(elementShapes: values.map(\.shape)), at: range)
    }
    let columns = values[0].count
    if let bad = values.firstIndex(where: { $0.count != columns }) {
      throw LanguageError(
        .raggedMatrix(firstRowLength: columns, row: bad + 1, length: values[bad].count),
        at: elements[bad].range)
    }
    let tensor: Tensor
    do {
      tensor = try Tensor(shape: [values.count, columns], storage: values.flatMap(\.storage))
    } catch {
      throw LanguageError(.engine(error), at: range)
    }
    return try stack(items, into: tensor, at: range)
  }

  /// Records a vector or matrix built from elements, so gradients flow back to each element.
  private func stack(_ items: [Variable], into tensor: Tensor, at range: SourceRange)
    throws(LanguageError) -> Variable
  {
    if !items.contains(where: { tape.needsGradient($0) }) { return try constant(tensor, at: range) }
    let sizes = items.map { tape.value($0).count }
    let shapes = items.map { tape.value($0).shape }
    return try engine(at: range) { tape throws(EngineError) in
      try tape.record(tensor, parents: items, label: "[]") { g, _ throws(EngineError) in
        var offset = 0
        var parts: [Tensor?] = []
        for (size, shape) in zip(sizes, shapes) {
          parts.append(
            try Tensor(shape: shape, storage: Array(g.storage[offset..<(offset + size)])))
          offset += size
        }
        return parts
      }
    }
  }

  private func binary(
    _ op: BinaryOperator, _ left: Expression, _ right: Expression, at range: SourceRange,
    in frame: Frame
  ) throws(LanguageError) -> Variable {
    let a = try node(evaluate(left, in: frame), at: left.range, for: op.rawValue)
    let b = try node(evaluate(right, in: frame), at: right.range, for: op.rawValue)
    return try binary(op, a, b, left: left.range, right: right.range, at: range)
  }

  /// Records `a op b`, with errors pointing where the expression's evaluation points them.
  func binary(
    _ op: BinaryOperator, _ a: Variable, _ b: Variable, left: SourceRange, right: SourceRange,
    at range: SourceRange
  ) throws(LanguageError) -> Variable {
    do {
      switch op {
      case .add: return try tape.add(a, b)
      case .subtract: return try tape.subtract(a, b)
      case .multiply: return try tape.multiply(a, b)
      case .divide: return try tape.divide(a, b)
      case .power: return try tape.power(a, b)
      case .matmul: return try tape.matmul(a, b)
      case .less: return try tape.compare(a, .less, b)
      case .lessOrEqual: return try tape.compare(a, .lessOrEqual, b)
      case .greater: return try tape.compare(a, .greater, b)
      case .greaterOrEqual: return try tape.compare(a, .greaterOrEqual, b)
      case .equal: return try tape.compare(a, .equal, b)
      case .notEqual: return try tape.compare(a, .notEqual, b)
      }
    } catch {
      if case .divisionByZero = error {
        throw LanguageError(.divisionByZero, at: right)
      }
      throw LanguageError(.engine(error), at: range)
    }
  }
}
