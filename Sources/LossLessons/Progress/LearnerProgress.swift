import Foundation

/// Everything LossLab remembers about one learner. Lesson ids are kept as text: they come from a
/// file on disk and are only ever compared, never used in a path.
public struct LearnerProgress: Sendable, Hashable {
  /// Where the learner is. `lesson` is nil when no lesson is in progress (none started yet, or
  /// the last one finished); `updatedAt` decides which of two shells' positions wins.
  public struct Position: Sendable, Hashable {
    public var lesson: String?
    /// 0-based index of the step.
    public var step: Int
    public var updatedAt: Date

    public init(lesson: String?, step: Int, updatedAt: Date) {
      self.lesson = lesson
      self.step = step
      self.updatedAt = updatedAt
    }
  }

  public var position: Position
  /// Per lesson id.
  public var lessons: [String: LessonProgress]
  public var startedAt: Date
  public var updatedAt: Date

  public init(
    position: Position, lessons: [String: LessonProgress], startedAt: Date, updatedAt: Date
  ) {
    self.position = position
    self.lessons = lessons
    self.startedAt = startedAt
    self.updatedAt = updatedAt
  }

  /// A learner who hasn't done anything yet.
  public static func new(at now: Date) -> LearnerProgress {
    LearnerProgress(
      position: Position(lesson: nil, step: 0, updatedAt: now), lessons: [:], startedAt: now,
      updatedAt: now)
  }

  /// Ids of the lessons finished at least once.
  public var completedLessons: Set<String> {
    Set(lessons.filter { $0.value.completedAt != nil }.keys)
  }

  public func lesson(_ id: LessonID) -> LessonProgress? { lessons[id.rawValue] }
}

/// What LossLab remembers about one learner in one lesson.
public struct LessonProgress: Sendable, Hashable {
  /// The step the learner reached last (0-based), to resume this lesson at.
  public var step: Int
  /// When the lesson was first finished; nil while it isn't.
  public var completedAt: Date?
  /// Answers tried (predictions, computations, choices, assignments).
  public var attempts: Int
  public var hintsUsed: Int
  public var skips: Int
  public var secondsSpent: Double
  public var startedAt: Date
  public var updatedAt: Date
  /// Per step (0-based): what a teacher's report needs to see where the class struggled.
  public var steps: [Int: StepRecord]

  public init(
    step: Int, completedAt: Date?, attempts: Int, hintsUsed: Int, skips: Int,
    secondsSpent: Double, startedAt: Date, updatedAt: Date, steps: [Int: StepRecord] = [:]
  ) {
    self.step = step
    self.completedAt = completedAt
    self.attempts = attempts
    self.hintsUsed = hintsUsed
    self.skips = skips
    self.secondsSpent = secondsSpent
    self.startedAt = startedAt
    self.updatedAt = updatedAt
    self.steps = steps
  }

  public static func new(at now: Date) -> LessonProgress {
    LessonProgress(
      step: 0, completedAt: nil, attempts: 0, hintsUsed: 0, skips: 0, secondsSpent: 0,
      startedAt: now, updatedAt: now)
  }

  public var isCompleted: Bool { completedAt != nil }
}

/// What happened at one step of a lesson, summed over every visit.
public struct StepRecord: Sendable, Hashable {
  public var attempts: Int
  public var hints: Int
  public var skipped: Bool
  /// Known wrong answers hit (the lesson's name for each), with how often.
  public var misconceptions: [String: Int]
  /// The answers typed at a `compute` step, oldest first, at most ``maxAnswers``.
  public var answers: [String]

  /// Enough to see how a learner got there, small enough that a class's exports stay small.
  public static let maxAnswers = 20
  /// Answers are kept to this many characters.
  public static let maxAnswerLength = 200
  /// Distinct known wrong answers kept per step (a step lists only a few).
  public static let maxMisconceptions = 100

  public init(
    attempts: Int = 0, hints: Int = 0, skipped: Bool = false, misconceptions: [String: Int] = [:],
    answers: [String] = []
  ) {
    self.attempts = attempts
    self.hints = hints
    self.skipped = skipped
    self.misconceptions = misconceptions
    self.answers = answers
  }
}

/// The whole progress file: every learner who used this state folder.
public struct ProgressFile: Sendable, Hashable {
  /// The only version this LossLab writes and reads.
  public static let formatVersion = 1

  public var learners: [String: LearnerProgress]

  public init(learners: [String: LearnerProgress] = [:]) {
    self.learners = learners
  }
}
