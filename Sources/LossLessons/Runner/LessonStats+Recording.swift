/// Counting what the learner does, per lesson and per step, as the runner sees it.
extension LessonStats {
  /// A try at step `step`; `answer` is what was typed at a `compute` step.
  public mutating func recordAttempt(at step: Int, answer: String? = nil) {
    attempts = ProgressLimits.incremented(attempts)
    steps[step, default: StepRecord()].attempts = ProgressLimits.incremented(
      steps[step, default: StepRecord()].attempts)
    if let answer {
      var record = steps[step, default: StepRecord()]
      record.answers.append(String(answer.prefix(StepRecord.maxAnswerLength)))
      record.answers = Array(record.answers.suffix(StepRecord.maxAnswers))
      steps[step] = record
    }
  }

  public mutating func recordHint(at step: Int) {
    hints = ProgressLimits.incremented(hints)
    steps[step, default: StepRecord()].hints = ProgressLimits.incremented(
      steps[step, default: StepRecord()].hints)
  }

  public mutating func recordSkip(at step: Int) {
    skips = ProgressLimits.incremented(skips)
    steps[step, default: StepRecord()].skipped = true
  }

  /// The learner hit a known wrong answer: `name` is how the lesson writes it (the wrong
  /// expression, definition or option), so the report names the misconception as the author did.
  public mutating func recordMisconception(_ name: String, at step: Int) {
    var record = steps[step, default: StepRecord()]
    guard
      record.misconceptions[name] != nil
        || record.misconceptions.count < StepRecord.maxMisconceptions
    else { return }
    record.misconceptions[name] = ProgressLimits.incremented(record.misconceptions[name] ?? 0)
    steps[step] = record
  }

  /// What was counted since `earlier` (a copy of these stats taken at the last save).
  public func since(_ earlier: LessonStats) -> LessonStats {
    var delta = LessonStats()
    delta.attempts = max(0, attempts - earlier.attempts)
    delta.hints = max(0, hints - earlier.hints)
    delta.skips = max(0, skips - earlier.skips)
    for (step, record) in steps {
      let before = earlier.steps[step] ?? StepRecord()
      let change = StepRecord(
        attempts: max(0, record.attempts - before.attempts),
        hints: max(0, record.hints - before.hints),
        skipped: record.skipped && !before.skipped,
        misconceptions: record.misconceptions.reduce(into: [:]) { found, entry in
          let new = entry.value - (before.misconceptions[entry.key] ?? 0)
          if new > 0 { found[entry.key] = new }
        },
        answers: Array(record.answers.dropFirst(min(before.answers.count, record.answers.count))))
      if change != StepRecord() { delta.steps[step] = change }
    }
    return delta
  }
}
