import Foundation
import LossLessons

/// What the lesson commands keep inside a ``ShellSession``.
public struct LessonContext: Sendable {
  public let library: LessonLibrary
  public let learner: String
  public let progress: LessonProgressKeeper

  public init(library: LessonLibrary, learner: String, progress: LessonProgressKeeper) {
    self.library = library
    self.learner = learner
    self.progress = progress
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
