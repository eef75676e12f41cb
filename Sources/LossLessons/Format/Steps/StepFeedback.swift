/// Words for the learner after a try in a `predict` or `tweak` step: the first entry whose
/// `when` holds is shown (`loss`, `previous_loss` and `tries` are set while it is judged).
public struct StepFeedback: Sendable, Hashable {
  public var when: LessonExpression
  public var say: LessonTemplate

  public init(when: LessonExpression, say: LessonTemplate) {
    self.when = when
    self.say = say
  }
}
