import LossEngine

/// The named options of `train` and `step`, checked (`lr=0.1, steps=100, optimizer="sgd"`).
struct TrainingOptions {
  /// The most steps one `train` may take.
  static let maxSteps = 1_000_000

  var learningRate = 0.1
  var steps = 100
  var optimizer = OptimizerKind.sgd
  /// `val=`: a second loss, evaluated (not trained on) at every point of the curve.
  var validation: Expression?
  /// `until=`: stop once the training loss is at most this.
  var threshold: Double?
  /// `every=`: how often the shell reports (in steps).
  var every: Int?

  /// Reads the options of a call; `evaluator` evaluates them in the call's frame.
  init(_ arguments: BoundArguments, in evaluator: Evaluator, for builtin: String)
    throws(LanguageError)
  {
    let frame = arguments.frame
    for option in arguments.options {
      guard let label = option.label else { continue }
      let at = option.value.range
      switch label {
      case "lr":
        let lr = try evaluator.number(
          evaluator.evaluate(option.value, in: frame), at: at, for: "lr")
        guard lr.isFinite, lr > 0 else {
          throw LanguageError(.training(.badLearningRate(lr)), at: at)
        }
        learningRate = lr
      case "steps":
        steps = try evaluator.integer(
          evaluator.evaluate(option.value, in: frame), at: at, for: "steps",
          in: 1...TrainingOptions.maxSteps)
      case "optimizer":
        guard case .string(let name) = try evaluator.evaluate(option.value, in: frame) else {
          throw LanguageError(.training(.optimizerNotAName), at: at)
        }
        guard let kind = OptimizerKind(rawValue: name) else {
          let names = OptimizerKind.allCases.map(\.rawValue)
          throw LanguageError(
            .training(
              .unknownOptimizer(name, suggestion: Suggestions.closest(to: name, among: names))),
            at: at)
        }
        optimizer = kind
      case "val":
        validation = option.value
      case "until":
        let threshold = try evaluator.number(
          evaluator.evaluate(option.value, in: frame), at: at, for: "until")
        guard threshold.isFinite else {
          throw LanguageError(.training(.thresholdNotFinite), at: at)
        }
        self.threshold = threshold
      case "every":
        every = try evaluator.integer(
          evaluator.evaluate(option.value, in: frame), at: at, for: "every",
          in: 1...TrainingOptions.maxSteps)
      default:
        // Builtin.options already refused every other name.
        throw LanguageError(
          .unknownArgument(function: builtin, label: label, suggestion: nil, parameters: []),
          at: option.labelRange)
      }
    }
  }
}
