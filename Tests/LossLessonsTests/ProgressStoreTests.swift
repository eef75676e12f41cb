import Foundation
import LossLessons
import Testing

private func lessonID(_ text: String) throws -> LessonID {
  try #require(LessonID(validating: text))
}

private let start = Date(timeIntervalSince1970: 1_750_000_000)

/// Errors collected from threads, checked once they have all finished.
private final class FailureLog: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [String] = []

  func append(_ message: String) { lock.withLock { messages.append(message) } }
  var all: [String] { lock.withLock { messages } }
}

@Suite("Saving progress")
struct ProgressStoreTests {
  @Test func progressRoundTripsThroughTheFile() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url.appendingPathComponent("state/losslab"))
    let darts = try lessonID("darts")
    let gps = try lessonID("gps")
    let first = try store.load(learner: "ada", now: start)
    #expect(first.notice == nil)
    #expect(first.learner == .new(at: start))

    try store.update(learner: "ada", now: start) { progress in
      progress.move(to: 2, in: darts, at: start)
      progress.recordAttempt(in: darts, at: start)
      progress.recordAttempt(in: darts, at: start)
      progress.recordHint(in: darts, at: start)
      progress.recordSkip(in: darts, at: start)
      progress.addTime(42.5, in: darts, at: start)
      progress.complete(darts, at: start.addingTimeInterval(60))
      progress.move(to: 1, in: gps, at: start.addingTimeInterval(90))
    }
    let loaded = try store.load(learner: "ada").learner
    #expect(loaded.position.lesson == "gps" && loaded.position.step == 1)
    #expect(loaded.completedLessons == ["darts"])
    let dartsProgress = try #require(loaded.lesson(darts))
    #expect(dartsProgress.attempts == 2 && dartsProgress.hintsUsed == 1 && dartsProgress.skips == 1)
    #expect(dartsProgress.secondsSpent == 42.5)
    #expect(dartsProgress.completedAt == start.addingTimeInterval(60))
    #expect(dartsProgress.startedAt == start)
    #expect(loaded.updatedAt == start.addingTimeInterval(90))

    let json = try String(contentsOf: store.fileURL, encoding: .utf8)
    #expect(json.contains("\"format_version\" : 1"))
    #expect(json.contains("\"hints_used\" : 1"))
    #expect(
      try store.load(learner: "someone-else").learner.lessons.isEmpty, "learners are separate")
  }

  @Test func timestampsKeepFractionsOfASecond() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    let moment = Date(timeIntervalSince1970: 1_750_000_000.125)
    let darts = try lessonID("darts")
    try store.update(learner: "ada", now: moment) { $0.move(to: 1, in: darts, at: moment) }
    #expect(try store.load(learner: "ada").learner.position.updatedAt == moment)
  }

  @Test func aCorruptFileIsSetAsideWithANotice() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    let garbage = Data("{\"format_version\": 1, \"learners\": {\"ada\": [tr".utf8)
    try garbage.write(to: store.fileURL)

    let snapshot = try store.load(learner: "ada")
    let notice = try #require(snapshot.notice)
    #expect(notice.hasPrefix("Your progress file couldn't be used (it is damaged: not valid JSON"))
    #expect(!notice.contains("\n"), "one line")
    #expect(snapshot.learner.lessons.isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    let aside = try #require(names.first { $0.hasPrefix("progress.json.corrupt-") })
    #expect(notice.contains(aside))
    #expect(try Data(contentsOf: folder.url.appendingPathComponent(aside)) == garbage)
    let fresh = try JSONSerialization.jsonObject(with: Data(contentsOf: store.fileURL))
    let freshFile = try #require(fresh as? [String: Any])
    #expect(freshFile["format_version"] as? Int == 1)
    #expect((freshFile["learners"] as? [String: Any])?.isEmpty == true, "a fresh file starts")

    // A fresh file starts, and the next operation has nothing to report.
    let darts = try lessonID("darts")
    let next = try store.update(learner: "ada") { $0.recordAttempt(in: darts, at: Date()) }
    #expect(next.notice == nil)
    #expect(try store.load(learner: "ada").learner.lessons["darts"]?.attempts == 1)
  }

  @Test(arguments: [
    ("", "not valid JSON"),
    ("[1, 2]", "unexpected value at the top level"),
    ("{\"learners\": {}}", "no 'format_version'"),
    ("{\"format_version\": 7, \"learners\": {}}", "written by a newer LossLab (format 7)"),
    (
      "{\"format_version\": 1, \"learners\": {\"ada\": {\"started_at\": \"yesterday\"}}}",
      "learners.ada.started_at is \"yesterday\"; expected an ISO 8601 time"
    ),
  ])
  func unusableFilesAreSetAside(_ content: String, _ reason: String) throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    try Data(content.utf8).write(to: store.fileURL)
    let notice = try #require(try store.load(learner: "ada").notice)
    #expect(notice.contains(reason), "\(notice)")
  }

  @Test(.enabled(if: getuid() != 0, "root can read any file"))
  func anUnreadableFileIsSetAside() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    try Data("{}".utf8).write(to: store.fileURL)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: store.fileURL.path)
    let notice = try #require(try store.load(learner: "ada").notice)
    #expect(notice.contains("it can't be read"))
  }

  @Test func aMissingOrHandEditedFileStillLoads() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    try Data(
      """
      {"format_version": 1, "future_field": true, "learners": {"ada": {
        "started_at": "2025-06-15T10:00:00Z",
        "lessons": {"darts": {"started_at": "2025-06-15T10:00:00Z", "attempts": 3}}}}}
      """.utf8
    ).write(to: store.fileURL)
    let snapshot = try store.load(learner: "ada")
    #expect(snapshot.notice == nil)
    #expect(snapshot.learner.lessons["darts"]?.attempts == 3)
    #expect(snapshot.learner.lessons["darts"]?.skips == 0, "missing counters read as 0")
  }

  @Test func aFolderThatCantBeCreatedIsReportedInOneLine() throws {
    let folder = try TemporaryFolder()
    let blocker = try folder.write("a file, not a folder", to: "state")
    let store = ProgressStore(folder: blocker.appendingPathComponent("losslab"))
    #expect {
      try store.load(learner: "ada")
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("progress can't be stored (create folder ") && !text.contains("\n")
    }
  }

  @Test func theLearnerDefaultsToTheOSUser() {
    #expect(
      LearnerName.default(environment: ["USER": "ada", "LOGNAME": "bob"]) == "ada")
    #expect(LearnerName.default(environment: ["LOGNAME": "bob"]) == "bob")
    #expect(!LearnerName.default(environment: [:]).isEmpty)
    #expect(LearnerName.cleaned("  ada\u{1B}[31m\n ") == "ada[31m")
    #expect(LearnerName.cleaned(" \t ") == nil)
  }
}

