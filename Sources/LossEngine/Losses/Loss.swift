/// A loss function: compares a prediction with a target and says how wrong it is.
///
/// Every loss reduces by the mean over elements (over rows for the categorical ones) and its
/// gradients include the 1/n, matching PyTorch `reduction='mean'` and Keras
/// `sum_over_batch_size` (the README's "Using it" section lists the conventions).
public protocol Loss: Sendable {
  /// The name learners type (`mse`, `huber`, …).
  static var name: String { get }

  /// The loss, and when `wantGradient` is true ∂L/∂p in p's shape, in one fused pass.
  ///
  /// `target` has already been broadcast to the prediction's shape when it was a scalar.
  func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)

  /// ∂L/∂y, in the target's (broadcast) shape, or an error when y is a label with no slope.
  func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor

  /// Checks the shapes of p and y and returns y in p's shape.
  ///
  /// The default (below) broadcasts a scalar target; a loss for which that makes no sense
  /// (`cce`: one label cannot describe a row of classes) requires equal shapes instead.
  func preparedTarget(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor

  /// True when `target` holds class indices, which ``preparedTarget(prediction:target:)`` turns
  /// into one-hot rows: labels, with no slope (the default: false).
  func takesClassIndices(prediction: Tensor, target: Tensor) -> Bool
}

extension Loss {
  public var name: String { Self.name }

  public func takesClassIndices(prediction: Tensor, target: Tensor) -> Bool { false }

  /// Checks shapes and broadcasts a scalar target over the prediction.
  ///
  /// Losses require equal shapes, so `mse([1, 2, 3], [1, 2])` is an error rather than a silent
  /// N×N broadcast (a PyTorch pitfall).
  public func preparedTarget(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    guard prediction.count > 0 else { throw .emptyInput(operation: name) }
    if prediction.shape == target.shape { return target }
    if target.isScalar {
      return try Tensor(repeating: target.storage[0], shape: prediction.shape)
    }
    throw .lossShapeMismatch(loss: name, prediction: prediction.shape, target: target.shape)
  }

  /// One fused pass: `term(p, y)` returns (loss term, ∂term/∂p); the result is their mean.
  @inline(__always)
  func meanOfTerms(
    _ prediction: Tensor, _ target: Tensor, wantGradient: Bool,
    _ term: (Double, Double) -> (Double, Double)
  ) -> (value: Double, gradient: Tensor?) {
    averageOfTerms(
      prediction, target, over: Double(prediction.count), wantGradient: wantGradient, term)
  }

  /// ``meanOfTerms(_:_:wantGradient:_:)`` with another divisor: `Σ term / divisor`, and each
  /// slope divided by it too (the categorical losses average over rows, not elements).
  ///
  /// The value is the correctly rounded quotient of the sum, so exact cases stay exact
  /// (`mse` of the house prices is 1e9, not 1e9 − 1 ulp); slopes multiply by the reciprocal.
  @inline(__always)
  func averageOfTerms(
    _ prediction: Tensor, _ target: Tensor, over divisor: Double, wantGradient: Bool,
    _ term: (Double, Double) -> (Double, Double)
  ) -> (value: Double, gradient: Tensor?) {
    let n = prediction.count
    let scale = 1 / divisor
    precondition(target.count == n, "the target must be prepared to the prediction's shape")
    return prediction.storage.withUnsafeBufferPointer { p in
      target.storage.withUnsafeBufferPointer { y in
        guard wantGradient else {
          let total = Summation.sum(count: n) { term(p[$0], y[$0]).0 }
          return (total / divisor, nil)
        }
        var total = 0.0
        let gradient = [Double](unsafeUninitializedCapacity: n) { g, initialized in
          total = Summation.sum(count: n) { i in
            let (value, slope) = term(p[i], y[i])
            g[i] = slope * scale
            return value
          }
          initialized = n
        }
        return (total / divisor, Tensor(uncheckedShape: prediction.shape, storage: gradient))
      }
    }
  }

  /// ∂L/∂y from a per-element slope, scaled by 1/n.
  @inline(__always)
  func meanSlopes(_ prediction: Tensor, _ target: Tensor, _ slope: (Double, Double) -> Double)
    -> Tensor
  {
    scaledSlopes(prediction, target, scale: 1 / Double(prediction.count), slope)
  }

  /// ∂L/∂y from a per-element slope, scaled by `scale`.
  @inline(__always)
  func scaledSlopes(
    _ prediction: Tensor, _ target: Tensor, scale: Double, _ slope: (Double, Double) -> Double
  ) -> Tensor {
    precondition(target.count == prediction.count, "the target must be prepared first")
    let out = [Double](unsafeUninitializedCapacity: prediction.count) { g, initialized in
      prediction.storage.withUnsafeBufferPointer { p in
        target.storage.withUnsafeBufferPointer { y in
          for i in 0..<p.count { g[i] = slope(p[i], y[i]) * scale }
        }
      }
      initialized = prediction.count
    }
    return Tensor(uncheckedShape: target.shape, storage: out)
  }
}

extension Tape {
  /// Records `loss(prediction, target)` as one node. The gradient with respect to the
  /// prediction is computed in the same pass as the value when anything needs it.
  public func loss(_ loss: any Loss, prediction: Variable, target: Variable) throws(EngineError)
    -> Variable
  {
    let p = value(prediction)
    let given = value(target)
    let y = try loss.preparedTarget(prediction: p, target: given)
    let classIndices = loss.takesClassIndices(prediction: p, target: given)
    let wantGradient = needsGradient(prediction)
    let (result, gradient) = try loss.evaluate(prediction: p, target: y, wantGradient: wantGradient)
    // The overflow rule of every op: finite inputs that give an infinite loss are an error, not
    // an `inf` with a slope that means nothing. (A scalar check; the scans run only then.)
    if result.isInfinite, !p.containsInfinity, !y.containsInfinity {
      throw .overflow(operation: loss.name)
    }
    return try record(Tensor(scalar: result), parents: [prediction, target], label: loss.name) {
      g, needed throws(EngineError) in
      // ∂/∂p = g·∇ₚloss(p, y), ∂/∂y = g·∇ᵧloss(p, y) (both from the loss's own kernels).
      let upstream = g.storage[0]
      var out: [Tensor?] = [nil, nil]
      if needed[0], let gradient {
        out[0] = upstream == 1 ? gradient : gradient.map { $0 * upstream }
      }
      if needed[1], classIndices {
        // Class indices are labels: like PyTorch's integer targets, they have no slope.
        out[1] = Tensor(
          uncheckedShape: given.shape, storage: Tensor.filledStorage(0, count: given.count))
      } else if needed[1] {
        out[1] = try loss.targetGradient(prediction: p, target: y).map { $0 * upstream }
      }
      return out
    }
  }
}
