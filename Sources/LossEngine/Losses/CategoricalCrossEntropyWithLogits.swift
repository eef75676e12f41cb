/// Categorical cross-entropy on logits: `cce(softmax(Z), Y)` through a stable log-softmax.
///
///     cce_logits(Z, Y) = (1/rows) Σ_rows −Σ_c Y_rc · logsoftmax(Z_r)_c
///     logsoftmax(z)_c  = z_c − m − ln Σ_k e^(z_k − m),   m = max_k z_k
///     ∂/∂Z_rc          = (softmax(Z_r)_c · Σ_k Y_rk − Y_rc) / rows
///     ∂/∂Y_rc          = −logsoftmax(Z_r)_c / rows
///
/// Domain: Z and Y of the same shape (a matrix with one example per row, or a vector as one
/// row); Y one-hot or soft labels in [0, 1] (an error otherwise, naming the element), or class
/// indices 1…classes, one per row (`cce_logits(Z, [1, 3, 2])`, PyTorch's `CrossEntropyLoss`
/// with class-index targets), read as one-hot rows and given no slope. Subtracting the row maximum keeps every exponent ≤ 0, so logits of 1000 cost
/// exactly what they should instead of ∞ − ∞. For one-hot rows (Σ Y = 1) the gradient is the
/// familiar softmax − Y; the Σ Y factor keeps it right for rows that do not sum to 1. Averages
/// over rows. Matches PyTorch `cross_entropy` (with probability targets), Keras
/// `CategoricalCrossentropy(from_logits=True)` and optax `softmax_cross_entropy`.
///
/// - Complexity: O(rows × classes): per row one pass for the maximum, one for the exponentials
///   (a block of rows at a time through the vector exp, kept in the gradient buffer), one over
///   the labels for the value and one for the gradient.
public struct CategoricalCrossEntropyWithLogits: Loss {
  public static let name = "cce_logits"
  public init() {}

  public func preparedTarget(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    try requireLabels(prediction, target)
  }

  public func takesClassIndices(prediction: Tensor, target: Tensor) -> Bool {
    holdsClassIndices(prediction, target)
  }

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    try checkLabels(target)
    let columns = prediction.columns
    let scale = 1 / Double(prediction.rows)
    var total = 0.0
    // Holds e^(z − m) until the row's sum is known, then the gradient.
    var gradient = [Double](repeating: 0, count: wantGradient ? prediction.count : 0)
    target.storage.withUnsafeBufferPointer { y in
      prediction.storage.withUnsafeBufferPointer { z in
        gradient.withUnsafeMutableBufferPointer { g in
          Tape.forEachRowOfExponentials(prediction, into: wantGradient ? g : nil) {
            row, largest, exponentials in
            let base = row * columns
            var sumOfExponentials = 0.0
            for e in exponentials { sumOfExponentials += e }
            let logSum = CMath.log(sumOfExponentials)
            var rowLoss = 0.0
            var labelMass = 0.0
            for c in base..<(base + columns) where y[c] != 0 {
              // −logsoftmax = (m − z) + ln Σ e^(z − m), both parts ≥ 0: no cancellation.
              rowLoss += y[c] * ((largest - z[c]) + logSum)
              labelMass += y[c]
            }
            total += rowLoss
            if wantGradient {
              let softmaxScale = labelMass / sumOfExponentials
              for c in 0..<columns {
                exponentials[c] = (exponentials[c] * softmaxScale - y[base + c]) * scale
              }
            }
          }
        }
      }
    }
    let value = total / Double(prediction.rows)
    guard wantGradient else { return (value, nil) }
    return (value, Tensor(uncheckedShape: prediction.shape, storage: gradient))
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    try checkLabels(target)
    let scale = 1 / Double(prediction.rows)
    return Tape.logSoftmaxRows(prediction).map { (0 - $0) * scale }
  }

  private func checkLabels(_ target: Tensor) throws(EngineError) {
    try requireEvery(target, named: "Y", toBe: "a label in [0, 1] (one-hot or soft)", isProbability)
  }
}
