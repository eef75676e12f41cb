import LossEngine

/// Element-wise chains evaluated as one fused region (``FusedRegion``, in the engine).
///
/// The evaluator meets a chain at its root: the outermost element-wise operation, or a `sum`
/// or `mean` of one. It walks the chain in the order op-by-op evaluation would, evaluating
/// every other expression inside it (names, numbers, `exp(…)`, `X @ w`) as usual; operations on
/// values of at least ``FusedRegion/minimumCount`` elements join the region, smaller ones are
/// recorded at once. When anything differs from what op by op would do (an error, an
/// overflow, a shape the region does not take, a gradient order it cannot keep), the tape and
/// the evaluator are rolled back and the chain is evaluated op by op, so every value, gradient
/// and error is what it was.
extension Evaluator {
  /// What an expression is to fusion.
  enum FusionRole {
    /// `+ - * / ^`, a comparison, negation, `where`, `abs`, `sqrt`, `square`, `relu`, `sign`.
    case operation(FusedRegion.Operation)
    /// `sum(x)` or `mean(x)` at the root of a chain.
    case reduction(FusedRegion.Reduction)
  }

  /// Turns fusion off (tests compare fused with op-by-op results).
  @TaskLocal static var fusesChains = true

  static let unaryOperations: [String: FusedRegion.Operation] = [
    "abs": .abs, "sqrt": .sqrt, "square": .square, "relu": .relu, "sign": .sign,
  ]

  /// Built-ins that neither change anything nor read files: a chain whose other
  /// subexpressions call only these can be evaluated twice (tried fused, then op by op).
  static let pureBuiltins: Set<String> = [
    "exp", "log", "log2", "log1p", "expm1", "sin", "cos", "sigmoid", "tanh", "softmax",
    "transpose", "mean", "sum", "max", "min", "clip", "where", "abs", "sqrt", "square", "relu",
    "sign", "len",
  ]

  static func fusionRole(of expression: Expression, root: Bool) -> FusionRole? {
    switch expression {
    case .negate: return .operation(.negate)
    case .binary(let op, _, _, _): return operation(op).map { .operation($0) }
    case .call(let name, let arguments, _, _):
      guard arguments.allSatisfy({ $0.label == nil }) else { return nil }
      if name == "where" { return arguments.count == 3 ? .operation(.select) : nil }
      if let unary = unaryOperations[name] { return arguments.count == 1 ? .operation(unary) : nil }
      guard root, arguments.count == 1 else { return nil }
      if name == "mean" { return .reduction(.mean) }
      if name == "sum" { return .reduction(.sum) }
      return nil
    default: return nil
    }
  }

  static func operation(_ op: BinaryOperator) -> FusedRegion.Operation? {
    switch op {
    case .add: .add
    case .subtract: .subtract
    case .multiply: .multiply
    case .divide: .divide
    case .power: .power
    case .matmul: nil
    case .less: .compare(.less)
    case .lessOrEqual: .compare(.lessOrEqual)
    case .greater: .compare(.greater)
    case .greaterOrEqual: .compare(.greaterOrEqual)
    case .equal: .compare(.equal)
    case .notEqual: .compare(.notEqual)
    }
  }

  /// The root's value evaluated as a fused region, or nil to evaluate it op by op (nothing
  /// is then left recorded by the attempt).
  func fused(_ root: Expression, _ role: FusionRole, in frame: Frame) throws(LanguageError)
    -> Variable?
  {
    guard Evaluator.fusesChains, worthFusing(root) else { return nil }
    let checkpoint = tape.checkpoint()
    let (savedLeaves, savedCalls) = (leaves, callCount)
    let region = FusedRegion(tape: tape)
    do {
      if let node = try fusedRoot(root, role, region, in: frame) { return node }
    } catch {
      if case .engine(.interrupted) = error.problem { throw error }
    }
    tape.rollBack(to: checkpoint)
    (leaves, callCount) = (savedLeaves, savedCalls)
    return nil
  }

  private func fusedRoot(
    _ root: Expression, _ role: FusionRole, _ region: FusedRegion, in frame: Frame
  ) throws(LanguageError) -> Variable? {
    let piece: FusedRegion.Piece?
    var reduction: FusedRegion.Reduction?
    switch role {
    case .operation(let operation):
      piece = try walk(root, operation, region, in: frame)
    case .reduction(let kind):
      guard case .call(_, let arguments, _, let range) = root, try countCall(at: range) else {
        return nil
      }
      callDepth += 1
      defer { callDepth -= 1 }
      reduction = kind
      guard let argument = try child(arguments[0].value, region, in: frame) else { return nil }
      if case .node(let x) = argument {
        return try engine(at: range) { tape throws(EngineError) in
          kind == .mean ? try tape.mean(x) : try tape.sum(x)
        }
      }
      piece = argument
    }
    switch piece {
    case .node(let node)?: return node
    case .fused(let index)?:
      guard region.keepsGradientOrder() else { return nil }
      do { return try region.finish(index, reduction: reduction) } catch {
        throw LanguageError(.engine(error), at: root.range)
      }
    case nil: return nil
    }
  }

