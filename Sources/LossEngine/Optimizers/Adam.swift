/// Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8), bias-corrected, t counting from 1:
///
///     m ← β₁·m + (1 − β₁)·g
///     v ← β₂·v + (1 − β₂)·g²
///     w ← w − lr·(m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
///
/// Momentum on the slope and RMSprop's scaling together; the correction undoes the zero start.
public struct Adam: Optimizer {
  public static let beta1 = 0.9
  public static let beta2 = 0.999
  public static let epsilon = 1e-8
  public let learningRate: Double
  private var means: [[Double]] = []
  private var variances: [[Double]] = []
  private var t = 0

  public init(learningRate: Double) { self.learningRate = learningRate }

  public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor])
    throws(EngineError)
  {
    try Self.checkShapes(parameters, gradients, operation: "adam")
    if means.isEmpty {
      means = [[Double]](repeating: [], count: parameters.count)
      variances = means
    }
    t += 1
    let (lr, b1, b2, epsilon) = (learningRate, Self.beta1, Self.beta2, Self.epsilon)
    let correction1 = 1 - CMath.pow(b1, Double(t))
    let correction2 = 1 - CMath.pow(b2, Double(t))
    for i in parameters.indices {
      parameters[i].update(with: gradients[i], state: &means[i], &variances[i]) { w, g, m, v in
        for k in 0..<w.count {
          m[k] = b1 * m[k] + (1 - b1) * g[k]
          v[k] = b2 * v[k] + (1 - b2) * (g[k] * g[k])
          w[k] = w[k] - lr * (m[k] / correction1) / ((v[k] / correction2).squareRoot() + epsilon)
        }
      }
    }
  }
}
