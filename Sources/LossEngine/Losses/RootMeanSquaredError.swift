/// Root mean squared error: `mse` brought back to the units of the data.
///
///     rmse(p, y) = √( (1/n) Σᵢ (pᵢ − yᵢ)² )
///     ∂rmse/∂pᵢ  = (pᵢ − yᵢ) / (n · rmse),   ∂rmse/∂yᵢ = −(pᵢ − yᵢ) / (n · rmse)
///
/// Domain: any finite p and y of the same shape (or a scalar y). At a perfect fit (rmse = 0)
/// the gradient is defined as 0: naive autodiff through `sqrt(mse)` gives 0·∞ = NaN there,
/// and 0 is the limit along every line toward the fit's minimum. Not element-wise: the square
/// root is of the whole mean, so the value needs one pass and the gradient a second. Squares
/// that overflow or underflow (|e| beyond about 1e154 or below 1e-146) are rescaled by the
/// largest |e| first, so rmse stays exact wherever its result fits in a double. Matches
/// scikit-learn `root_mean_squared_error` (single output).
///
/// - Complexity: O(n), two passes.
public struct RootMeanSquaredError: Loss {
  public static let name = "rmse"
  public init() {}

  public func evaluate(prediction: Tensor, target: Tensor, wantGradient: Bool) throws(EngineError)
    -> (value: Double, gradient: Tensor?)
  {
    let rmse = rootMeanSquare(prediction, target)
    guard wantGradient else { return (rmse, nil) }
    return (rmse, slopes(prediction, target, rmse: rmse))
  }

  public func targetGradient(prediction: Tensor, target: Tensor) throws(EngineError) -> Tensor {
    slopes(prediction, target, rmse: rootMeanSquare(prediction, target), forTarget: true)
  }

  /// `e / (n · rmse)` (for p) or `−e / (n · rmse)` (for y), or zeros at a perfect fit.
  private func slopes(_ prediction: Tensor, _ target: Tensor, rmse: Double, forTarget: Bool = false)
    -> Tensor
  {
    guard rmse > 0 else { return meanSlopes(prediction, target) { _, _ in 0 } }
    let inverse = 1 / rmse
    // y − p rather than −(p − y), so an element with p = y gets +0, not −0.
    return forTarget
      ? meanSlopes(prediction, target) { p, y in (y - p) * inverse }
      : meanSlopes(prediction, target) { p, y in (p - y) * inverse }
  }

  private func rootMeanSquare(_ prediction: Tensor, _ target: Tensor) -> Double {
    let n = prediction.count
    return prediction.storage.withUnsafeBufferPointer { p in
      target.storage.withUnsafeBufferPointer { y in
        let sumOfSquares = Summation.sum(count: n) { i in
          let e = p[i] - y[i]
          return e * e
        }
        if sumOfSquares > 1e-290 && sumOfSquares < .infinity {
          return (sumOfSquares / Double(n)).squareRoot()
        }
        // Rare: squares overflowed or underflowed. rmse(e) = m · rmse(e / m) for m = max |e|.
        var largest = 0.0
        for i in 0..<n { largest = Swift.max(largest, Swift.abs(p[i] - y[i])) }
        guard largest > 0, largest.isFinite else {
          return (sumOfSquares / Double(n)).squareRoot()
        }
        let scaled = Summation.sum(count: n) { i in
          let e = (p[i] - y[i]) / largest
          return e * e
        }
        return largest * (scaled / Double(n)).squareRoot()
      }
    }
  }
}
