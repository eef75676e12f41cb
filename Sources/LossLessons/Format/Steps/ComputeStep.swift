/// The learner types an expression; it is checked by its VALUE against `answer`, so any correct
/// way of computing it passes.
public struct ComputeStep: Sendable, Hashable {
  /// How close is close enough; always shown to the learner.
  public enum Check: Sendable, Hashable {
    /// |value − answer| ≤ tolerance.
    case tolerance(Double)
    /// Equal once both are rounded to this many decimal places.
    case rounding(places: Int)
  }

  /// A known mistake: if the learner's value matches `answer`'s value, `say` explains it.
  public struct WrongAnswer: Sendable, Hashable {
    public var answer: LessonExpression
    public var say: LessonTemplate

    public init(answer: LessonExpression, say: LessonTemplate) {
      self.answer = answer
      self.say = say
    }
  }

  public var text: LessonTemplate
  public var answer: LessonExpression
  public var check: Check
  public var wrong: [WrongAnswer]

  public init(
    text: LessonTemplate, answer: LessonExpression, check: Check, wrong: [WrongAnswer]
  ) {
    self.text = text
    self.answer = answer
    self.check = check
    self.wrong = wrong
  }
}
