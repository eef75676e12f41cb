import Foundation

/// What a progress operation gives back: the learner's progress as saved, and a one-line notice
/// for the shell to show when something had to be repaired (a corrupt file set aside).
public struct ProgressSnapshot: Sendable {
  public var learner: LearnerProgress
  public var notice: String?
}

/// Progress couldn't be read or saved at all (a folder that can't be written, a lock held for
/// too long). The shell shows `description` in one line and carries on without saving.
public struct ProgressStoreError: Error, Sendable, CustomStringConvertible {
  public var description: String
}

/// The progress file, `progress.json` in the state folder, shared by every shell the learners
/// on this account run.
///
/// Every operation takes an exclusive lock (`progress.json.lock`), reads the file, changes or
/// merges, and replaces the file atomically before releasing the lock, so two shells running at
/// once never lose each other's progress and a `kill -9` at any moment leaves the old or the
/// new file, whole. A file that can't be read, is larger than ``ProgressLimits/maximumFileBytes``
/// or holds values outside ``ProgressLimits`` is moved aside to
/// `progress.json.corrupt-<timestamp>` and a fresh one starts, with a notice. The lock is waited
/// for at most ``lockWait``: the shell passes ``ProgressLimits/shellLockWait`` (0.2 s), so another
/// LossLab stuck holding it makes a save fail quickly instead of freezing the shell.
public struct ProgressStore: Sendable {
  public static let fileName = "progress.json"

  public let folder: URL
  /// How long to wait for another LossLab's lock before failing with ``ProgressStoreError``.
  public let lockWait: TimeInterval

  public init(folder: URL, lockWait: TimeInterval = ProgressLimits.lockWait) {
    self.folder = folder
    self.lockWait = lockWait
  }

  /// The store in the state folder for this environment (see ``StateFolder``); nil when there
  /// is no state folder, and so nowhere to save.
  public static func standard(
    environment: [String: String], lockWait: TimeInterval = ProgressLimits.lockWait
  ) -> ProgressStore? {
    StateFolder.url(environment: environment).map { ProgressStore(folder: $0, lockWait: lockWait) }
  }

  public var fileURL: URL { folder.appendingPathComponent(Self.fileName) }

  /// The learner's saved progress (new progress if there is none).
  public func load(learner: String, now: Date = Date()) throws(ProgressStoreError)
    -> ProgressSnapshot
  {
    try locked { file, notice in
      (file.learners[learner] ?? .new(at: now), notice, nil)
    }
  }

  /// Applies `change` to the learner's freshest saved progress and saves it, all under the
  /// lock: counters incremented here add to whatever another shell saved meanwhile.
  @discardableResult
  public func update(
    learner: String, now: Date = Date(), _ change: (inout LearnerProgress) -> Void
  ) throws(ProgressStoreError) -> ProgressSnapshot {
    try locked { file, notice in
      var progress = file.learners[learner] ?? .new(at: now)
      change(&progress)
      var changed = file
      changed.learners[learner] = progress
      return (progress, notice, changed)
    }
  }

  /// Merges a whole copy of the learner's progress into the file (see `ProgressMerge`): for a
  /// shell holding progress in memory, possibly older than the file.
  @discardableResult
  public func save(_ progress: LearnerProgress, learner: String) throws(ProgressStoreError)
    -> ProgressSnapshot
  {
    try locked { file, notice in
      let merged = file.merged(with: ProgressFile(learners: [learner: progress]))
      return (merged.learners[learner] ?? progress, notice, merged)
    }
  }

  // MARK: Locked read-change-write

  private var path: String { fileURL.path }
  private var temporaryPrefix: String { ".\(Self.fileName).tmp-" }

  /// Runs `body` on the current file under the lock; writes the file `body` returns, if any.
  private func locked(
    _ body: (ProgressFile, String?) -> (LearnerProgress, String?, ProgressFile?)
  ) throws(ProgressStoreError) -> ProgressSnapshot {
    do {
      try POSIXFiles.makeFolder(folder.path)
      return try POSIXFiles.withExclusiveLock(on: path + ".lock", timeout: lockWait) {
        removeAbandonedTemporaryFiles()
        let (file, notice) = try readOrSetAside()
        let (learner, finalNotice, changed) = body(file, notice)
        // A file just set aside is replaced by a fresh one at once, as the notice says.
        if let toWrite = changed ?? (notice == nil ? nil : file) {
          try POSIXFiles.atomicallyReplace(
            path, with: try ProgressCoding.encode(toWrite), temporaryPrefix: temporaryPrefix)
        }
        return ProgressSnapshot(learner: learner, notice: finalNotice)
      }
    } catch let error as ProgressStoreError {
      throw error
    } catch {
      throw ProgressStoreError(description: "progress can't be stored (\(error))")
    }
  }

  /// The file's contents; a missing file is empty progress, an unreadable, oversized or
  /// impossible one is moved aside.
  private func readOrSetAside() throws -> (ProgressFile, String?) {
    guard FileManager.default.fileExists(atPath: path) else { return (ProgressFile(), nil) }
    let data: Data
    switch BoundedFileReader.read(fileURL, maximumBytes: ProgressLimits.maximumFileBytes) {
    case .success(let bytes):
      data = Data(bytes)
    case .failure(.tooLarge(let size)):
      let limit = ProgressLimits.maximumFileBytes
      return (
        ProgressFile(),
        try setAside(
          reason:
            "it is \(size) bytes; a progress file holds at most \(limit) bytes (\(limit >> 20) MiB)"
        )
      )
    case .failure(.notRegularFile):
      return (ProgressFile(), try setAside(reason: "it is not a regular file"))
    case .failure(.unreadable):
      return (ProgressFile(), try setAside(reason: "it can't be read"))
    }
    switch ProgressCoding.decode(data) {
    case .success(let file):
      return (file, nil)
    case .failure(.newerVersion(let version)):
      return (
        ProgressFile(),
        try setAside(reason: "it was written by a newer LossLab (format \(version))")
      )
    case .failure(.notProgress(let reason)):
      return (ProgressFile(), try setAside(reason: "it is damaged: \(reason)"))
    }
  }

  private func setAside(reason: String) throws -> String {
    // 20250615T100000Z: sorts by time, and has no ':' (awkward in file names).
    let stamp = Date().formatted(
      Date.ISO8601FormatStyle(dateSeparator: .omitted, timeSeparator: .omitted, timeZone: .gmt))
    var aside = path + ".corrupt-" + stamp
    var counter = 1
    while FileManager.default.fileExists(atPath: aside) {
      counter += 1
      aside = path + ".corrupt-" + stamp + "-\(counter)"
    }
    try POSIXFiles.move(path, to: aside)
    return "Your progress file couldn't be used (\(reason)); it was kept as \(aside) and a fresh"
      + " one was started."
  }

  /// Temporary files left by a writer killed mid-save. Under the lock no save is in progress,
  /// so every one of them is abandoned.
  private func removeAbandonedTemporaryFiles() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix(temporaryPrefix) {
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
  }
}
