import LossLanguage
import Synchronization

/// Passes on `train`'s per-step progress at a bounded rate: the first step, every `every=`
/// step, and otherwise at most one per ``interval`` (interactive sessions only; a script
/// hears only the `every=` steps, so a non-terminal run stays quiet unless asked). It hears
/// every step, and keeps the curve so far for the live picture.
final class TrainingProgressThrottle: Sendable {
  /// At most one time-based event per 50 ms (20 redraws a second).
  static let interval = Duration.milliseconds(50)

  private struct State {
    var last: ContinuousClock.Instant?
    var curve = TrainingCurveSoFar(steps: 0, hasValidation: false)
  }

  private let sink: @Sendable (ShellEvent) -> Void
  private let timed: Bool
  private let now: @Sendable () -> ContinuousClock.Instant
  private let state = Mutex(State())

  init(
    interactive: Bool, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
    sink: @escaping @Sendable (ShellEvent) -> Void
  ) {
    self.sink = sink
    self.timed = interactive
    self.now = now
  }

  func receive(_ progress: TrainingProgress) {
    let onSchedule = progress.every.map { progress.step % $0 == 0 } ?? false
    let time = now()
    let curve = state.withLock { state -> TrainingCurveSoFar? in
      if progress.step == 0 {
        state.curve = TrainingCurveSoFar(
          steps: progress.steps, hasValidation: progress.validation != nil)
      }
      state.curve.record(step: progress.step, loss: progress.loss, validation: progress.validation)
      let due =
        onSchedule
        || (timed
          && (progress.step == 0
            || state.last.map { time - $0 >= TrainingProgressThrottle.interval } ?? true))
      guard due else { return nil }
      state.last = time
      return state.curve
    }
    if let curve { sink(.trainingProgress(progress, curve: curve)) }
  }
}
