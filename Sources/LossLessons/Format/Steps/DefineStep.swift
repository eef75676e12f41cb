/// The learner writes a loss with `def`; the engine checks it against properties (not its
/// text) and answers a failing one with a concrete counterexample.
public struct DefineStep: Sendable, Hashable {
  /// What the learner's loss `f(p, y)` must do, checked on sample predictions around the targets.
  public enum Property: String, Sendable, Hashable, CaseIterable {
    /// f(y, y) = 0.
    case zeroAtTarget = "zero_at_target"
    /// f(p, y) ≥ 0 everywhere tried.
    case neverNegative = "never_negative"
    /// ∂f/∂p < 0 below the target and > 0 above it: gradient descent moves p towards y.
    case slopeTowardsTarget = "slope_towards_target"
    /// Given a list of predictions and targets, the loss is one number.
    case oneNumber = "one_number"
  }

  /// A known wrong loss: when the learner's gives the same values on every sample, `say` explains.
  public struct WrongDefinition: Sendable, Hashable {
    public var definition: LessonExpression
    public var say: LessonTemplate

    public init(definition: LessonExpression, say: LessonTemplate) {
      self.definition = definition
      self.say = say
    }
  }

  public var text: LessonTemplate
  /// The name the learner's function must have; it takes the prediction, then the target.
  public var function: String
  /// The targets to try, like `y`: the samples are predictions around each of them.
  public var targets: LessonExpression
  public var properties: [Property]
  /// When set, an under-prediction must cost this many times an over-prediction of the same
  /// size (1 is symmetric).
  public var tooLowCosts: Double?
  /// When set, an over-prediction must cost this many times an under-prediction.
  public var tooHighCosts: Double?
  public var wrong: [WrongDefinition]
  /// A `def` line that passes, for `skip`, the last hint and `lesson check`.
  public var answer: LessonExpression

  public init(
    text: LessonTemplate, function: String, targets: LessonExpression, properties: [Property],
    tooLowCosts: Double?, tooHighCosts: Double? = nil, wrong: [WrongDefinition],
    answer: LessonExpression
  ) {
    self.text = text
    self.function = function
    self.targets = targets
    self.properties = properties
    self.tooLowCosts = tooLowCosts
    self.tooHighCosts = tooHighCosts
    self.wrong = wrong
    self.answer = answer
  }
}
