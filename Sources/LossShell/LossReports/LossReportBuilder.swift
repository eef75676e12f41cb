import LossEngine
import LossLanguage

/// Turns the interpreter's ``LossCall`` into a ``LossReport``.
///
/// Per-element terms are found by evaluating the same loss on each element (or row) alone:
/// through the engine's `Loss` API for built-ins, through the interpreter for the learner's
/// functions. The terms are only shown when they really add up to the loss (as a mean or a
/// sum), so a loss that does not split (rmse, softmax over a vector) is never misexplained.
struct LossReportBuilder {
  let interpreter: Interpreter
  let call: LossCall
  /// The call's arguments as parsed, to re-run the call on slices.
  let arguments: [CallArgument]
  /// The line the call came from (argument ranges index into it).
  let source: String
  let expression: Expression
  /// The one-hot rows of a class-index target (`cce(p, 2)`, `cce_logits(Z, [1, 3, 2])`), as the
  /// loss reads it; nil for any other target. Such a report has one row per example.
  let classRows: Tensor?

  init(
    interpreter: Interpreter, call: LossCall, arguments: [CallArgument], source: String,
    expression: Expression
  ) {
    self.interpreter = interpreter
    self.call = call
    self.arguments = arguments
    self.source = source
    self.expression = expression
    classRows = Self.classRows(of: call, loss: Self.builtinLoss(call, arguments, interpreter))
  }

  /// Predictions with more elements than this are not split through the interpreter.
  static let interpretedSliceLimit = 2_000
  /// Nor through the engine past this many.
  static let engineSliceLimit = 200_000
  /// Predictions up to this many elements show every row.
  static let fullTableLimit = 12

  /// The report, or nil when the call's value is not a single number.
  func build(value: Value) -> LossReport? {
    guard let tensor = value.tensor, tensor.count == 1, let loss = tensor.scalarValue else {
      return nil
    }
    let prediction = call.prediction
    let breakdown = prediction.count > 1 ? makeBreakdown(loss: loss) : nil
    var reading = breakdown.map(makeReading) ?? singleReading()
    var notes: [String] = []
    if let clip = clipFinding() {
      // The zero slope is the clip's doing, not a flat loss: say so instead of "no direction".
      notes.append(clip)
      if let old = reading, old.direction == .stay {
        reading = Reading(
          focus: old.focus, basis: old.basis, error: old.error, slope: old.slope, direction: nil)
      }
    }
    let inputs = [prediction] + (call.target.map { [$0] } ?? [])
    if let note = NonFiniteExplainer.explain(
      [tensor], subject: "the loss", expression: expression, scope: interpreter.scope,
      inputs: inputs)
    {
      notes.append(note)
    } else if let gradient = call.gradient,
      let note = NonFiniteExplainer.explain(
        [gradient], subject: "the gradient", expression: expression, scope: interpreter.scope,
        inputs: inputs)
    {
      notes.append(note)
    }
    if !call.isBuiltin { notes += directionFindings(reading: reading, away: breakdown?.away) }
    return LossReport(
      function: call.function, isBuiltin: call.isBuiltin, predictionName: predictionName,
      value: loss,
      prediction: prediction, target: call.target, gradient: call.gradient,
      breakdown: breakdown?.breakdown,
      reading: reading, notes: notes)
  }

  // MARK: Names and alignment

  var predictionName: String {
    if call.isBuiltin { return BuiltinLibrary.named(call.function)?.parameters.first?.name ?? "p" }
    return interpreter.scope.functions[call.function]?.parameters.first ?? "x"
  }

  /// "Too high by 0.4" only makes sense when the prediction is on the target's scale: for the
  /// learner's functions, and for built-ins whose first argument is `p` (not logits `z` or
  /// scores `s`).
  private var errorIsMeaningful: Bool { !call.isBuiltin || predictionName == "p" }

  /// The target's element i, when the target is a scalar or has the prediction's shape (a
  /// class-index target's one-hot rows have it).
  private func targetElement(_ i: Int) -> Double? {
    if let classRows { return i < classRows.count ? classRows.storage[i] : nil }
    guard let target = call.target else { return nil }
    if target.count == 1 { return target.storage.first }
    guard target.shape == call.prediction.shape, i < target.count else { return nil }
    return target.storage[i]
  }

  // MARK: Clipping

