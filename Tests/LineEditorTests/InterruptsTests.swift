import LineEditor
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Interrupts")
struct InterruptsTests {
  /// Sends SIGINT to the test process itself, once: a second unconsumed one would end it.
  /// The signal goes to the process, not this thread (test threads block signals), so it
  /// arrives asynchronously on some other thread: poll for it.
  @Test("SIGINT raises the flag; consume reads and clears it")
  func flag() async throws {
    Interrupts.install()
    Interrupts.install()  // idempotent
    _ = Interrupts.consume()
    #expect(!Interrupts.isRequested)
    kill(getpid(), SIGINT)
    let deadline = ContinuousClock.now + .seconds(5)
    while !Interrupts.isRequested, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(Interrupts.isRequested)
    #expect(Interrupts.consume())
    #expect(!Interrupts.isRequested)
    #expect(!Interrupts.consume())
  }
}
