/// Checks for losses that accept only some values (probabilities, labels), with messages that
/// say which element was wrong, 1-based as learners count, and what it held.
extension Loss {
  /// `target` unchanged when it has the prediction's shape (and is not empty or one number),
  /// else an error: for the categorical losses, where broadcasting one label over a row means
  /// nothing and one number is not a row of classes.
  func requireEqualShapes(_ prediction: Tensor, _ target: Tensor) throws(EngineError) -> Tensor {
    guard prediction.count > 0 else { throw .emptyInput(operation: name) }
    guard !prediction.isScalar else {
      let argument = LossCatalog.descriptor(named: name)?.predictionName ?? "p"
      throw .invalidArgument(
        operation: name,
        message:
          "\(argument) must be one row of classes per example (a vector or a matrix), not one number; for one yes/no probability use bce"
      )
    }
    guard prediction.shape == target.shape else {
      throw .lossShapeMismatch(loss: name, prediction: prediction.shape, target: target.shape)
    }
    return target
  }

  /// True when `target` holds class indices for `prediction`'s rows: a vector with one label per
  /// row of a matrix, or one label for a vector (PyTorch's `CrossEntropyLoss` with class-index
  /// targets). The categorical losses read them as one-hot rows (``requireLabels(_:_:)``).
  func holdsClassIndices(_ prediction: Tensor, _ target: Tensor) -> Bool {
    (prediction.rank == 2 && target.rank == 1 && target.count == prediction.shape[0])
      || (prediction.rank == 1 && target.isScalar)
  }

  /// For the categorical losses: `target` in the prediction's shape, or class indices 1…classes
  /// made into one-hot rows.
  func requireLabels(_ prediction: Tensor, _ target: Tensor) throws(EngineError) -> Tensor {
    guard prediction.count > 0, holdsClassIndices(prediction, target) else {
      return try requireEqualShapes(prediction, target)
    }
    return try Tensor.oneHot(target, classes: prediction.columns, operation: name)
  }

  /// Throws ``EngineError/invalidArgument(operation:message:)`` for the first element of
  /// `values` that `isAccepted` refuses; does nothing when every element passes.
  ///
  /// The element-wise losses check inside their fused pass and call this only to word the
  /// error, so the common, valid case pays for a comparison per element, not a second pass.
  func requireEvery(
    _ values: Tensor, named argument: String, toBe expectation: String, hint: String? = nil,
    _ isAccepted: (Double) -> Bool
  ) throws(EngineError) {
    guard let index = values.storage.firstIndex(where: { !isAccepted($0) }) else { return }
    let position = describePosition(index, in: values.shape)
    var message =
      "\(argument) must be \(expectation), but \(position) is \(describeNumber(values.storage[index]))"
    if let hint { message += "; \(hint)" }
    throw .invalidArgument(operation: name, message: message)
  }
}

/// `element 3`, `row 2, column 1`, or `it` for a scalar (positions are 1-based).
func describePosition(_ index: Int, in shape: [Int]) -> String {
  switch shape.count {
  case 0: return "it"
  case 1: return "element \(index + 1)"
  default:
    let columns = Swift.max(shape[1], 1)
    return "the element in row \(index / columns + 1), column \(index % columns + 1)"
  }
}

/// A number as a learner would write it: `2` rather than `2.0`, `0.5`, `nan`. The engine has no
/// dependencies, so it cannot use `LossLanguage`'s `ValueFormatter` (the one formatter everything
/// else uses); this stand-in for the few numbers quoted inside engine messages stays until those
/// messages carry the number and `LossLanguage` words them.
func describeNumber(_ value: Double) -> String {
  if value.isFinite, value == value.rounded(), Swift.abs(value) < 1e15 {
    return String(Int64(value))
  }
  return String(value)
}

/// True for a probability (or a soft label): 0 ≤ x ≤ 1, which also refuses NaN.
@inline(__always)
func isProbability(_ x: Double) -> Bool { x >= 0 && x <= 1 }
