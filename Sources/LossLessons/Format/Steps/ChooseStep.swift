/// Multiple choice; the runner shuffles the options on every showing.
public struct ChooseStep: Sendable, Hashable {
  public struct Option: Sendable, Hashable {
    public var text: LessonTemplate
    public var isCorrect: Bool
    /// Shown when this option is picked.
    public var feedback: LessonTemplate?

    public init(text: LessonTemplate, isCorrect: Bool, feedback: LessonTemplate?) {
      self.text = text
      self.isCorrect = isCorrect
      self.feedback = feedback
    }
  }

  public var question: LessonTemplate
  /// In file order; at least one is correct.
  public var options: [Option]

  public init(question: LessonTemplate, options: [Option]) {
    self.question = question
    self.options = options
  }
}
