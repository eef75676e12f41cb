import Foundation
import LossLessons
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Progress files with values no LossLab writes, oversized files, and a lock someone else holds.
@Suite("Progress limits")
struct ProgressLimitsTests {
  private static func lessonFile(_ fields: String) -> String {
    """
    {"format_version": 1, "learners": {"ada": {"started_at": "2025-06-15T10:00:00Z",
      "lessons": {"darts": {"started_at": "2025-06-15T10:00:00Z", \(fields)}}}}}
    """
  }

  @Test(arguments: [
    (#""attempts": 9223372036854775807"#, "lessons.darts.attempts is 9223372036854775807"),
    (#""hints_used": 9223372036854775807"#, "lessons.darts.hints_used is 9223372036854775807"),
    (#""skips": 1000000001"#, "lessons.darts.skips is 1000000001"),
    (#""skips": -4"#, "lessons.darts.skips is -4"),
    (#""step": 9223372036854775807"#, "lessons.darts.step is 9223372036854775807"),
    (#""seconds_spent": -1"#, "lessons.darts.seconds_spent is -1.0"),
  ])
  func impossibleValuesAreSetAsideLikeACorruptFile(_ fields: String, _ reason: String) throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    try Data(Self.lessonFile(fields).utf8).write(to: store.fileURL)
    let snapshot = try store.load(learner: "ada")
    let notice = try #require(snapshot.notice)
    #expect(notice.contains("it is damaged: learners.ada.\(reason); expected"), "\(notice)")
    #expect(snapshot.learner.lessons.isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.contains { $0.hasPrefix("progress.json.corrupt-") })
  }

  /// A step record is read by one decoder in the progress file and in an export: the same
  /// bounds, and the same cleaning of the text it keeps.
  @Test(arguments: [
    (#""steps": {"3": {"attempts": -1, "hints": 0, "skipped": false}}"#, "steps.3.attempts is -1"),
    (
      #""steps": {"3": {"attempts": 0, "hints": 1000000001, "skipped": false}}"#,
      "steps.3.hints is 1000000001"
    ),
    (#""steps": {"3": {"attempts": 2.5, "hints": 0}}"#, "steps.3.attempts is 2.5"),
  ])
  func impossibleStepRecordsAreSetAside(_ fields: String, _ reason: String) throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    try Data(Self.lessonFile(fields).utf8).write(to: store.fileURL)
    let notice = try #require(try store.load(learner: "ada").notice)
    #expect(notice.contains("learners.ada.lessons.darts.\(reason); expected"), "\(notice)")
  }

  @Test func stepRecordTextIsCleanedWhenRead() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    let fields = #"""
      "steps": {"2": {"attempts": 3, "hints": 0, "skipped": false,
        "misconceptions": {"sum\u001b[2J": 2, "never": 0}, "answers": ["4\u001b]0;title\u0007", "5"]}}
      """#
    try Data(Self.lessonFile(fields).utf8).write(to: store.fileURL)
    let snapshot = try store.load(learner: "ada")
    #expect(snapshot.notice == nil)
    let record = try #require(snapshot.learner.lessons["darts"]?.steps[2])
    #expect(record.attempts == 3)
    #expect(record.answers.count == 2 && record.answers[1] == "5")
    #expect(!record.answers[0].unicodeScalars.contains { $0.value < 0x20 })
    #expect(record.misconceptions.count == 1, "a count of 0 is dropped")
    #expect(!(record.misconceptions.keys.first ?? "").unicodeScalars.contains { $0.value < 0x20 })
  }

  @Test func anImpossiblePositionIsSetAside() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    try Data(
      """
      {"format_version": 1, "learners": {"ada": {"started_at": "2025-06-15T10:00:00Z",
        "position": {"lesson": "darts", "step": 9223372036854775807,
                     "updated_at": "2025-06-15T10:00:00Z"}}}}
      """.utf8
    ).write(to: store.fileURL)
    let notice = try #require(try store.load(learner: "ada").notice)
    #expect(notice.contains("learners.ada.position.step is 9223372036854775807; expected"))
  }

  @Test(arguments: [
    (
      #""attempts": "three""#,
      "unexpected value at learners.ada.lessons.darts.attempts; expected a whole number"
    ),
    (#""attempts": 2.5"#, "learners.ada.lessons.darts.attempts"),
    (
      #""seconds_spent": "long""#,
      "unexpected value at learners.ada.lessons.darts.seconds_spent; expected a number"
    ),
    (
      #""completed_at": "yesterday""#,
      #"learners.ada.lessons.darts.completed_at is "yesterday"; expected an ISO 8601 time"#
    ),
  ])
  func aWrongTypeIsNamedWithItsPlaceNotCalledInvalidJSON(_ fields: String, _ reason: String)
    throws
  {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    try Data(Self.lessonFile(fields).utf8).write(to: store.fileURL)
    let notice = try #require(try store.load(learner: "ada").notice)
    #expect(notice.contains(reason), "\(notice)")
    #expect(!notice.contains("not valid JSON"), "\(notice)")
  }

  @Test func aFileOverTheSizeBoundIsSetAsideUnread() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    // Valid JSON, padded past the bound.
    let padding = String(repeating: " ", count: ProgressLimits.maximumFileBytes)
    try Data(("{\"format_version\": 1," + padding + "\"learners\": {}}").utf8).write(
      to: store.fileURL)
    let notice = try #require(try store.load(learner: "ada").notice)
    let size =
      try FileManager.default.attributesOfItem(
        atPath: folder.url.appendingPathComponent(
          try #require(
            FileManager.default.contentsOfDirectory(atPath: folder.path).first {
              $0.hasPrefix("progress.json.corrupt-")
            })
        ).path)[.size] as? Int
    #expect(
      notice.contains(
        "it is \(try #require(size)) bytes; a progress file holds at most 1048576 bytes (1 MiB)"),
      "\(notice)")
  }

  @Test func countersSaturateInsteadOfOverflowing() throws {
    let darts = try #require(LessonID(validating: "darts"))
    let now = Date()
    var progress = LearnerProgress.new(at: now)
    progress.lessons["darts"] = LessonProgress(
      step: 0, completedAt: nil, attempts: ProgressLimits.maximumCount,
      hintsUsed: ProgressLimits.maximumCount, skips: ProgressLimits.maximumCount,
      secondsSpent: ProgressLimits.maximumSeconds, startedAt: now, updatedAt: now)
    progress.recordAttempt(in: darts, at: now)
    progress.recordHint(in: darts, at: now)
    progress.recordSkip(in: darts, at: now)
    progress.addTime(60, in: darts, at: now)
    progress.move(to: .max, in: darts, at: now)
    let lesson = try #require(progress.lessons["darts"])
    #expect(lesson.attempts == ProgressLimits.maximumCount)
    #expect(lesson.hintsUsed == ProgressLimits.maximumCount)
    #expect(lesson.skips == ProgressLimits.maximumCount)
    #expect(lesson.secondsSpent == ProgressLimits.maximumSeconds)
    #expect(lesson.step == ProgressLimits.maximumStep)
    // And what saturated still loads.
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    try store.save(progress, learner: "ada")
    #expect(try store.load(learner: "ada").notice == nil)
  }

  @Test(.timeLimit(.minutes(1)))
  func aHeldLockMakesAnOperationFailQuickly() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url, lockWait: ProgressLimits.shellLockWait)
    _ = try store.load(learner: "ada")
    let holder = open(store.fileURL.path + ".lock", O_RDWR)
    #expect(holder >= 0)
    defer { close(holder) }
    #expect(flock(holder, LOCK_EX) == 0)
    let started = ContinuousClock.now
    #expect(throws: ProgressStoreError.self) { try store.load(learner: "ada") }
    #expect(ContinuousClock.now - started < .seconds(2))
  }
}
