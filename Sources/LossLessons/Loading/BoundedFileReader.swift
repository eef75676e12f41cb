import Foundation
import LossLanguage

/// Reads a file only if it is a regular file no larger than a limit, so a huge file, a FIFO or
/// a device named `*.yaml` can't hang or flood the loader.
enum BoundedFileReader {
  enum Problem: Error {
    case notRegularFile
    case tooLarge(Int)
    case unreadable(String)

    private func bytes(_ count: Int) -> String {
      ValueFormatter.groupedCount(count) + " bytes"
    }

    /// `kind` names what the file should hold: "lesson", "class".
    func message(limit: Int, kind: String = "lesson") -> String {
      switch self {
      case .notRegularFile:
        "this is not a regular file; expected a .yaml \(kind) file"
      case .tooLarge(let size):
        "the file is \(bytes(size)); expected at most \(bytes(limit))"
          + " (\(limit / 1024) KiB) for a \(kind)"
      case .unreadable(let reason):
        "the file can't be read (\(reason)); expected a readable .yaml \(kind) file"
      }
    }
  }

  static func read(_ url: URL, maximumBytes: Int) -> Result<[UInt8], Problem> {
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    } catch {
      return .failure(.unreadable(error.localizedDescription))
    }
    guard attributes[.type] as? FileAttributeType == .typeRegular else {
      return .failure(.notRegularFile)
    }
    if let size = (attributes[.size] as? NSNumber)?.intValue, size > maximumBytes {
      return .failure(.tooLarge(size))
    }
    do {
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
      guard data.count <= maximumBytes else { return .failure(.tooLarge(data.count)) }
      return .success(Array(data))
    } catch {
      return .failure(.unreadable(error.localizedDescription))
    }
  }
}
