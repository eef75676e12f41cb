extension LessonRun {
  /// The current step's answer as `skip` shows it, for a teacher's handout; nil for steps
  /// without one.
  public var shownAnswer: String? { answerText() }

  /// The current step's hints with their numbers computed, for a teacher's handout.
  public var shownHints: [String] { step.hints.map { render($0) } }
}