  /// "p = 0 was clipped to 1e-15: …" when a probability loss clipped a prediction that the
  /// target calls impossible, which caps the loss and zeroes that element's slope.
  private func clipFinding() -> String? {
    guard call.isBuiltin, ["bce", "cce", "focal"].contains(call.function) else { return nil }
    let lower = ProbabilityClipping.lowerBound
    var found: (p: Double, low: Bool)?
    var count = 0
    for (i, p) in call.prediction.storage.enumerated() {
      guard let low = clippedLow(i) else { continue }
      count += 1
      if found == nil { found = (p, low) }
    }
    guard let found else { return nil }
    let bound = found.low ? ValueFormatter.number(lower) : "1 - \(ValueFormatter.number(lower))"
    let cap = ValueFormatter.number(ProbabilityClipping.largestTerm, significantDigits: 3)
    let others = count > 1 ? " (and \(count - 1) more like it)" : ""
    return
      "\(predictionName) = \(ValueFormatter.number(found.p)) was clipped to \(bound)\(others): the loss is capped at \(cap) per element and the clip hides the slope; the true loss is infinite"
  }

  /// Whether element `i` is a probability clipped at a bound its target calls impossible (true:
  /// at the lower bound), so that its zero slope is the clip's doing; nil when it is not.
  private func clippedLow(_ i: Int) -> Bool? {
    guard call.isBuiltin, ["bce", "cce", "focal"].contains(call.function),
      let gradient = call.gradient?.storage, gradient.count == call.prediction.count,
      i < gradient.count, gradient[i] == 0, let y = targetElement(i)
    else { return nil }
    let p = call.prediction.storage[i]
    if p < ProbabilityClipping.lowerBound && y != 0 { return true }
    if call.function != "cce", p > ProbabilityClipping.upperBound, y != 1 { return false }
    return nil
  }

  // MARK: Single prediction

  private func singleReading() -> Reading? {
    guard let slope = call.gradient?.storage.first else { return nil }
    let p = call.prediction.storage.first
    var error: Double?
    if errorIsMeaningful, let p, let y = targetElement(0) { error = p - y }
    return Reading(
      focus: .whole, basis: .only, error: error, slope: slope, direction: Direction(slope: slope))
  }

  // MARK: Breakdown

  private struct Built {
    let breakdown: Breakdown
    /// The row that matters most (also among those shown), and why.
    let focus: (row: BreakdownRow, basis: Reading.Basis)?
    /// Every term is 0.
    let allOnTarget: Bool
    /// Elements whose slope points away from their target: how many, and the first.
    let away: (count: Int, first: Int)
  }

  /// Scans the prediction once; only the rows shown are materialised, so a million elements
  /// cost a pass over their numbers, not a million row objects.
  private func makeBreakdown(loss: Double) -> Built {
    let prediction = call.prediction
    let unit: Breakdown.Unit = prediction.rank == 2 || classRows != nil ? .row : .element
    let width = unit == .row ? prediction.columns : 1
    let count = prediction.count / max(width, 1)
    let terms = splitTerms(unit: unit, count: count, width: width)
    let combination = terms.flatMap { reduction(of: $0, matching: loss) }
    let validTerms = combination == nil ? nil : terms
    let focus = focusIndex(terms: validTerms, count: count, width: width)
    var shown =
      count <= Self.fullTableLimit ? Set(0..<count) : Set(0..<5).union((count - 3)..<count)
    if let focus { shown.insert(focus.index) }
    let rows = shown.sorted().map {
      row($0, unit: unit, width: width, count: count, terms: validTerms)
    }
    let focusRow = focus.flatMap { focus in
      rows.first { $0.index == focus.index + 1 }.map { ($0, focus.basis) }
    }
    return Built(
      breakdown: Breakdown(
        unit: unit, count: count, reduction: combination, rows: rows,
        largestTerm: validTerms?.max { magnitude($0) < magnitude($1) }),
      focus: focusRow, allOnTarget: validTerms?.allSatisfy { $0 == 0 } ?? false,
      away: unit == .element ? pointingAway(count: count) : (0, 0))
  }

