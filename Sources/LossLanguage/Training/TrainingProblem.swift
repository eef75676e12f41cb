import LossEngine

/// What can go wrong in `train`, `step` and the built-in datasets (``LanguageError/Problem/training(_:)``).
public enum TrainingProblem: Equatable, Sendable {
  /// What became non-finite and stopped the training.
  public enum Divergence: Equatable, Sendable {
    case loss(Double)
    /// An op of the loss (`mse`, `exp`, `*`) overflowed: the parameters grew too large.
    case overflow(operation: String)
    case gradient(of: String)
    case parameter(String)
  }

  case usage(function: String)
  case nested(function: String)
  case parameterNotAName(function: String)
  case parameterIsLocal(function: String, name: String)
  case parameterListedTwice(String)
  case unknownParameter(function: String, name: String, suggestion: String?)
  case parameterNotNumeric(function: String, name: String, what: String)
  case lossDoesNotUse(function: String, name: String)
  /// `what` is "the loss" or "the val loss".
  case lossNotOneNumber(what: String, shape: String)
  case startsNonFinite(loss: Double, parameters: [String])
  case diverged(
    step: Int, steps: Int, cause: Divergence, learningRate: Double, parameters: [String])
  case badLearningRate(Double)
  case optimizerNotAName
  case unknownOptimizer(String, suggestion: String?)
  case thresholdNotFinite
  case negativeNoise

  var sentence: String {
    switch self {
    case .usage(let function):
      return
        "\(function) needs a loss and the variables to learn, like \(function)(mse(w * x + b, y), w, b, lr=0.1)"
    case .nested(let function):
      return "\(function) cannot run inside grad, train or step"
    case .parameterNotAName(let function):
      return "\(function) learns variables: write a variable's name here, like w"
    case .parameterIsLocal(let function, let name):
      return
        "\(function) updates variables of the shell, and '\(name)' is a parameter of the function here"
    case .parameterListedTwice(let name):
      return "'\(name)' is listed twice"
    case .unknownParameter(let function, let name, let suggestion):
      return
        "\(function) needs '\(name)' to be a variable with a value\(suggestion.map { " — did you mean '\($0)'?" } ?? "")"
    case .parameterNotNumeric(let function, let name, let what):
      return "\(function) learns numbers; '\(name)' is a \(what)"
    case .lossDoesNotUse(let function, let name):
      return
        "the loss does not use '\(name)', so \(function) cannot learn it (its slope would always be 0)"
    case .lossNotOneNumber(let what, let shape):
      return
        "\(what) must be one number, got shape \(shape) (a loss averages its terms, like mean(...) or mse(...))"
    case .startsNonFinite(let loss, let parameters):
      return
        "the loss is \(ValueFormatter.number(loss)) at the starting values of \(parameters.joined(separator: ", ")); train needs a finite loss to start from"
    case .diverged(let step, let steps, let cause, let learningRate, let parameters):
      let what: String
      switch cause {
      case .loss(let value): what = "the loss became \(ValueFormatter.number(value))"
      case .overflow(let operation):
        what = "\(operation) overflowed (the numbers passed the largest double)"
      case .gradient(let name): what = "the gradient with respect to \(name) became non-finite"
      case .parameter(let name): what = "\(name) became non-finite"
      }
      let kept = parameters.count == 1 ? "keeps its value" : "keep their values"
      return
        "train stopped at step \(step) of \(steps): \(what), so the steps are diverging; try a smaller lr than \(ValueFormatter.number(learningRate)). \(parameters.joined(separator: ", ")) \(kept) from step \(step - 1)"
    case .badLearningRate(let lr):
      return
        "lr (the learning rate) must be a positive finite number, like lr=0.1; got \(ValueFormatter.number(lr))"
    case .optimizerNotAName:
      return "optimizer is a name in quotes, like optimizer=\"adam\""
    case .unknownOptimizer(let name, let suggestion):
      let names = OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")
      return
        "unknown optimizer \"\(name)\"\(suggestion.map { " — did you mean '\($0)'?" } ?? "") (the optimizers: \(names))"
    case .thresholdNotFinite:
      return "until must be a finite loss value, like until=0.01"
    case .negativeNoise:
      return "noise must be a number ≥ 0"
    }
  }
}

/// What can go wrong in the statements training made possible (``LanguageError/Problem/statement(_:)``):
/// several assignments in one line, defaults in `def`, items of a list.
public enum StatementProblem: Equatable, Sendable {
  case assignedTwice(String)
  case valueCountMismatch(names: Int, values: Int)
  case cannotUnpack(names: Int, what: String)
  case defaultsComeLast(parameter: String)
  case listIndexZero(count: Int)
  case listIndexOutOfRange(index: Int, count: Int)

  var sentence: String {
    switch self {
    case .assignedTwice(let name): return "'\(name)' is assigned twice in one line"
    case .valueCountMismatch(let names, let values):
      return "\(names) names but \(values) values: give one value per name, like a, b = 1, 2"
    case .cannotUnpack(let names, let what):
      return "\(names) names need \(names) values, got \(what)"
    case .defaultsComeLast(let parameter):
      return
        "the parameter '\(parameter)' needs a default too: parameters with defaults come last"
    case .listIndexZero(let count):
      return "indices start at 1: the first of these \(count) values is [1]"
    case .listIndexOutOfRange(let index, let count):
      return "index \(index) is outside 1…\(count) (this list holds \(count) values)"
    }
  }
}
