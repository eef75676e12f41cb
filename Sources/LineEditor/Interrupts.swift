import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Set by the SIGINT handler, cleared by whoever handles the interrupt.
let interruptRequested = Atomic<Bool>(false)
/// Makes ``Interrupts/install()`` idempotent.
private let handlerInstalled = Atomic<Bool>(false)

/// Ctrl-C for the whole process: one SIGINT handler that only raises a flag.
///
/// The same flag serves two readers. ``LibeditLineSource`` checks it when `readline` returns
/// NULL, to tell Ctrl-C from Ctrl-D. Long computations (training, sweeps) poll ``consume()``
/// and stop cleanly, so Ctrl-C returns to the prompt instead of killing the session.
///
/// The handler never exits, jumps or re-raises, however many Ctrl-Cs come and however fast:
/// exiting would skip libedit's terminal restore and lose everything the learner defined, and a
/// "second press kills" rule races with the loop that consumes the first (two quick presses at
/// an idle prompt used to kill the shell). Only `quit` and Ctrl-D leave; every long computation
/// polls the flag instead.
public enum Interrupts {
  /// Installs the SIGINT handler. Safe to call more than once.
  public static func install() {
    guard
      handlerInstalled.compareExchange(expected: false, desired: true, ordering: .relaxed)
        .exchanged
    else { return }
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handleInterrupt
    #else
      action.__sigaction_u.__sa_handler = handleInterrupt
    #endif
    sigemptyset(&action.sa_mask)
    // No SA_RESTART: a blocking read should return EINTR so the reader notices the flag.
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// Whether Ctrl-C was pressed and nobody has handled it yet.
  public static var isRequested: Bool { interruptRequested.load(ordering: .relaxed) }

  /// Returns whether Ctrl-C was pressed since the last call, and clears the request.
  public static func consume() -> Bool {
    interruptRequested.exchange(false, ordering: .relaxed)
  }
}

/// The handler: async-signal-safe (one atomic store).
private func handleInterrupt(_: Int32) {
  interruptRequested.store(true, ordering: .relaxed)
}