  /// Row `i` (0-based) of the breakdown.
  private func row(_ i: Int, unit: Breakdown.Unit, width: Int, count: Int, terms: [Double]?)
    -> BreakdownRow
  {
    let prediction = call.prediction
    let slice = (i * width)..<((i + 1) * width)
    var y: [Double]?
    var trueClass: BreakdownRow.TrueClass?
    if let target = call.target, classRows != nil {
      let label = target.storage[target.count == 1 ? 0 : i]
      y = [label]
      trueClass = self.trueClass(Int(label), row: Array(prediction.storage[slice]), term: terms?[i])
    } else if let target = call.target {
      if target.count == 1 {
        y = Array(repeating: target.storage[0], count: width)
      } else if target.shape == prediction.shape {
        y = Array(target.storage[slice])
      } else if unit == .row, target.rank == 1, target.count == count {
        y = [target.storage[i]]
      }
    }
    var error: Double?
    if unit == .element, errorIsMeaningful, let yi = targetElement(i) {
      error = prediction.storage[i] - yi
    }
    var shown = BreakdownRow(
      index: i + 1, prediction: Array(prediction.storage[slice]), target: y, term: terms?[i],
      slope: call.gradient.flatMap {
        $0.count == prediction.count ? Array($0.storage[slice]) : nil
      }, error: error, isClipped: unit == .element && clippedLow(i) != nil)
    shown.trueClass = trueClass
    return shown
  }

  /// Orders non-finite terms above every finite one.
  private func magnitude(_ x: Double) -> Double { x.isNaN ? .infinity : x }

  /// The 0-based row that matters most: the largest positive term, else the steepest slope.
  private func focusIndex(terms: [Double]?, count: Int, width: Int) -> (
    index: Int, basis: Reading.Basis
  )? {
    if let terms, let best = terms.indices.max(by: { magnitude(terms[$0]) < magnitude(terms[$1]) }),
      magnitude(terms[best]) > 0
    {
      return (best, .largestTerm(terms[best]))
    }
    guard let gradient = call.gradient?.storage, gradient.count == count * width else { return nil }
    var best: (index: Int, steepness: Double)?
    for i in 0..<count {
      var steepness = 0.0
      for k in (i * width)..<((i + 1) * width) { steepness += gradient[k] * gradient[k] }
      if steepness > (best?.steepness ?? 0) { best = (i, steepness) }
    }
    // A flat slope everywhere gives nothing to point at.
    return best.map { ($0.index, .steepestSlope) }
  }

  /// The reading for the row that matters most, or "all on target" when every term is 0.
  private func makeReading(_ built: Built) -> Reading? {
    if built.allOnTarget {
      return Reading(focus: .allOnTarget, basis: .only, error: nil, slope: nil, direction: nil)
    }
    guard let (row, basis) = built.focus else { return nil }
    let slope = row.slope?.count == 1 ? row.slope?.first : nil
    return Reading(
      focus: built.breakdown.unit == .row ? .row(row.index) : .element(row.index), basis: basis,
      error: row.error,
      slope: slope, direction: row.direction)
  }

  /// Elements whose slope has the opposite sign to their error, and the first (1-based).
  private func pointingAway(count: Int) -> (count: Int, first: Int) {
    guard errorIsMeaningful, let gradient = call.gradient?.storage, gradient.count == count else {
      return (0, 0)
    }
    var found = (count: 0, first: 0)
    for i in 0..<count {
      guard let y = targetElement(i) else { return (0, 0) }
      let error = call.prediction.storage[i] - y
      let slope = gradient[i]
      if error != 0, slope != 0, (error > 0) != (slope > 0) {
        if found.count == 0 { found.first = i + 1 }
        found.count += 1
      }
    }
    return found
  }

  /// How the terms combine into the loss, or nil when they do not reproduce it.
  private func reduction(of terms: [Double], matching loss: Double) -> Breakdown.Reduction? {
    guard !terms.isEmpty else { return nil }
    if terms.contains(where: { !$0.isFinite }) {
      return loss.isFinite ? nil : .mean
    }
    let sum = terms.reduce(0, +)
    if isClose(sum / Double(terms.count), loss) { return .mean }
    if isClose(sum, loss) { return .sum }
    return nil
  }

  private func isClose(_ a: Double, _ b: Double) -> Bool {
    Swift.abs(a - b) <= 1e-9 + 1e-7 * Swift.max(Swift.abs(a), Swift.abs(b))
  }

  // MARK: Per-element terms

  /// The loss of each element (or row) alone, or nil when the call cannot be re-run on slices.
  private func splitTerms(unit: Breakdown.Unit, count: Int, width: Int) -> [Double]? {
    guard let evaluate = sliceEvaluator(count: count) else { return nil }
    let prediction = call.prediction
    var terms: [Double] = []
    terms.reserveCapacity(count)
    for i in 0..<count {
      if i % 1024 == 1023, interpreter.isInterrupted() { return nil }
      let slice = (i * width)..<((i + 1) * width)
      let p: Tensor
      if unit == .row {
        guard let row = try? Tensor(vector: Array(prediction.storage[slice])) else { return nil }
        p = row
      } else {
        p = Tensor(scalar: prediction.storage[i])
      }
      var y: Tensor?
      if let target = call.target {
        if target.count == 1 {
          y = Tensor(scalar: target.storage[0])
        } else if target.shape == prediction.shape {
          y =
            unit == .row
            ? try? Tensor(vector: Array(target.storage[slice])) : Tensor(scalar: target.storage[i])
        } else if unit == .row, target.rank == 1, target.count == count {
          y = Tensor(scalar: target.storage[i])
        } else {
          return nil
        }
        if y == nil { return nil }
      }
      guard let term = evaluate(p, y) else { return nil }
      terms.append(term)
    }
    return terms
  }

