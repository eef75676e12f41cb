/// Variables are set up and a loss is watched; the learner assigns weights (`w = 0.4`) and sees
/// the loss and its gradient after each, until the goal holds.
public struct TweakStep: Sendable, Hashable {
  public var text: LessonTemplate
  /// Run in the step's scope when it starts, one expression per line.
  public var setup: [LessonExpression]
  /// The loss recomputed after every assignment.
  public var watch: LessonExpression
  /// The names the learner is meant to change (the gradient is taken with respect to them).
  public var variables: [String]
  /// Which readouts follow each assignment; leave out `change` when the goal is to *raise*
  /// the watched value, so a rise is not called worse.
  public var show: [PredictStep.Readout]
  public static let defaultReadouts: [PredictStep.Readout] = [.loss, .gradient, .change]
  /// Holds when the step is done; `loss` names the watched value.
  /// Words after each assignment, as in a `predict` step (may be empty).
  public var feedback: [StepFeedback]
  public var goal: LessonExpression
  /// Assignments that reach the goal, for `skip`, the last hint and `lesson check`.
  public var answer: [LessonExpression]

  public init(
    text: LessonTemplate, setup: [LessonExpression], watch: LessonExpression, variables: [String],
    show: [PredictStep.Readout] = TweakStep.defaultReadouts, feedback: [StepFeedback] = [],
    goal: LessonExpression, answer: [LessonExpression]
  ) {
    self.text = text
    self.setup = setup
    self.watch = watch
    self.variables = variables
    self.show = show
    self.feedback = feedback
    self.goal = goal
    self.answer = answer
  }
}