@Suite("Merging progress from two shells")
struct ProgressMergeTests {
  @Test func completedLessonsUniteCountersTakeTheMaxPositionsTheLatest() throws {
    let darts = try lessonID("darts")
    let gps = try lessonID("gps")
    var shellA = LearnerProgress.new(at: start)
    var shellB = LearnerProgress.new(at: start.addingTimeInterval(-10))
    shellA.complete(darts, at: start.addingTimeInterval(5))
    for _ in 0..<3 { shellA.recordAttempt(in: gps, at: start.addingTimeInterval(6)) }
    shellA.move(to: 4, in: gps, at: start.addingTimeInterval(7))
    shellB.complete(gps, at: start.addingTimeInterval(8))
    shellB.recordHint(in: darts, at: start.addingTimeInterval(9))
    shellB.recordAttempt(in: gps, at: start.addingTimeInterval(9))

    let merged = shellA.merged(with: shellB)
    #expect(merged == shellB.merged(with: shellA), "merging is commutative")
    #expect(merged.merged(with: shellB) == merged, "and idempotent")
    #expect(merged.completedLessons == ["darts", "gps"])
    #expect(merged.lessons["gps"]?.attempts == 3)
    #expect(merged.lessons["darts"]?.hintsUsed == 1)
    #expect(merged.position.lesson == nil, "B finished gps after A moved in it")
    #expect(merged.startedAt == start.addingTimeInterval(-10))
    #expect(merged.updatedAt == start.addingTimeInterval(9))
  }

