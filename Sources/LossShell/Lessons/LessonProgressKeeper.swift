import Foundation
import LossLessons
import Synchronization

/// Where the shell keeps a learner's progress: the progress file for a real learner, memory in
/// tests. Injected, so the session itself does no I/O of its own.
public struct LessonProgressKeeper: Sendable {
  /// The learner's progress, and a one-line notice (e.g. a corrupt file was set aside).
  public let load: @Sendable () -> (progress: LearnerProgress, notice: String?)
  /// Applies a change and saves it; returns a notice when saving failed.
  public let update: @Sendable (_ change: (inout LearnerProgress, Date) -> Void) -> String?

  public init(
    load: @escaping @Sendable () -> (progress: LearnerProgress, notice: String?),
    update: @escaping @Sendable (_ change: (inout LearnerProgress, Date) -> Void) -> String?
  ) {
    self.load = load
    self.update = update
  }

  /// Progress in `store`, for `learner`.
  public static func store(_ store: ProgressStore, learner: String) -> LessonProgressKeeper {
    LessonProgressKeeper(
      load: {
        do {
          let snapshot = try store.load(learner: learner)
          return (snapshot.learner, snapshot.notice)
        } catch {
          return (
            .new(at: Date()),
            "progress could not be read (\(String(describing: error))); starting afresh for now"
          )
        }
      },
      update: { change in
        let now = Date()
        do {
          let snapshot = try store.update(learner: learner, now: now) { change(&$0, now) }
          return snapshot.notice
        } catch {
          return "progress could not be saved: \(String(describing: error))"
        }
      })
  }

  /// Progress held in memory only (tests, and `--no-progress`).
  public static func inMemory() -> LessonProgressKeeper {
    let box = Mutex(LearnerProgress.new(at: Date()))
    return LessonProgressKeeper(
      load: { (box.withLock { $0 }, nil) },
      update: { change in
        let now = Date()
        box.withLock { change(&$0, now) }
        return nil
      })
  }
}
