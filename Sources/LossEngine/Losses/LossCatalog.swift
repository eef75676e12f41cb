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
  ]

  public static func descriptor(named name: String) -> LossDescriptor? {
    all.first { $0.name == name }
  }
}
