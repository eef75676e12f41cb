import CEditLine
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libedit's in-memory history list and the file it is loaded from and saved to.
///
/// Rules (see the libedit guide): the list is capped with `stifle_history`, never with
/// `history_truncate_file` (which drops the format header on Linux); `read_history` returns an
/// errno, where ENOENT is a normal first run and EINVAL a file in another format; the parent
/// directory is created 0700 and the file 0600, since history can hold anything the learner
/// typed. A file that could not be read is never overwritten, so a foreign or unreadable history
/// file is not lost. A path that is not a regular file (`/dev/null`) turns saving off.
struct HistoryStore {
  private let path: String?
  private let limit: Int
  private var lastEntry: String?
  private var mayWrite: Bool
  private var changed = false

  /// Starts libedit's history and loads `url`, reporting problems through `warn`.
  init(url: URL?, limit: Int, warn: (String) -> Void) {
    self.limit = limit
    using_history()
    clear_history()
    stifle_history(Int32(clamping: max(limit, 1)))
    guard limit > 0, let url else {
      path = nil
      mayWrite = false
      return
    }
    let path = url.path
    switch Self.kind(of: path) {
    case .missing:
      self.path = path
      mayWrite = true
    case .regular:
      self.path = path
      let status = read_history(path)
      if status == 0 {
        mayWrite = true
      } else {
        mayWrite = false
        if status == EINVAL {
          warn("\(path) is not a libedit history file; history starts empty and will not be saved")
        } else {
          warn("cannot read history \(path): \(Self.describe(errno: status)); it will not be saved")
        }
      }
    case .directory:
      warn("history path \(path) is a directory; history will not be saved")
      self.path = nil
      mayWrite = false
    case .other:
      self.path = nil
      mayWrite = false
    }
    lastEntry = Self.newestEntry()
  }

  /// Adds a line the learner entered, unless it is blank or repeats the previous entry.
  mutating func add(_ line: String) {
    guard limit > 0, !line.allSatisfy(\.isWhitespace), line != lastEntry else { return }
    _ = add_history(line)
    lastEntry = line
    changed = true
  }

  /// Writes the list to the file, if anything was added and the file may be written.
  mutating func save(warn: (String) -> Void) {
    guard changed, mayWrite, let path else { return }
    changed = false
    do {
      try Self.prepare(path)
    } catch {
      warn("cannot save history to \(path): \(error.localizedDescription)")
      return
    }
    let status = write_history(path)
    if status != 0 {
      warn("cannot save history to \(path): \(Self.describe(errno: status))")
    }
    // write_history sets 0600 on this libedit; don't rely on it elsewhere.
    _ = chmod(path, 0o600)
  }

  /// Creates the parent directory (0700) and an empty file (0600) if they are missing, so the
  /// file is never readable by others, not even between its creation and the first write.
  private static func prepare(_ path: String) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    if descriptor >= 0 {
      close(descriptor)
    } else if errno != EEXIST {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
  }

  private enum Kind { case missing, regular, directory, other }

  /// What is at `path`, following symbolic links.
  private static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// The most recent entry of libedit's list, if any.
  private static func newestEntry() -> String? {
    let count = cel_history_length()
    guard count > 0, let entry = history_get(cel_history_base() + count - 1),
      let line = entry.pointee.line
    else { return nil }
    return String(cString: line)
  }

  private static func describe(errno code: Int32) -> String {
    String(cString: strerror(code))
  }
}
