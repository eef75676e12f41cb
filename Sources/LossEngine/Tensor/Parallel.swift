import Dispatch
import Synchronization

/// The one way engine kernels spread work over the cores: a fixed number of parts, each run by
/// one thread in one order, so that results never depend on how many threads there are.
///
/// Each part polls `stop` between blocks of its work; the first part that sees Ctrl-C raises a
/// shared flag so the others stop at their next block too.
enum Parallel {
  /// Runs `body(part, stop)` for every part in `0..<parts` (on as many cores as there are) and
  /// returns false when it was interrupted.
  static func run(
    parts: Int, isInterrupted: @Sendable () -> Bool,
    _ body: (_ part: Int, _ stop: () -> Bool) -> Void
  ) -> Bool {
    let stopped = StopFlag()
    return withoutActuallyEscaping(isInterrupted) { isInterrupted in
      let poll: () -> Bool = {
        if stopped.flag.load(ordering: .relaxed) { return true }
        if isInterrupted() {
          stopped.flag.store(true, ordering: .relaxed)
          return true
        }
        return false
      }
      if parts <= 1 {
        body(0, poll)
      } else {
        withoutActuallyEscaping(body) { body in
          let task = Task(body: body, poll: poll)
          DispatchQueue.concurrentPerform(iterations: parts) { part in task.body(part, task.poll) }
        }
      }
      return !stopped.flag.load(ordering: .relaxed)
    }
  }

  private final class StopFlag: Sendable {
    let flag = Atomic(false)
  }

  /// The closures handed to the worker threads; every part writes only its own output.
  private struct Task: @unchecked Sendable {
    let body: (Int, () -> Bool) -> Void
    let poll: () -> Bool
  }

  /// Pointers handed to the worker threads, which write disjoint parts of their outputs.
  struct Pointer: @unchecked Sendable {
    let raw: UnsafePointer<Double>
    init(_ raw: UnsafePointer<Double>) { self.raw = raw }
  }

  struct MutablePointer: @unchecked Sendable {
    let raw: UnsafeMutablePointer<Double>
    init(_ raw: UnsafeMutablePointer<Double>) { self.raw = raw }
  }
}
