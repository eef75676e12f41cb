/// Categorical cross-entropy on probabilities: the surprise at the true class, per row.
///
///     cce(P, Y) = (1/rows) Σ_rows −Σ_c Y_rc ln P_rc      (P clipped to [1e-15, 1])
///     ∂cce/∂P_rc = −Y_rc / (P_rc · rows),   0 where clipping is active
///     ∂cce/∂Y_rc = −ln P_rc / rows           (clipped P)
///
/// Domain: P and Y of the same shape: a matrix with one example per row and one class per
/// column, or a vector as a single row. Y is one-hot or soft labels, each in [0, 1] (an error
/// otherwise, naming the element), or class indices 1…classes, one per row (a single one for a
/// vector), read as one-hot rows and given no slope. P is used as given, not renormalised, and clipped to [1e-15, 1]: values
/// outside [0, 1] are not an error but usually mean logits were passed (`cce_logits` is the
/// fix), and the clip makes that visible as a large loss. Clipped entries get zero gradient, as
/// in `bce`. Averages over rows, not elements. Matches PyTorch `nll_loss(log P)` and
/// scikit-learn `log_loss` ≥ 1.5; not Keras, which divides each row by its sum first.
///
/// Speed: entries with Y = 0 (most of a one-hot row) take no log.
///
/// - Complexity: O(rows × classes), one pass that also writes the gradient.
public struct CategoricalCrossEntropy: Loss {
  public static let name = "cce"
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
    var accepted = true
    let lower = ProbabilityClipping.lowerBound
    let result = averageOfTerms(
      prediction, target, over: Double(prediction.rows), wantGradient: wantGradient
    ) { p, y in
      if !isProbability(y) { accepted = false }
      if y == 0 { return (0, 0) }
      if p < lower { return (y * ProbabilityClipping.largestTerm, 0) }
      if p > 1 { return (0, 0) }
      return (-y * CMath.log(p), -y / p)
    }
    if !accepted { try checkLabels(target) }
    return result
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    try checkLabels(target)
    return scaledSlopes(prediction, target, scale: 1 / Double(prediction.rows)) { p, _ in
      // +0, not −0, at P = 1.
      0 - CMath.log(Swift.min(Swift.max(p, ProbabilityClipping.lowerBound), 1))
    }
  }

  private func checkLabels(_ target: Tensor) throws(EngineError) {
    try requireEvery(target, named: "Y", toBe: "a label in [0, 1] (one-hot or soft)", isProbability)
  }
}
