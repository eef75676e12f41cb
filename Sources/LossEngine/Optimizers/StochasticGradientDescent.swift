/// Plain gradient descent: w ← w − lr·g.
public struct StochasticGradientDescent: Optimizer {
  public let learningRate: Double

  public init(learningRate: Double) { self.learningRate = learningRate }

  public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor])
    throws(EngineError)
  {
    try Self.checkShapes(parameters, gradients, operation: "sgd")
    let lr = learningRate
    for i in parameters.indices {
      var unused: [Double] = []
      parameters[i].update(with: gradients[i], state: &unused) { w, g, _ in
        for k in 0..<w.count { w[k] = w[k] - lr * g[k] }
      }
    }
  }
}
