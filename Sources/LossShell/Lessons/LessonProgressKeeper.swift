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
  ///
  /// The shell's store gives up quickly when another LossLab holds its lock
  /// (``ProgressLimits/shellLockWait``), so a save never stalls typing. The change is then kept
  /// in memory and merged into the file by the next save that gets the lock (counters merge by
  /// their maximum, see `ProgressMerge`); the learner is told once, not at every step.
  public static func store(_ store: ProgressStore, learner: String) -> LessonProgressKeeper {
    let memory = Mutex(Memory())
    return LessonProgressKeeper(
      load: {
        do {
          let snapshot = try store.load(learner: learner)
          memory.withLock { $0.progress = snapshot.learner }
          return (snapshot.learner, snapshot.notice)
        } catch {
          let fresh = LearnerProgress.new(at: Date())
          memory.withLock { $0.progress = fresh }
          return (
            fresh,
            "progress could not be read (\(String(describing: error))); starting afresh for now"
          )
        }
      },
      update: { change in
        let now = Date()
        return memory.withLock { state in
          do {
            let snapshot: ProgressSnapshot
            if state.unsaved, var progress = state.progress {
              change(&progress, now)
              snapshot = try store.save(progress, learner: learner)
            } else {
              snapshot = try store.update(learner: learner, now: now) { change(&$0, now) }
            }
            state = Memory(progress: snapshot.learner)
            return snapshot.notice
          } catch {
            var progress = state.progress ?? .new(at: now)
            change(&progress, now)
            let first = !state.unsaved
            state = Memory(progress: progress, unsaved: true)
            return first
              ? "progress could not be saved (\(String(describing: error))); it is kept and saved at your next step"
              : nil
          }
        }
      })
  }

  /// What the shell holds of the learner's progress: the last snapshot, with the changes a
  /// save could not write yet.
  private struct Memory {
    var progress: LearnerProgress?
    var unsaved = false
  }

  /// Progress held in memory only, from `initial` (tests, a shell with no state folder to save
  /// in, presenter mode, replays).
  public static func inMemory(_ initial: LearnerProgress = .new(at: Date())) -> LessonProgressKeeper
  {
    let box = Mutex(initial)
    return LessonProgressKeeper(
      load: { (box.withLock { $0 }, nil) },
      update: { change in
        let now = Date()
        box.withLock { change(&$0, now) }
        return nil
      })
  }
}