  @Test func savingAStaleCopyMergesInsteadOfOverwriting() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    let darts = try lessonID("darts")
    let gps = try lessonID("gps")
    let stale = try store.load(learner: "ada", now: start).learner

    var shellA = stale
    shellA.complete(darts, at: start.addingTimeInterval(1))
    try store.save(shellA, learner: "ada")
    var shellB = stale
    shellB.complete(gps, at: start.addingTimeInterval(2))
    let saved = try store.save(shellB, learner: "ada").learner
    #expect(saved.completedLessons == ["darts", "gps"])
    #expect(try store.load(learner: "ada").learner.completedLessons == ["darts", "gps"])
  }
}

@Suite("Progress survives concurrency and crashes")
struct ProgressConcurrencyTests {
  @Test func threadsUpdatingAtOnceLoseNothing() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    let darts = try lessonID("darts")
    let ownLessons = try (0..<8).map { try lessonID("lesson-\($0)") }
    let updates = 25
    let finished = DispatchGroup()
    let failures = FailureLog()
    for own in ownLessons {
      finished.enter()
      Thread {
        defer { finished.leave() }
        for _ in 0..<updates {
          do {
            try store.update(learner: "ada") { progress in
              progress.recordAttempt(in: darts, at: Date())
              progress.recordAttempt(in: own, at: Date())
            }
          } catch {
            failures.append("\(error)")
          }
        }
      }.start()
    }
    finished.wait()
    #expect(failures.all.isEmpty)
    let learner = try store.load(learner: "ada").learner
    #expect(learner.lessons["darts"]?.attempts == ownLessons.count * updates)
    for own in ownLessons {
      #expect(learner.lessons[own.rawValue]?.attempts == updates)
    }
  }

  @Test(.timeLimit(.minutes(2)))
  func twoProcessesSavingAtOnceLoseNothing() throws {
    let writer = try BuiltProducts.executable(named: "progress-writer")
    let folder = try TemporaryFolder()
    let saves = 60
    let processes = try (0..<2).map { index in
      try launch(writer, [folder.path, "ada", index == 0 ? "darts" : "gps", "\(saves)"])
    }
    let shared = try launch(writer, [folder.path, "bob", "darts", "\(saves)"])
    let shared2 = try launch(writer, [folder.path, "bob", "darts", "\(saves)"])
    for process in processes + [shared, shared2] {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let store = ProgressStore(folder: folder.url)
    let ada = try store.load(learner: "ada")
    #expect(ada.notice == nil)
    #expect(ada.learner.lessons["darts"]?.attempts == saves)
    #expect(ada.learner.lessons["gps"]?.attempts == saves)
    #expect(try store.load(learner: "bob").learner.lessons["darts"]?.attempts == 2 * saves)
  }

  @Test(.timeLimit(.minutes(3)))
  func killingAWriterMidSaveLeavesAWholeFile() throws {
    let writer = try BuiltProducts.executable(named: "progress-writer")
    let folder = try TemporaryFolder()
    let store = ProgressStore(folder: folder.url)
    var lastCount = 0
    for round in 0..<12 {
      let output = Pipe()
      let process = try launch(writer, [folder.path, "ada", "darts", "0"], output: output)
      // Wait for the first save of this round, then kill at a random moment after it.
      let firstLine = output.fileHandleForReading.availableData
      #expect(!firstLine.isEmpty, "round \(round): the writer saved at least once")
      usleep(UInt32.random(in: 0...30_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal)

      let snapshot = try store.load(learner: "ada")
      #expect(snapshot.notice == nil, "round \(round): \(snapshot.notice ?? "")")
      let count = snapshot.learner.lessons["darts"]?.attempts ?? 0
      #expect(count > lastCount, "round \(round): saves before the kill are kept")
      lastCount = count
      let data = try Data(contentsOf: store.fileURL)
      #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
    }
    // Temporary files of killed saves are cleared by the next save.
    try store.update(learner: "ada") { _ in }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  private func launch(_ executable: URL, _ arguments: [String], output: Pipe? = nil) throws
    -> Process
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardOutput = output ?? FileHandle.nullDevice
    try process.run()
    return process
  }
}
