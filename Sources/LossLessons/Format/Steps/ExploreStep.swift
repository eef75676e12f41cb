/// A free sandbox on a copy of the lesson's scope until the learner types `next`; nothing done
/// there reaches later steps.
public struct ExploreStep: Sendable, Hashable {
  public var text: LessonTemplate

  public init(text: LessonTemplate) {
    self.text = text
  }
}
