import Dispatch
import Foundation
import LossLanguage
import Synchronization

/// A folder of progress exports as a teacher collected them: every `*.json` file in it (not in
/// subfolders), read and checked one by one. A file that can't be used is listed with its
/// reason and skipped; a learner who handed in twice counts once, with the newest export.
public struct ExportFolder: Sendable {
  /// A file that was not used, and why.
  public struct Skipped: Sendable, Equatable {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
      self.file = file
      self.reason = reason
    }
  }

  /// A learner found in more than one file: the file kept (the newest export) and the others.
  public struct Duplicate: Sendable, Equatable {
    public var learner: String
    public var kept: String
    public var ignored: [String]

    public init(learner: String, kept: String, ignored: [String]) {
      self.learner = learner
      self.kept = kept
      self.ignored = ignored
    }
  }

  /// The exports used, one per learner, sorted by learner.
  public private(set) var exports: [ProgressExport] = []
  public private(set) var skipped: [Skipped] = []
  public private(set) var duplicates: [Duplicate] = []
  public private(set) var filesRead = 0

  /// More files than any class hands in; beyond it the rest are listed as skipped.
  public static let maxFiles = 100_000

  public init(path: String) throws(ProgressExportCoding.Problem) {
    let folder = URL(fileURLWithPath: path, isDirectory: true)
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw ProgressExportCoding.Problem(
        description:
          "\(PrintableText.sanitized(path, keepingNewlines: false)): not a folder that can be read")
    }
    var byLearner: [String: (export: ProgressExport, file: String)] = [:]
    var others: [String: [String]] = [:]
    var chosen: [String] = []
    for name in names.sorted() where name.hasSuffix(".json") {
      guard chosen.count < Self.maxFiles else {
        let shown = PrintableText.sanitized(name, keepingNewlines: false)
        skipped.append(Skipped(file: shown, reason: "more than \(Self.maxFiles) files"))
        continue
      }
      chosen.append(name)
    }
    filesRead = chosen.count
    for (name, result) in zip(chosen, Self.decodeAll(chosen, in: folder)) {
      let shown = PrintableText.sanitized(name, keepingNewlines: false)
      switch result {
      case .failure(let problem):
        skipped.append(Skipped(file: shown, reason: problem.description))
      case .success(let export):
        if let current = byLearner[export.learner] {
          // Newest wins; at the same instant, the later file name, so the choice is fixed.
          if export.exportedAt >= current.export.exportedAt {
            others[export.learner, default: []].append(current.file)
            byLearner[export.learner] = (export, shown)
          } else {
            others[export.learner, default: []].append(shown)
          }
        } else {
          byLearner[export.learner] = (export, shown)
        }
      }
    }
    exports = byLearner.values.map(\.export).sorted { $0.learner < $1.learner }
    duplicates = others.keys.sorted().compactMap { learner in
      guard let kept = byLearner[learner]?.file, let ignored = others[learner] else { return nil }
      return Duplicate(learner: learner, kept: kept, ignored: ignored.sorted())
    }
  }

  /// Every file read and decoded, in `names`' order, on all cores (a class's folder is
  /// thousands of independent files).
  private static func decodeAll(_ names: [String], in folder: URL) -> [Result<
    ProgressExport, ProgressExportCoding.Problem
  >] {
    let results = Mutex(
      [Result<ProgressExport, ProgressExportCoding.Problem>?](repeating: nil, count: names.count))
    let chunks = max(1, min(names.count, ProcessInfo.processInfo.activeProcessorCount * 4))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let range =
        (names.count * chunk / chunks)..<(names.count * (chunk + 1) / chunks)
      var found: [Result<ProgressExport, ProgressExportCoding.Problem>] = []
      found.reserveCapacity(range.count)
      for index in range {
        found.append(
          read(folder.appendingPathComponent(names[index])).flatMap(ProgressExportCoding.decode))
      }
      results.withLock { all in
        for (index, result) in zip(range, found) { all[index] = result }
      }
    }
    return results.withLock { all in
      all.map { $0 ?? .failure(.init(description: "it could not be read")) }
    }
  }

  /// The file's bytes if it is a regular file within the export size bound.
  private static func read(_ url: URL) -> Result<Data, ProgressExportCoding.Problem> {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      attributes[.type] as? FileAttributeType == .typeRegular
    else { return .failure(.init(description: "it is not a plain file")) }
    let size = attributes[.size] as? Int ?? 0
    guard size <= ProgressExportCoding.maxFileSize else {
      return .failure(
        .init(
          description:
            "it is \(size) bytes; an export is at most \(ProgressExportCoding.maxFileSize)"
        ))
    }
    guard let data = try? Data(contentsOf: url) else {
      return .failure(.init(description: "it can't be read"))
    }
    return .success(data)
  }
}
