import Foundation

/// One learner's record as a teacher collects it: `losslab progress --export FILE` writes it,
/// `losslab report DIR` reads a folder of them. A file, not a server, so a class of hundreds
/// hands them in like homework.
///
/// ```json
/// { "format_version": 1, "kind": "losslab-progress-export",
///   "learner": "ada", "exported_at": "2026-12-01T10:00:00.000Z",
///   "lessons": { "darts": {
///       "completed_at": "…" | null, "step": 8, "attempts": 12, "hints": 2, "skips": 0,
///       "seconds": 312.5,
///       "steps": { "3": { "attempts": 4, "hints": 1, "skipped": false,
///                         "misconceptions": { "sum instead of mean": 2 },
///                         "answers": ["sum((p - y)^2)", "mse(p, y)"] } } } } }
/// ```
///
/// Step numbers in `steps` are 1-based, as the learner saw them.
public struct ProgressExport: Sendable, Hashable {
  public static let formatVersion = 1
  public static let kind = "losslab-progress-export"

  public var learner: String
  public var exportedAt: Date
  public var lessons: [String: Lesson]

  public init(learner: String, exportedAt: Date, lessons: [String: Lesson]) {
    self.learner = learner
    self.exportedAt = exportedAt
    self.lessons = lessons
  }

  /// One lesson of the record.
  public struct Lesson: Sendable, Hashable {
    public var completedAt: Date?
    /// The last step reached, 1-based.
    public var step: Int
    public var attempts: Int
    public var hints: Int
    public var skips: Int
    public var seconds: Double
    /// Per step (1-based), where the learner tried, asked or skipped.
    public var steps: [Int: StepRecord]

    public init(
      completedAt: Date?, step: Int, attempts: Int, hints: Int, skips: Int, seconds: Double,
      steps: [Int: StepRecord]
    ) {
      self.completedAt = completedAt
      self.step = step
      self.attempts = attempts
      self.hints = hints
      self.skips = skips
      self.seconds = seconds
      self.steps = steps
    }

    public var isCompleted: Bool { completedAt != nil }
  }
}

extension ProgressExport {
  /// The record of `progress` as exported at `now`.
  public init(learner: String, progress: LearnerProgress, at now: Date) {
    self.init(
      learner: learner, exportedAt: now,
      lessons: progress.lessons.mapValues { lesson in
        Lesson(
          completedAt: lesson.completedAt, step: lesson.step + 1, attempts: lesson.attempts,
          hints: lesson.hintsUsed, skips: lesson.skips, seconds: lesson.secondsSpent,
          steps: Dictionary(
            uniqueKeysWithValues: lesson.steps.map { ($0.key + 1, $0.value) }))
      })
  }
}
