extension ShellSession {
  /// "Guess: step 2 of 3 (Title)" while a lesson runs; nil in the free shell. Names where a
  /// replay's output changed.
  public var lessonPosition: String? { self[state: ActiveLesson.self].run?.whereText }
}