  /// A child of a chain's operation: an operation of the chain (with the depth op by op would
  /// count), or any other expression, evaluated as usual.
  private func child(_ expression: Expression, _ region: FusedRegion, in frame: Frame)
    throws(LanguageError) -> FusedRegion.Piece?
  {
    guard case .operation(let operation)? = Evaluator.fusionRole(of: expression, root: false)
    else {
      let value = try evaluate(expression, in: frame)
      guard case .node(let node) = value else { return nil }
      return .node(node)
    }
    depth += 1
    defer { depth -= 1 }
    guard depth <= Evaluator.maxDepth else { return nil }
    return try walk(expression, operation, region, in: frame)
  }

  /// The piece for an operation of a chain: joined to the region, or (when it is small)
  /// recorded as op by op would; nil to give up.
  private func walk(
    _ expression: Expression, _ operation: FusedRegion.Operation, _ region: FusedRegion,
    in frame: Frame
  ) throws(LanguageError) -> FusedRegion.Piece? {
    var pieces: [FusedRegion.Piece] = []
    switch expression {
    case .negate(let operand, _):
      guard let x = try child(operand, region, in: frame) else { return nil }
      pieces = [x]
    case .binary(_, let left, let right, _):
      guard let a = try child(left, region, in: frame), let b = try child(right, region, in: frame)
      else { return nil }
      pieces = [a, b]
    case .call(_, let arguments, _, let range):
      guard try countCall(at: range) else { return nil }
      callDepth += 1
      defer { callDepth -= 1 }
      for argument in arguments {
        guard let piece = try child(argument.value, region, in: frame) else { return nil }
        pieces.append(piece)
      }
    default: return nil
    }
    let outcome: FusedRegion.Outcome
    do { outcome = try region.apply(operation, pieces) } catch { return nil }
    switch outcome {
    case .joined(let piece): return piece
    case .abort: return nil
    case .outside:
      let nodes = pieces.compactMap { if case .node(let v) = $0 { v } else { nil } }
      return .node(try record(operation, nodes, expression))
    }
  }

  /// Records one operation op by op, as its expression's evaluation does.
  private func record(_ operation: FusedRegion.Operation, _ x: [Variable], _ expression: Expression)
    throws(LanguageError) -> Variable
  {
    if case .binary(let op, let left, let right, let range) = expression {
      return try binary(op, x[0], x[1], left: left.range, right: right.range, at: range)
    }
    let range: SourceRange
    switch expression {
    case .call(_, _, _, let r): range = r
    default: range = expression.range
    }
    return try engine(at: range) { tape throws(EngineError) in
      switch operation {
      case .negate: try tape.negate(x[0])
      case .select: try tape.select(x[0], x[1], x[2])
      case .abs: try tape.abs(x[0])
      case .sqrt: try tape.sqrt(x[0])
      case .square: try tape.square(x[0])
      case .relu: try tape.relu(x[0])
      default: try tape.sign(x[0])
      }
    }
  }

  /// The count and checks a call makes (`call(_:_:…)`); false where it would stop.
  private func countCall(at range: SourceRange) throws(LanguageError) -> Bool {
    guard callDepth <= Parser.maxDepth else { return false }
    callCount += 1
    guard callCount <= tape.nodeLimit else { return false }
    if isInterrupted() { throw LanguageError(.engine(.interrupted), at: range) }
    return true
  }

  /// Whether the chain at `root` has two operations or more and its other subexpressions can
  /// be evaluated twice; looks at a bounded number of expressions.
  func worthFusing(_ root: Expression) -> Bool {
    var budget = 256
    var operations = 0
    func scan(_ e: Expression, inChain: Bool) -> Bool {
      budget -= 1
      guard budget > 0 else { return false }
      switch e {
      case .number, .string, .name: return true
      case .list(let elements, _): return elements.allSatisfy { scan($0, inChain: false) }
      case .index(let base, let subscripts, _):
        return scan(base, inChain: false)
          && subscripts.allSatisfy { $0.expressions.allSatisfy { scan($0, inChain: false) } }
      case .negate(let x, _):
        if inChain { operations += 1 }
        return scan(x, inChain: inChain)
      case .binary(let op, let a, let b, _):
        let chained = inChain && op != .matmul
        if chained { operations += 1 }
        return scan(a, inChain: chained) && scan(b, inChain: chained)
      case .call(let name, let arguments, _, _):
        guard Evaluator.pureBuiltins.contains(name), BuiltinLibrary.named(name) != nil else {
          return false
        }
        let chained =
          inChain
          && {
            if case .operation? = Evaluator.fusionRole(of: e, root: false) { true } else { false }
          }()
        if chained { operations += 1 }
        return arguments.allSatisfy { scan($0.value, inChain: chained) }
      }
    }
    if case .call(let name, let arguments, _, _) = root, name == "mean" || name == "sum",
      arguments.count == 1
    {
      operations += 1
      return scan(arguments[0].value, inChain: true) && operations >= 2
    }
    return scan(root, inChain: true) && operations >= 2
  }
}
