/// Gradient descent with momentum (β = 0.9), PyTorch's `SGD(momentum=0.9)`:
///
///     v ← g on the first step, then v ← β·v + g
///     w ← w − lr·v              (classical)
///     w ← w − lr·(g + β·v)      (nesterov)
///
/// The velocity remembers past slopes, so steps grow along a steady valley floor.
public struct Momentum: Optimizer {
  public static let beta = 0.9
  public let learningRate: Double
  public let nesterov: Bool
  private var velocities: [[Double]] = []

  public init(learningRate: Double, nesterov: Bool) {
    self.learningRate = learningRate
    self.nesterov = nesterov
  }

  public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor])
    throws(EngineError)
  {
    try Self.checkShapes(parameters, gradients, operation: nesterov ? "nesterov" : "momentum")
    let first = velocities.isEmpty
    if first { velocities = [[Double]](repeating: [], count: parameters.count) }
    let (lr, beta, nesterov) = (learningRate, Self.beta, self.nesterov)
    for i in parameters.indices {
      parameters[i].update(with: gradients[i], state: &velocities[i]) { w, g, v in
        for k in 0..<w.count {
          v[k] = first ? g[k] : beta * v[k] + g[k]
          w[k] = nesterov ? w[k] - lr * (g[k] + beta * v[k]) : w[k] - lr * v[k]
        }
      }
    }
  }
}