  /// A function computing the loss of one slice, through the engine for built-ins and the
  /// interpreter for the learner's functions.
  private func sliceEvaluator(count: Int) -> ((Tensor, Tensor?) -> Double?)? {
    if call.isBuiltin, count <= Self.engineSliceLimit, let loss = builtinLoss() {
      return { p, y in
        guard let y, let target = try? loss.preparedTarget(prediction: p, target: y) else {
          return nil
        }
        return try? loss.evaluate(prediction: p, target: target, wantGradient: false).value
      }
    }
    guard count <= Self.interpretedSliceLimit, let expression = sliceCall() else { return nil }
    let hasTarget = call.target != nil
    var scratch = interpreter
    return { p, y in
      scratch.scope.set(Self.predictionSlot, .tensor(p))
      if hasTarget {
        guard let y else { return nil }
        scratch.scope.set(Self.targetSlot, .tensor(y))
      }
      guard let value = try? scratch.evaluate(expression), let tensor = value.tensor,
        tensor.count == 1
      else {
        return nil
      }
      return tensor.scalarValue
    }
  }

  static let predictionSlot = "__losslab_prediction"
  static let targetSlot = "__losslab_target"

  /// The built-in loss with the call's options (`delta=2`), bound as the language binds them.
  private func builtinLoss() -> (any Loss)? {
    Self.builtinLoss(call, arguments, interpreter)
  }

  private static func builtinLoss(
    _ call: LossCall, _ arguments: [CallArgument], _ interpreter: Interpreter
  ) -> (any Loss)? {
    guard call.isBuiltin, let descriptor = LossCatalog.descriptor(named: call.function),
      arguments.count >= 2, arguments[0].label == nil, arguments[1].label == nil
    else { return nil }
    var options = descriptor.options.map(\.defaultValue)
    for (position, argument) in arguments.dropFirst(2).enumerated() {
      let slot: Int
      if let label = argument.label {
        guard let named = descriptor.options.firstIndex(where: { $0.name == label }) else {
          return nil
        }
        slot = named
      } else {
        slot = position
      }
      guard slot < options.count, let number = (try? interpreter.evaluate(argument.value))?.scalar
      else { return nil }
      options[slot] = number
    }
    return try? descriptor.make(options)
  }

  /// The same call with the prediction and target replaced by slots holding one slice.
  private func sliceCall() -> Expression? {
    let hasTarget = call.target != nil
    let replaced = hasTarget ? 2 : 1
    guard arguments.count >= replaced, arguments.prefix(replaced).allSatisfy({ $0.label == nil })
    else { return nil }
    let scalars = Array(source.unicodeScalars)
    func text(_ argument: CallArgument) -> String? {
      let start = argument.labelRange?.start ?? argument.value.range.start
      let end = argument.value.range.end
      guard start >= 0, start < end, end <= scalars.count else { return nil }
      return String(String.UnicodeScalarView(scalars[start..<end]))
    }
    var parts = [Self.predictionSlot] + (hasTarget ? [Self.targetSlot] : [])
    for argument in arguments.dropFirst(replaced) {
      guard let part = text(argument) else { return nil }
      parts.append(part)
    }
    return try? Parser.parseExpression("\(call.function)(\(parts.joined(separator: ", ")))")
  }

  // MARK: Findings

  /// For the learner's own losses: a slope that points away from the target is worth saying.
  private func directionFindings(reading: Reading?, away: (count: Int, first: Int)?) -> [String] {
    let p = predictionName
    let advice =
      "\(call.function) gets smaller as \(p) moves away from it — check the signs in your formula"
    guard let away else {
      guard let reading, reading.pointsAway else { return [] }
      return ["the slope points away from the target: \(advice)"]
    }
    guard away.count > 0 else { return [] }
    let which =
      away.count == 1
      ? "element \(away.first)" : "\(away.count) elements (the first is element \(away.first))"
    return ["for \(which) the slope points away from the target: \(advice)"]
  }
}
