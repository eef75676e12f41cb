import Foundation

/// How two copies of progress become one when two shells saved at once: completed lessons are
/// united, counters take the larger value, positions the later one. Merging is commutative and
/// idempotent, so the order in which shells save does not matter.
extension ProgressFile {
  public func merged(with other: ProgressFile) -> ProgressFile {
    ProgressFile(learners: learners.merging(other.learners) { $0.merged(with: $1) })
  }
}

extension LearnerProgress {
  public func merged(with other: LearnerProgress) -> LearnerProgress {
    LearnerProgress(
      position: Self.later(position, other.position),
      lessons: lessons.merging(other.lessons) { $0.merged(with: $1) },
      startedAt: min(startedAt, other.startedAt),
      updatedAt: max(updatedAt, other.updatedAt))
  }

  private static func later(_ a: Position, _ b: Position) -> Position {
    if a.updatedAt != b.updatedAt { return a.updatedAt > b.updatedAt ? a : b }
    // Same instant: any fixed rule keeps the merge commutative.
    return (a.lesson ?? "", a.step) >= (b.lesson ?? "", b.step) ? a : b
  }
}

extension LessonProgress {
  public func merged(with other: LessonProgress) -> LessonProgress {
    let latest =
      updatedAt != other.updatedAt
      ? (updatedAt > other.updatedAt ? self : other) : (step >= other.step ? self : other)
    let completions = [completedAt, other.completedAt].compactMap { $0 }
    return LessonProgress(
      step: latest.step,
      completedAt: completions.min(),
      attempts: max(attempts, other.attempts),
      hintsUsed: max(hintsUsed, other.hintsUsed),
      skips: max(skips, other.skips),
      secondsSpent: max(secondsSpent, other.secondsSpent),
      startedAt: min(startedAt, other.startedAt),
      updatedAt: max(updatedAt, other.updatedAt),
      steps: steps.merging(other.steps) { $0.merged(with: $1) })
  }
}

extension StepRecord {
  /// Counters take the larger value; the longer answer list wins (the larger at equal length),
  /// so the merge stays commutative.
  public func merged(with other: StepRecord) -> StepRecord {
    StepRecord(
      attempts: max(attempts, other.attempts), hints: max(hints, other.hints),
      skipped: skipped || other.skipped,
      misconceptions: misconceptions.merging(other.misconceptions) { max($0, $1) },
      answers: answers.count != other.answers.count
        ? (answers.count > other.answers.count ? answers : other.answers)
        : (answers.lexicographicallyPrecedes(other.answers) ? other.answers : answers))
  }
}
