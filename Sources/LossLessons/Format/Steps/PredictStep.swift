/// The learner types a guess; the engine computes a loss against a (hidden) target, and the
/// feedback turns it into words. The darts, hot-and-cold and GPS mechanic.
public struct PredictStep: Sendable, Hashable {
  /// What the learner types.
  public enum Input: Sendable, Hashable {
    case number
    /// Two numbers, typed `x, y`.
    case point
    /// `size` numbers, comma separated.
    case vector(size: Int)
  }

  /// What is displayed after each try.
  public enum Readout: String, Sendable, Hashable, CaseIterable {
    case loss
    case gradient
    /// ↑/↓ against the previous try.
    case change
  }

  public static let defaultBinding = "guess"
  public static let defaultReadouts: [Readout] = [.loss, .change]

  public var text: LessonTemplate
  /// The word shown in the prompt (defaults to the binding's name).
  public var prompt: String
  public var input: Input
  /// The variable the learner's input is assigned to.
  public var binding: String
  public var loss: LessonExpression
  public var show: [Readout]
  public var feedback: [StepFeedback]
  /// The step ends when this holds (after a try).
  public var goal: LessonExpression?
  /// The step ends after this many tries. At least one of `goal` and `maxTries` is set.
  public var maxTries: Int?
  /// A correct input, for `skip`, the last hint and `lesson check`.
  public var answer: LessonExpression

  public init(
    text: LessonTemplate, prompt: String, input: Input, binding: String, loss: LessonExpression,
    show: [Readout], feedback: [StepFeedback], goal: LessonExpression?, maxTries: Int?,
    answer: LessonExpression
  ) {
    self.text = text
    self.prompt = prompt
    self.input = input
    self.binding = binding
    self.loss = loss
    self.show = show
    self.feedback = feedback
    self.goal = goal
    self.maxTries = maxTries
    self.answer = answer
  }
}
