import Foundation
import LossLessons

/// What the lesson commands keep inside a ``ShellSession``.
public struct LessonContext: Sendable {
  public let library: LessonLibrary
  public let learner: String
  public let progress: LessonProgressKeeper
  /// Every lesson's `seed` when set (a presenter's or a recording's), instead of the learner's.
  public let seed: Int?
  /// A teacher's class file: the lessons' rules and seeds, and whether `requires` is enforced
  /// (`library` is already the class's menu). Nil: no locks, `requires` only advises.
  public let classSettings: ClassSettings?
  /// Writes the learner's export to the class's folder when a lesson ends (injected: the
  /// session does no I/O); nil when the class names no folder.
  public let handIn: (@Sendable (ProgressExport) -> Result<String, HandInFailure>)?
  /// Whether `start` mentions unfinished `requires` (not on a teacher's projector).
  public let advisesRequires: Bool

  public init(
    library: LessonLibrary, learner: String, progress: LessonProgressKeeper, seed: Int? = nil,
    classSettings: ClassSettings? = nil,
    handIn: (@Sendable (ProgressExport) -> Result<String, HandInFailure>)? = nil,
    advisesRequires: Bool = true
  ) {
    self.advisesRequires = advisesRequires
    self.library = library
    self.learner = learner
    self.progress = progress
    self.seed = seed
    self.classSettings = classSettings
    self.handIn = handIn
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
