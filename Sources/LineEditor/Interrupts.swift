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
/// The handler never exits or jumps: that would skip libedit's terminal restore and leave the
/// learner's terminal raw. If a second Ctrl-C arrives while the first is still unconsumed (a
/// computation that never polls), the handler restores the default action and re-raises, so
/// nobody is ever stuck.
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

/// The handler: async-signal-safe (an atomic exchange, `signal` and `raise` only).
private func handleInterrupt(_: Int32) {
  if interruptRequested.exchange(true, ordering: .relaxed) {
    signal(SIGINT, SIG_DFL)
    raise(SIGINT)
  }
}
