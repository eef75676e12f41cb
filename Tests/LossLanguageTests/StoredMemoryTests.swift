import LossEngine
import LossLanguage
import Testing

/// The variables of a session are bounded in memory as one line is: keeping a value that
/// would take them past the limit is refused, and nothing already kept is lost.
@Suite("What the variables may hold")
struct StoredMemoryTests {
  /// A session whose variables may hold 10 MiB (about 1.3 million doubles).
  func small() -> Session {
    var session = Session()
    session.interpreter.maximumStoredBytes = 10 << 20
    return session
  }

  @Test func keepingPastTheLimitIsRefusedAndTheOthersStay() throws {
    var session = small()
    try session.run("a = linspace(0, 1, 1e6)")
    let error = try session.failure("b = linspace(0, 1, 1e6)")
    guard case .variablesTooLarge(let holding, let limit, let largest) = error.problem else {
      Issue.record("expected the variables' limit, got \(error.problem)")
      return
    }
    #expect(holding == 8_000_000 && limit == 10 << 20 && largest == "a")
    #expect(error.message.contains("past 10 MiB"), "\(error.message)")
    #expect(error.message.contains("a = 0 frees it"))
    #expect(try session.scalar("len(a)") == 1e6, "a is kept")
    #expect(try session.failure("b").problem == .unknownName("b", suggestion: "a"))
    // Several names at once are checked together, before any is kept.
    #expect(
      try session.failure("c, d = linspace(0, 1, 2e5), linspace(0, 1, 3e5)").problem
        == .variablesTooLarge(holding: 8_000_000, limit: 10 << 20, largest: "a"))
    #expect(try session.failure("c").message.hasPrefix("unknown name 'c'"))
  }

  @Test func replacingAValueFreesWhatItHeld() throws {
    var session = small()
    try session.run("a = linspace(0, 1, 1e6)")
    try session.run("a = linspace(0, 1, 1.2e6)")  // the old a goes: 9.6 MB, under 10 MiB
    #expect(try session.failure("b = linspace(0, 1, 2e5)").message.contains("a = 0 frees it"))
    try session.run("a = 0")
    try session.run("d = linspace(0, 1, 1.3e6)")
    #expect(try session.scalar("len(d)") == 1.3e6)
  }
}
