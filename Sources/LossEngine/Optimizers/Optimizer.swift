/// Turns the gradient of a loss into one update of the parameters.
///
/// Each optimizer follows PyTorch's documented update (no weight decay, no dampening), with the
/// same arithmetic, operation by operation, as a plain float64 numpy loop, so that a training
/// curve can be checked against one to 1e-9. State (velocities, averages, the step count) lives
/// in the value, one buffer per parameter, created on the first step.
public protocol Optimizer: Sendable {
  /// Updates `parameters` in place; `gradients[i]` is ∂loss/∂`parameters[i]` (same shape).
  mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws(EngineError)
}

/// The optimizers by name, as `train(..., optimizer="adam")` spells them.
public enum OptimizerKind: String, CaseIterable, Sendable {
  case sgd, momentum, nesterov, rmsprop, adam

  /// A fresh optimizer of this kind (its state empty) stepping with `learningRate`.
  public func make(learningRate: Double) -> any Optimizer {
    switch self {
    case .sgd: return StochasticGradientDescent(learningRate: learningRate)
    case .momentum: return Momentum(learningRate: learningRate, nesterov: false)
    case .nesterov: return Momentum(learningRate: learningRate, nesterov: true)
    case .rmsprop: return RMSProp(learningRate: learningRate)
    case .adam: return Adam(learningRate: learningRate)
    }
  }

  /// One line for `help train`: the update rule.
  public var rule: String {
    switch self {
    case .sgd: return "w ← w − lr·g"
    case .momentum: return "v ← g (first step), then v ← 0.9·v + g; w ← w − lr·v"
    case .nesterov: return "v as in momentum; w ← w − lr·(g + 0.9·v)"
    case .rmsprop: return "s ← 0.99·s + 0.01·g²; w ← w − lr·g / (√s + 1e-8)"
    case .adam:
      return "m ← 0.9·m + 0.1·g; v ← 0.999·v + 0.001·g²; w ← w − lr·m̂ / (√v̂ + 1e-8), bias-corrected"
    }
  }
}

extension Optimizer {
  /// Checks that every gradient has the shape of its parameter.
  static func checkShapes(_ parameters: [Tensor], _ gradients: [Tensor], operation: String)
    throws(EngineError)
  {
    guard parameters.count == gradients.count else {
      throw .invalidArgument(
        operation: operation,
        message: "\(parameters.count) parameters but \(gradients.count) gradients")
    }
    for (p, g) in zip(parameters, gradients) where p.shape != g.shape {
      throw .incompatibleShapes(operation: operation, p.shape, g.shape)
    }
  }
}

extension Tensor {
  /// Calls `body` with this tensor's elements, the gradient's, and one state buffer per
  /// element-wise state, all as contiguous buffers (no per-element allocation).
  mutating func update(
    with gradient: Tensor, state: inout [Double],
    _ body: (
      UnsafeMutableBufferPointer<Double>, UnsafeBufferPointer<Double>,
      UnsafeMutableBufferPointer<Double>
    ) -> Void
  ) {
    if state.count != storage.count { state = [Double](repeating: 0, count: storage.count) }
    storage.withUnsafeMutableBufferPointer { w in
      gradient.storage.withUnsafeBufferPointer { g in
        state.withUnsafeMutableBufferPointer { s in body(w, g, s) }
      }
    }
  }

  /// As ``update(with:state:_:)`` with two state buffers (Adam's m and v).
  mutating func update(
    with gradient: Tensor, state first: inout [Double], _ second: inout [Double],
    _ body: (
      UnsafeMutableBufferPointer<Double>, UnsafeBufferPointer<Double>,
      UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>
    ) -> Void
  ) {
    if second.count != storage.count { second = [Double](repeating: 0, count: storage.count) }
    update(with: gradient, state: &first) { w, g, m in
      second.withUnsafeMutableBufferPointer { v in body(w, g, m, v) }
    }
  }
}
