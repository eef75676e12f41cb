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
  private let differentiated: Set<String>
  private var leaves: [String: Variable] = [:]
  /// True inside `grad`: a nested `grad` would be silently wrong, so it is refused.
  private let insideGradient: Bool
  private let isInterrupted: @Sendable () -> Bool
  private var callDepth = 0
  /// Calls made so far, counted against the tape's operation limit: a call may record no
  /// node at all (`def f2(x) = f1(f1(x))` with `def f1(x) = x`), yet chains of such functions
  /// double the work at every level, and without this count `f30(1)` would run for hours.
  private var callCount = 0
  /// How deeply ``evaluate(_:in:)`` is nested, counting the bodies of the user functions being
  /// called (and, inside `grad`, the evaluation around it). The parser bounds one line's
  /// height, but a chain of functions each with a deep body multiplies it: without this bound
  /// twenty such functions overflow the stack.
  private var depth: Int
  /// The bound on ``depth``; about 4 MB of stack in a debug build (8 KB per level at worst),
  /// well within the 8 MB of the main thread.
  static let maxDepth = 500

  init(
    scope: Scope, differentiating names: Set<String> = [], insideGradient: Bool = false,
    depth: Int = 0, isInterrupted: @escaping @Sendable () -> Bool
  ) {
    self.depth = depth
    self.scope = scope
    self.differentiated = names
    self.insideGradient = insideGradient
    self.isInterrupted = isInterrupted
    self.tape = Tape(isInterrupted: isInterrupted)
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
        "this expression is nested too deeply (more than \(Evaluator.maxDepth) levels, counting inside the functions it calls)",
        at: expression.range)
    }
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
    case .index(let base, let position, let range):
      let x = try node(evaluate(base, in: frame), at: base.range, for: "indexing")
      let i = try integer(
        evaluate(position, in: frame), at: position.range, for: "an index", in: Int.min...Int.max)
      return .node(try engine(at: range) { tape throws(EngineError) in try tape.index(x, i) })
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
      throw LanguageError(
        "'\(name)' is a function; call it with arguments, like \(name)(…)", at: range)
    }
    let candidates =
      Array(frame.locals.keys) + scope.names + BuiltinLibrary.names
      + Array(BuiltinLibrary.constants.keys)
    throw LanguageError(
      "unknown name '\(name.quotedName)'\(Suggestions.didYouMean(name, among: candidates))",
      at: range)
  }

  private func list(_ elements: [Expression], at range: SourceRange, in frame: Frame)
    throws(LanguageError) -> Variable
  {
    guard !elements.isEmpty else {
      throw LanguageError("an empty vector [] has no elements to compute with", at: range)
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
      throw LanguageError(
        "a matrix is written as a list of rows of numbers, like [[1, 2], [3, 4]]; these elements have shapes "
          + values.map(\.shapeDescription).joined(separator: ", "), at: range)
    }
    let columns = values[0].count
    if let bad = values.firstIndex(where: { $0.count != columns }) {
      throw LanguageError(
        "every row of a matrix must have the same length: row 1 has \(columns), row \(bad + 1) has \(values[bad].count)",
        at: elements[bad].range)
    }
    let tensor: Tensor
    do {
      tensor = try Tensor(shape: [values.count, columns], storage: values.flatMap(\.storage))
    } catch {
      throw LanguageError(error, at: range)
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
        throw LanguageError("division by zero: the divisor contains a 0", at: right.range)
      }
      throw LanguageError(error, at: range)
    }
  }

  // MARK: Calls

  /// The result of a call, and for a loss call the leaf that stood in for its first argument.
  struct CallResult {
    let value: RuntimeValue
    let firstArgument: Variable?
    let arguments: [RuntimeValue]
  }

  func call(
    _ name: String, _ arguments: [CallArgument], nameRange: SourceRange, range: SourceRange,
    in frame: Frame,
    differentiateFirstArgument: Bool = false
  ) throws(LanguageError) -> CallResult {
    if callDepth > Parser.maxDepth {
      throw LanguageError("calls are nested too deeply (more than \(Parser.maxDepth))", at: range)
    }
    callCount += 1
    guard callCount <= tape.nodeLimit else {
      throw LanguageError(EngineError.tapeTooLarge(limit: tape.nodeLimit), at: range)
    }
    if isInterrupted() { throw LanguageError(EngineError.interrupted, at: range) }
    callDepth += 1
    defer { callDepth -= 1 }
    if let builtin = BuiltinLibrary.named(name) {
      return try callBuiltin(
        builtin, arguments, range: range, in: frame,
        differentiateFirstArgument: differentiateFirstArgument)
    }
    if let function = frame.functions[name] {
      return try callUser(
        function, arguments, range: range, in: frame,
        differentiateFirstArgument: differentiateFirstArgument)
    }
    if scope[name] != nil || frame.locals[name] != nil {
      throw LanguageError("'\(name)' is a variable, not a function", at: nameRange)
    }
    let candidates = BuiltinLibrary.names + Array(frame.functions.keys)
    throw LanguageError(
      "unknown function '\(name.quotedName)'\(Suggestions.didYouMean(name, among: candidates))",
      at: nameRange)
  }

  private func callBuiltin(
    _ builtin: Builtin, _ arguments: [CallArgument], range: SourceRange, in frame: Frame,
    differentiateFirstArgument: Bool
  ) throws(LanguageError) -> CallResult {
    if builtin.isVariadic {
      if let named = arguments.first(where: { $0.label != nil }) {
        throw LanguageError("\(builtin.name) takes no named arguments", at: named.labelRange)
      }
      let bound = BoundArguments(
        values: [], ranges: [], rest: arguments.map(\.value), callRange: range)
      return CallResult(value: try builtin.body(self, bound), firstArgument: nil, arguments: [])
    }
    let slots = try ArgumentBinding.bind(
      arguments, to: builtin.parameters, function: builtin.name, call: range)
    var values: [RuntimeValue] = []
    var ranges: [SourceRange] = []
    var firstArgument: Variable?
    for (index, slot) in slots.enumerated() {
      switch slot {
      case .given(let expression):
        var value = try evaluate(expression, in: frame)
        if index == 0, differentiateFirstArgument {
          (value, firstArgument) = try standIn(for: value, at: expression.range)
        }
        values.append(value)
        ranges.append(expression.range)
      case .defaulted(let value):
        values.append(try constant(value, at: range))
        ranges.append(range)
      case .absent:
        values.append(.list([]))
        ranges.append(range)
      }
    }
    let bound = BoundArguments(values: values, ranges: ranges, rest: [], callRange: range)
    return CallResult(
      value: try builtin.body(self, bound), firstArgument: firstArgument, arguments: values)
  }

  /// A fresh leaf holding the first argument's value, so that the gradient of a top-level loss
  /// call is taken with respect to its prediction alone (a partial derivative, whatever else the
  /// prediction was computed from).
  private func standIn(for value: RuntimeValue, at range: SourceRange) throws(LanguageError)
    -> (RuntimeValue, Variable?)
  {
    guard case .node(let node) = value else { return (value, nil) }
    let leaf = try engine(at: range) { tape throws(EngineError) in
      try tape.leaf(tape.value(node), needsGradient: true, label: "prediction")
    }
    return (.node(leaf), leaf)
  }

  private func callUser(
    _ function: UserFunction, _ arguments: [CallArgument], range: SourceRange, in frame: Frame,
    differentiateFirstArgument: Bool
  ) throws(LanguageError) -> CallResult {
    let parameters = function.parameters.map { Builtin.Parameter($0) }
    let slots = try ArgumentBinding.bind(
      arguments, to: parameters, function: function.name, call: range)
    var locals: [String: RuntimeValue] = [:]
    var values: [RuntimeValue] = []
    var firstArgument: Variable?
    for (index, (parameter, slot)) in zip(function.parameters, slots).enumerated() {
      guard case .given(let expression) = slot else { continue }
      var value = try evaluate(expression, in: frame)
      if index == 0, differentiateFirstArgument {
        (value, firstArgument) = try standIn(for: value, at: expression.range)
      }
      locals[parameter] = value
      values.append(value)
    }
    let inner = Frame(locals: locals, functions: function.callees)
    do {
      return CallResult(
        value: try evaluate(function.body, in: inner), firstArgument: firstArgument,
        arguments: values)
    } catch {
      if error.message.hasPrefix("in \(function.name)(") {
        throw LanguageError(error.message, at: range)
      }
      throw LanguageError("in \(function.name)(…): \(error.message)", at: range)
    }
  }

  // MARK: grad

  /// `grad(EXPR, NAME, ...)`: evaluates EXPR again on a fresh tape whose named variables need
  /// gradients, and returns ∂EXPR/∂NAME for each name (a list when there are several).
  func gradient(of expression: Expression?, names: [Expression], call range: SourceRange)
    throws(LanguageError)
    -> RuntimeValue
  {
    guard let expression, !names.isEmpty else {
      throw LanguageError(
        "grad needs an expression and at least one variable name, like grad(mse(w * x, y), w)",
        at: range)
    }
    if insideGradient {
      throw LanguageError("grad cannot be nested: second derivatives are not supported", at: range)
    }
    var variableNames: [String] = []
    for name in names {
      guard case .name(let variable, let nameRange) = name else {
        throw LanguageError(
          "grad differentiates with respect to variables: write a variable's name here",
          at: name.range)
      }
      guard case .tensor = scope[variable] else {
        let known = scope.variables.keys.sorted()
        throw LanguageError(
          scope[variable] == nil
            ? "grad needs '\(variable)' to be a variable with a value\(Suggestions.didYouMean(variable, among: known))"
            : "grad can only differentiate with respect to numbers; '\(variable)' is a \(scope[variable]?.shapeDescription ?? "")",
          at: nameRange)
      }
      variableNames.append(variable)
    }
    let inner = Evaluator(
      scope: scope, differentiating: Set(variableNames), insideGradient: true, depth: depth,
      isInterrupted: isInterrupted)
    // The leaves come first: a variable the expression does not use must still be recorded
    // before the output, or the tape's reverse sweep never reaches it (it gets zeros).
    var inputs: [Variable] = []
    for (variable, name) in zip(variableNames, names) {
      guard case .node(let leafNode)? = try inner.leaf(for: variable, at: name.range) else {
        throw LanguageError("'\(variable)' is not a number", at: name.range)
      }
      inputs.append(leafNode)
    }
    var output = try inner.node(
      inner.evaluate(expression, in: topFrame), at: expression.range, for: "grad")
    output = try inner.after(inputs, output, at: expression.range)
    let gradients: [Tensor]
    do { gradients = try inner.tape.gradients(of: output, withRespectTo: inputs) } catch {
      throw LanguageError(error, at: expression.range)
    }
    let results = try gradients.map { g throws(LanguageError) in
      RuntimeValue.node(try constant(g, at: range))
    }
    return results.count == 1 ? results[0] : .list(results)
  }

  /// `output`, or an identity node recording it again after every one of `inputs`.
  ///
  /// The tape's reverse sweep runs from the output down, so an input recorded after it traps
  /// (index out of range). That happens when the expression is itself an earlier variable:
  /// in `grad(p, p, M)` the output is p's leaf, and M's leaf comes after it.
  func after(_ inputs: [Variable], _ output: Variable, at range: SourceRange) throws(LanguageError)
    -> Variable
  {
    guard inputs.contains(where: { $0.index > output.index }) else { return output }
    return try engine(at: range) { tape throws(EngineError) in
      try tape.add(output, try tape.constant(0))
    }
  }

  // MARK: Conversions

  /// Runs an engine operation, turning its error into one pointing at `range`.
  func engine<T>(at range: SourceRange, _ body: (Tape) throws(EngineError) -> T)
    throws(LanguageError) -> T
  {
    do { return try body(tape) } catch { throw LanguageError(error, at: range) }
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
    do { return try Tensor(vector: vector) } catch { throw LanguageError(error, at: range) }
  }

  func node(_ value: RuntimeValue, at range: SourceRange, for use: String) throws(LanguageError)
    -> Variable
  {
    switch value {
    case .node(let node): return node
    case .string: throw LanguageError("\(use) needs numbers, got a string", at: range)
    case .list(let items):
      throw LanguageError(
        items.isEmpty
          ? "\(use) is missing a value here"
          : "\(use) needs numbers, got a list of \(items.count) values",
        at: range)
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
      throw LanguageError(
        "\(use) must be a single number, got shape \(t.shapeDescription)", at: range)
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
    guard let whole = Int(exactly: x), bounds.contains(whole) else {
      let limits =
        bounds.lowerBound == Int.min ? "" : " from \(bounds.lowerBound) to \(bounds.upperBound)"
      throw LanguageError(
        "\(use) must be a whole number\(limits), got \(ValueFormatter.number(x))", at: range)
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
