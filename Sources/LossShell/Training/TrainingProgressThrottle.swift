import LossLanguage
import Synchronization

/// Passes on `train`'s per-step progress at a bounded rate: the first step, every `every=`
/// step, and otherwise at most one per ``interval`` (interactive sessions only; a script
/// hears only the `every=` steps, so a non-terminal run stays quiet unless asked).
final class TrainingProgressThrottle: Sendable {
  /// At most one time-based event per 50 ms (20 redraws a second).
  static let interval = Duration.milliseconds(50)

  private let sink: @Sendable (ShellEvent) -> Void
  private let timed: Bool
  private let last = Mutex<ContinuousClock.Instant?>(nil)

  init(interactive: Bool, sink: @escaping @Sendable (ShellEvent) -> Void) {
    self.sink = sink
    self.timed = interactive
  }

  func receive(_ progress: TrainingProgress) {
    let onSchedule = progress.every.map { progress.step % $0 == 0 } ?? false
    let now = ContinuousClock.now
    let due = last.withLock { last -> Bool in
      let due =
        onSchedule
        || (timed
          && (progress.step == 0
            || last.map { now - $0 >= TrainingProgressThrottle.interval } ?? true))
      if due { last = now }
      return due
    }
    if due { sink(.trainingProgress(progress)) }
  }
}
