import Foundation
import LossLessons
import LossShell
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Saving progress while another LossLab holds the lock: quick, one notice, nothing lost.
@Suite("Progress keeper and a held lock", .timeLimit(.minutes(1)))
struct ProgressKeeperTests {
  @Test func aHeldLockGivesOneNoticeAndTheChangesAreSavedOnceItIsFree() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "losslab-keeper-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = ProgressStore(folder: folder, lockWait: ProgressLimits.shellLockWait)
    let keeper = LessonProgressKeeper.store(store, learner: "ada")
    let darts = try #require(LessonID(validating: "darts"))
    #expect(keeper.load().notice == nil)

    let holder = open(store.fileURL.path + ".lock", O_RDWR | O_CREAT, 0o600)
    #expect(holder >= 0)
    #expect(flock(holder, LOCK_EX) == 0)
    let started = ContinuousClock.now
    let first = keeper.update { progress, now in progress.recordAttempt(in: darts, at: now) }
    let second = keeper.update { progress, now in progress.recordAttempt(in: darts, at: now) }
    #expect(ContinuousClock.now - started < .seconds(2), "typing never waits long")
    #expect(first?.contains("progress could not be saved") == true, "\(first ?? "no notice")")
    #expect(second == nil, "told once, not at every step")

    flock(holder, LOCK_UN)
    close(holder)
    #expect(keeper.update { progress, now in progress.recordHint(in: darts, at: now) } == nil)
    let saved = try store.load(learner: "ada").learner.lessons["darts"]
    #expect(saved?.attempts == 2, "the changes made while locked were kept")
    #expect(saved?.hintsUsed == 1)
  }
}
