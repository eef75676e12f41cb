/// RMSprop (α = 0.99, ε = 1e-8), PyTorch's `RMSprop` defaults:
///
///     s ← α·s + (1 − α)·g²
///     w ← w − lr·g / (√s + ε)
///
/// Dividing by the running size of the slope gives every weight a step of about lr.
public struct RMSProp: Optimizer {
  public static let alpha = 0.99
  public static let epsilon = 1e-8
  public let learningRate: Double
  private var averages: [[Double]] = []

  public init(learningRate: Double) { self.learningRate = learningRate }

  public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor])
    throws(EngineError)
  {
    try Self.checkShapes(parameters, gradients, operation: "rmsprop")
    if averages.isEmpty { averages = [[Double]](repeating: [], count: parameters.count) }
    let (lr, alpha, epsilon) = (learningRate, Self.alpha, Self.epsilon)
    for i in parameters.indices {
      parameters[i].update(with: gradients[i], state: &averages[i]) { w, g, s in
        for k in 0..<w.count {
          s[k] = alpha * s[k] + (1 - alpha) * (g[k] * g[k])
          w[k] = w[k] - lr * g[k] / (s[k].squareRoot() + epsilon)
        }
      }
    }
  }
}
