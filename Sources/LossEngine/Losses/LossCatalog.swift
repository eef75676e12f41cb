/// Everything the language, `help` and completion need to know about each built-in loss.
public struct LossDescriptor: Sendable {
  /// The name learners type.
  public let name: String
  /// Options after `p` and `y`, with their defaults, in positional order (`delta` for huber).
  public let options: [(name: String, defaultValue: Double)]
  /// One line: the formula.
  public let formula: String
  /// One line: when to use it.
  public let summary: String
  /// A call the test suite evaluates (help's example).
  public let example: String
  /// Builds the loss from option values in the order of ``options``.
  public let make: @Sendable ([Double]) throws(EngineError) -> any Loss

  /// The name of the first argument: `p` for probabilities/values, `z` for logits, `s` for scores.
  public let predictionName: String
}

/// The built-in losses, in the order `help` lists them.
public enum LossCatalog {
  public static let all: [LossDescriptor] = [
    LossDescriptor(
      name: "mse", options: [], formula: "mean((p - y)^2)",
      summary: "the default for regression; squaring punishes big errors hardest",
      example: "mse([3, 5, 2.5, 7], [2.5, 5, 3, 8])",
      make: { _ throws(EngineError) in MeanSquaredError() }, predictionName: "p"),
    LossDescriptor(
      name: "mae", options: [], formula: "mean(|p - y|)",
      summary: "regression where outliers should not dominate; every unit of error costs the same",
      example: "mae([2.5, 5, 3, 8], [3, 5, 2.5, 7])",
      make: { _ throws(EngineError) in MeanAbsoluteError() }, predictionName: "p"),
    LossDescriptor(
      name: "rmse", options: [], formula: "sqrt(mean((p - y)^2))",
      summary: "mse in the units of the data: a typical size of the error",
      example: "rmse([2.5, 5, 3, 8], [3, 5, 2.5, 7])",
      make: { _ throws(EngineError) in RootMeanSquaredError() }, predictionName: "p"),
    LossDescriptor(
      name: "huber", options: [("delta", HuberLoss.defaultDelta)],
      formula: "mean(0.5 e^2 if |e| <= delta else delta (|e| - delta/2)),  e = p - y",
      summary: "squared error for small misses, absolute for large: robust to outliers yet smooth",
      example: "huber([2.5, 0, 2, 8], [3, -0.5, 2, 7], delta=1)",
      make: { options throws(EngineError) in
        try HuberLoss(delta: option(options, 0, default: HuberLoss.defaultDelta))
      }, predictionName: "p"),
    LossDescriptor(
      name: "mape", options: [], formula: "100 * mean(|p - y| / max(|y|, 1e-7))",
      summary: "error as a percentage of the target; explodes when targets are near 0",
      example: "mape([110, 190, 310], [100, 200, 300])",
      make: { _ throws(EngineError) in MeanAbsolutePercentageError() }, predictionName: "p"),
    LossDescriptor(
      name: "bce", options: [],
      formula: "-mean(y log(p) + (1 - y) log(1 - p)),  p clipped to [1e-15, 1 - 1e-15]",
      summary: "yes/no classification with probabilities p in [0, 1] and labels 0 or 1",
      example: "bce([0.9, 0.1, 0.8, 0.4], [1, 0, 1, 1])",
      make: { _ throws(EngineError) in BinaryCrossEntropy() }, predictionName: "p"),
    LossDescriptor(
      name: "bce_logits", options: [],
      formula:
        "mean(max(z, 0) - z y + log(1 + exp(-|z|)))  (= bce(sigmoid(z), y), computed stably)",
      summary: "yes/no classification from raw scores (logits); what training should use",
      example: "bce_logits([-100, 0.5, 20], [1, 1, 0])",
      make: { _ throws(EngineError) in BinaryCrossEntropyWithLogits() }, predictionName: "z"),
    LossDescriptor(
      name: "cce", options: [],
      formula: "mean over rows of -sum(Y log(P)),  P clipped to [1e-15, 1]",
      summary: "several classes, with one row of probabilities per example and one-hot labels",
      example: "cce([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]], [[1, 0, 0], [0, 0, 1]])",
      make: { _ throws(EngineError) in CategoricalCrossEntropy() }, predictionName: "p"),
    LossDescriptor(
      name: "cce_logits", options: [], formula: "mean over rows of -sum(Y log(softmax(Z)))",
      summary: "several classes from raw scores (logits), with a stable log-softmax",
      example: "cce_logits([[2, 1, 0.1], [0.5, 2.5, -1]], [[1, 0, 0], [0, 0, 1]])",
      make: { _ throws(EngineError) in CategoricalCrossEntropyWithLogits() }, predictionName: "z"),
    LossDescriptor(
      name: "hinge", options: [], formula: "mean(max(0, 1 - y s)),  labels -1 or 1 (0 read as -1)",
      summary: "the SVM's loss: right by a margin of 1 costs nothing",
      example: "hinge([0.5, -2, 0.3, 1.5], [1, 0, -1, 1])",
      make: { _ throws(EngineError) in HingeLoss() }, predictionName: "s"),
    LossDescriptor(
      name: "focal",
      options: [("gamma", FocalLoss.defaultGamma), ("alpha", FocalLoss.defaultAlpha)],
      formula: "-mean(a_t (1 - p_t)^gamma log(p_t)),  p_t = p if y = 1 else 1 - p",
      summary: "imbalanced yes/no classification: easy examples fade, hard ones count",
      example: "focal([0.05, 0.45, 0.6, 0.92], [0, 1, 0, 1], gamma=2, alpha=0.25)",
      make: { options throws(EngineError) in
        try FocalLoss(
          gamma: option(options, 0, default: FocalLoss.defaultGamma),
          alpha: option(options, 1, default: FocalLoss.defaultAlpha))
      }, predictionName: "p"),
    LossDescriptor(
      name: "logcosh", options: [], formula: "mean(log(cosh(p - y)))",
      summary: "like mse for small errors and mae for large ones, smooth everywhere",
      example: "logcosh([2.5, 0, 2, 8], [3, -0.5, 2, 7])",
      make: { _ throws(EngineError) in LogCoshLoss() }, predictionName: "p"),
  ]

  public static func descriptor(named name: String) -> LossDescriptor? {
    all.first { $0.name == name }
  }

  /// Option `index`, or its default when the caller passed fewer values.
  private static func option(_ values: [Double], _ index: Int, default defaultValue: Double)
    -> Double
  {
    index < values.count ? values[index] : defaultValue
  }
}
