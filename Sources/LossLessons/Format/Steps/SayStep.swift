/// Narrative text, shown until the learner presses Enter.
public struct SayStep: Sendable, Hashable {
  public var text: LessonTemplate

  public init(text: LessonTemplate) {
    self.text = text
  }
}
