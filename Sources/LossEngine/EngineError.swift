/// Errors the engine raises for inputs it cannot compute with.
///
/// Each case carries what is needed to say what was wrong and what was expected; the
/// language layer adds where (a column) and renders the message.
public enum EngineError: Error, Equatable, Sendable {
  case unsupportedShape([Int])
  case storageMismatch(shape: [Int], count: Int)
  case raggedMatrix
  case tooLarge([Int])
  /// Two operands that cannot broadcast together.
  case incompatibleShapes(operation: String, [Int], [Int])
  /// `@` whose inner sizes differ: the left side's columns against the right side's rows.
  case matrixProductMismatch(left: [Int], right: [Int])
  /// A loss whose prediction and target must have equal shapes.
  case lossShapeMismatch(loss: String, prediction: [Int], target: [Int])
  case emptyInput(operation: String)
  /// A value outside the domain an operation accepts (e.g. a hinge label of 2).
  case invalidArgument(operation: String, message: String)
  case divisionByZero
  /// Finite operands produced an infinite result.
  case overflow(operation: String)
  /// `0 ^ b` for a negative `b`: a pole (1 / 0), not a number too large.
  case zeroToNegativePower
  case tapeTooLarge(limit: Int)
  /// One evaluation would hold more than `bytes` of values at once (see `MemoryBudget`).
  case memoryBudgetExceeded(bytes: Int)
  case interrupted
  case notDifferentiable(operation: String, message: String)
  /// A class label that is not a whole number in 1…classes (`element` is 1-based; nil for a
  /// single label).
  case classIndex(operation: String, element: Int?, value: Double, classes: Int)

  /// One sentence saying what was wrong and what was expected.
  public var message: String {
    switch self {
    case .unsupportedShape(let shape):
      return "tensors have at most 2 dimensions, got shape \(Tensor.shapeDescription(shape))"
    case .storageMismatch(let shape, let count):
      return
        "shape \(Tensor.shapeDescription(shape)) needs \(shape.reduce(1, *)) elements, got \(count)"
    case .raggedMatrix:
      return "every row of a matrix must have the same length"
    case .tooLarge(let shape):
      return
        "shape \(Tensor.shapeDescription(shape)) is too large: at most \(Tensor.maxElementCount.formatted) elements fit in one value"
    case .incompatibleShapes(let operation, let a, let b):
      return
        "\(operation) cannot combine shapes \(Tensor.shapeDescription(a)) and \(Tensor.shapeDescription(b)): sizes must match, or one side must be a scalar or a row that fits"
    case .matrixProductMismatch(let left, let right):
      let columns = left.count == 2 ? left[1] : left.first ?? 0
      let rows = right.first ?? 0
      let leftName = left.count == 2 ? "the left matrix" : "the left vector"
      let rightName = right.count == 2 ? "the right matrix" : "the right vector"
      return
        "@ needs \(leftName)'s \(plural(columns, left.count == 2 ? "column" : "element")) to match \(rightName)'s \(plural(rows, right.count == 2 ? "row" : "element")): shapes \(Tensor.shapeDescription(left)) and \(Tensor.shapeDescription(right)); transpose one side?"
    case .lossShapeMismatch(let loss, let p, let y):
      let prediction = LossCatalog.descriptor(named: loss)?.predictionName ?? "p"
      return
        "\(loss) expects \(prediction) and y of the same shape, got \(Tensor.shapeDescription(p)) and \(Tensor.shapeDescription(y))"
    case .emptyInput(let operation):
      return "\(operation) needs at least one element, got an empty value"
    case .invalidArgument(let operation, let message):
      return "\(operation): \(message)"
    case .divisionByZero:
      return "division by zero"
    case .overflow(let operation):
      return "\(operation) overflowed: the result is too large for a double (about 1.8e308)"
    case .zeroToNegativePower:
      return "0 to a negative power is 1 divided by 0 (0 ^ -1 = 1 / 0): a division by zero"
    case .tapeTooLarge(let limit):
      return "this expression needs more than \(limit.formatted) operations; it was stopped"
    case .memoryBudgetExceeded(let bytes):
      return
        "this line holds more than \(bytes >> 30) GiB of numbers at once, the limit for one evaluation; use fewer or smaller values (e.g. fewer points in linspace), or compute the parts on separate lines"
    case .interrupted:
      return "interrupted"
    case .notDifferentiable(let operation, let message):
      return "\(operation) is not differentiable here: \(message)"
    case .classIndex(let operation, let element, let value, let classes):
      let which = element.map { "element \($0)" } ?? "the label"
      let hint = value == 0 ? " (classes count from 1 here, not from 0)" : ""
      return
        "\(operation): class labels are whole numbers from 1 to \(classes), but \(which) is \(describeNumber(value))\(hint)"
    }
  }
}

/// `"1 row"`, `"3 rows"`.
private func plural(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}

extension Int {
  /// Digits grouped by commas (`10,000,000`). Only for the engine's own limits in its messages:
  /// the engine cannot depend on `LossLanguage`, whose `ValueFormatter.groupingThousands` is the
  /// grouping everything else uses.
  var formatted: String {
    let digits = String(self.magnitude)
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return self < 0 ? "-" + out : out
  }
}
