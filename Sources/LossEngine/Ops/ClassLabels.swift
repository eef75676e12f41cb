/// Class labels as learners write them: whole numbers 1…classes (as `blobs` gives them, and
/// 1-based like every index here). None of these is differentiable: they make or read labels.
extension Tensor {
  /// The first element that is not a class index in 1…`classes`, 0-based, or nil.
  public func firstNonClassIndex(classes: Int) -> Int? {
    let upper = Double(classes)
    return storage.firstIndex { !($0 >= 1 && $0 <= upper && $0 == $0.rounded()) }
  }

  /// `one_hot(labels, classes)`: a row of `classes` zeros with a 1 at each label (a vector for
  /// one label, a matrix with one row per label of a vector).
  public static func oneHot(_ labels: Tensor, classes: Int, operation: String = "one_hot")
    throws(EngineError) -> Tensor
  {
    guard labels.rank <= 1 else { throw .unsupportedShape(labels.shape) }
    guard classes >= 1 else { throw .emptyInput(operation: operation) }
    if let bad = labels.firstNonClassIndex(classes: classes) {
      throw .classIndex(
        operation: operation, element: labels.isScalar ? nil : bad + 1,
        value: labels.storage[bad], classes: classes)
    }
    let shape = labels.isScalar ? [classes] : [labels.count, classes]
    let count = try Tensor.elementCount(of: shape)
    var out = Tensor.filledStorage(0, count: count)
    out.withUnsafeMutableBufferPointer { sink in
      for (row, label) in labels.storage.enumerated() { sink[row * classes + Int(label) - 1] = 1 }
    }
    return Tensor(uncheckedShape: shape, storage: out)
  }

  /// `argmax`: the 1-based position of the largest element (the first of equals; NaN counts as
  /// largest, as in numpy) of a vector, or of each row (`axis` columns) or column (`axis` rows)
  /// of a matrix.
  public func argmax(axis: Tape.Axis?) throws(EngineError) -> Tensor {
    guard count > 0 else { throw .emptyInput(operation: "argmax") }
    func best(_ start: Int, _ n: Int, _ stride: Int) -> Double {
      var chosen = 0
      var top = storage[start]
      for k in 1..<Swift.max(n, 1) {
        let v = storage[start + k * stride]
        if !top.isNaN && (v > top || v.isNaN) {
          top = v
          chosen = k
        }
      }
      return Double(chosen + 1)
    }
    switch (rank, axis) {
    case (1, nil), (1, .rows?): return Tensor(scalar: best(0, count, 1))
    case (2, .columns?):
      guard shape[1] > 0 else { throw .emptyInput(operation: "argmax") }
      return Tensor(
        uncheckedShape: [shape[0]], storage: (0..<shape[0]).map { best($0 * shape[1], shape[1], 1) }
      )
    case (2, .rows?):
      guard shape[0] > 0 else { throw .emptyInput(operation: "argmax") }
      return Tensor(
        uncheckedShape: [shape[1]], storage: (0..<shape[1]).map { best($0, shape[0], shape[1]) })
    default:
      throw .invalidArgument(
        operation: "argmax", message: "shape \(shapeDescription) needs an axis it has")
    }
  }

  /// `accuracy(pred, labels)`: the fraction of positions where they are equal; a matrix of
  /// scores (one row per example) against a vector of class indices is read through
  /// `argmax(pred, axis=1)` first, as PyTorch users compute it from logits.
  public static func accuracy(_ prediction: Tensor, _ labels: Tensor) throws(EngineError)
    -> Tensor
  {
    let predicted: Tensor
    if prediction.rank == 2, labels.rank == 1, labels.count == prediction.shape[0] {
      predicted = try prediction.argmax(axis: .columns)
    } else {
      predicted = prediction
    }
    guard predicted.shape == labels.shape else {
      throw .lossShapeMismatch(loss: "accuracy", prediction: prediction.shape, target: labels.shape)
    }
    guard predicted.count > 0 else { throw .emptyInput(operation: "accuracy") }
    let hits = Summation.sum(count: predicted.count) {
      predicted.storage[$0] == labels.storage[$0] ? 1 : 0
    }
    return Tensor(scalar: hits / Double(predicted.count))
  }
}
