import Foundation
import LossLessons

/// What the lesson commands keep inside a ``ShellSession``.
public struct LessonContext: Sendable {
  public let library: LessonLibrary
  public let learner: String
  public let progress: LessonProgressKeeper
  /// Every lesson's `seed` when set (a presenter's or a recording's), instead of the learner's.
  public let seed: Int?

  public init(
    library: LessonLibrary, learner: String, progress: LessonProgressKeeper, seed: Int? = nil
  ) {
    self.library = library
    self.learner = learner
    self.progress = progress
    self.seed = seed
  }
}

/// The running lesson, if any, and what was last saved of it.
struct LessonState: Sendable {
  var run: LessonRun?
  var menuNumber = 0
  var savedStats = LessonStats()
  var startedAt = Date()
}

enum ActiveLesson: ShellStateKey {
  static let defaultValue = LessonState()
}
