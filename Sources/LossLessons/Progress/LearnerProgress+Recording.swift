import Foundation

/// The changes the lesson runner and the shell make, each stamping the time so merges between
/// two shells keep the latest position.
extension LearnerProgress {
  /// The learner is now on `step` of `lesson` (starting it if new); `step` is clamped to
  /// `0...ProgressLimits.maximumStep`, the range a file may hold.
  public mutating func move(to step: Int, in lesson: LessonID, at now: Date) {
    let step = min(max(0, step), ProgressLimits.maximumStep)
    position = Position(lesson: lesson.rawValue, step: step, updatedAt: now)
    changeLesson(lesson, at: now) { $0.step = step }
  }

  /// The learner finished `lesson`; no lesson is in progress any more.
  public mutating func complete(_ lesson: LessonID, at now: Date) {
    position = Position(lesson: nil, step: 0, updatedAt: now)
    changeLesson(lesson, at: now) { progress in
      if progress.completedAt == nil { progress.completedAt = now }
      progress.step = 0
    }
  }

  public mutating func recordAttempt(in lesson: LessonID, at now: Date) {
    changeLesson(lesson, at: now) { $0.attempts = ProgressLimits.incremented($0.attempts) }
  }

  public mutating func recordHint(in lesson: LessonID, at now: Date) {
    changeLesson(lesson, at: now) { $0.hintsUsed = ProgressLimits.incremented($0.hintsUsed) }
  }

  public mutating func recordSkip(in lesson: LessonID, at now: Date) {
    changeLesson(lesson, at: now) { $0.skips = ProgressLimits.incremented($0.skips) }
  }

  /// Adds what a lesson run counted since its last save (``LessonStats/since(_:)``), per lesson
  /// and per step, saturating at ``ProgressLimits/maximumCount``.
  public mutating func record(_ counted: LessonStats, in lesson: LessonID, at now: Date) {
    let add = ProgressLimits.added
    changeLesson(lesson, at: now) { progress in
      progress.attempts = add(progress.attempts, counted.attempts)
      progress.hintsUsed = add(progress.hintsUsed, counted.hints)
      progress.skips = add(progress.skips, counted.skips)
      for (step, change) in counted.steps where (0...ProgressLimits.maximumStep).contains(step) {
        var record = progress.steps[step] ?? StepRecord()
        record.attempts = add(record.attempts, change.attempts)
        record.hints = add(record.hints, change.hints)
        record.skipped = record.skipped || change.skipped
        for (name, times) in change.misconceptions
        where record.misconceptions[name] != nil
          || record.misconceptions.count < StepRecord.maxMisconceptions
        {
          record.misconceptions[name] = add(record.misconceptions[name] ?? 0, times)
        }
        record.answers = Array((record.answers + change.answers).suffix(StepRecord.maxAnswers))
        progress.steps[step] = record
      }
    }
  }

  public mutating func addTime(_ seconds: Double, in lesson: LessonID, at now: Date) {
    guard seconds.isFinite, seconds > 0 else { return }
    changeLesson(lesson, at: now) {
      $0.secondsSpent = min($0.secondsSpent + seconds, ProgressLimits.maximumSeconds)
    }
  }

  private mutating func changeLesson(
    _ lesson: LessonID, at now: Date, _ change: (inout LessonProgress) -> Void
  ) {
    var progress = lessons[lesson.rawValue] ?? .new(at: now)
    change(&progress)
    progress.updatedAt = max(progress.updatedAt, now)
    lessons[lesson.rawValue] = progress
    updatedAt = max(updatedAt, now)
  }
}
