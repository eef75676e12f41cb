import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX file operations progress storage needs and Foundation doesn't give precisely:
/// an exclusive `flock`, `fsync` of a file and of its folder, and `rename`.
enum POSIXFiles {
  struct Failure: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var reason: String

    init(operation: String, path: String, code: Int32) {
      self.init(operation: operation, path: path, reason: String(cString: strerror(code)))
    }

    init(operation: String, path: String, reason: String) {
      self.operation = operation
      self.path = path
      self.reason = reason
    }

    var description: String { "\(operation) \(path): \(reason)" }
  }

  /// An exclusive lock on `path` (created if needed), held until `body` returns. Polls rather
  /// than blocking so a stuck process can't hang the shell forever: after `timeout` it fails.
  static func withExclusiveLock<T>(
    on path: String, timeout: TimeInterval, _ body: () throws -> T
  ) throws -> T {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw Failure(operation: "open", path: path, code: errno) }
    defer { close(descriptor) }
    let deadline = Date().addingTimeInterval(timeout)
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      guard code == EWOULDBLOCK || code == EINTR, Date() < deadline else {
        guard code == EWOULDBLOCK || code == EINTR else {
          throw Failure(operation: "lock", path: path, code: code)
        }
        throw Failure(
          operation: "lock", path: path, reason: "another LossLab is using it (waited \(timeout) s)"
        )
      }
      usleep(2_000)
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }

  /// Replaces `path` with `data` so that any reader, and any crash, sees either the old file
  /// or the new one, whole: write a temporary file in the same folder, fsync it, rename it
  /// over `path`, fsync the folder so the rename itself is durable.
  static func atomicallyReplace(_ path: String, with data: Data, temporaryPrefix: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let temporary =
      (folder as NSString).appendingPathComponent(
        "\(temporaryPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw Failure(operation: "create", path: temporary, code: errno) }
    var succeeded = false
    defer {
      if !succeeded { unlink(temporary) }
    }
    do {
      defer { close(descriptor) }
      try writeAll(data, to: descriptor, path: temporary)
      guard fsync(descriptor) == 0 else {
        throw Failure(operation: "fsync", path: temporary, code: errno)
      }
    }
    guard rename(temporary, path) == 0 else {
      throw Failure(operation: "rename", path: temporary, code: errno)
    }
    succeeded = true
    try syncFolder(folder)
  }

  /// Moves `path` to `newPath` (same folder) and makes the move durable.
  static func move(_ path: String, to newPath: String) throws {
    guard rename(path, newPath) == 0 else {
      throw Failure(operation: "rename", path: path, code: errno)
    }
    try syncFolder((newPath as NSString).deletingLastPathComponent)
  }

  static func syncFolder(_ folder: String) throws {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(operation: "open", path: folder, code: errno) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else {
      throw Failure(operation: "fsync", path: folder, code: errno)
    }
  }

  /// Creates `folder` and its parents, private to the user (progress is personal).
  static func makeFolder(_ folder: String) throws {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw Failure(operation: "create folder", path: folder, reason: error.localizedDescription)
    }
  }

  private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      guard let base = buffer.baseAddress else { return }
      var written = 0
      while written < buffer.count {
        let result = write(descriptor, base + written, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          throw Failure(operation: "write", path: path, code: errno)
        }
        written += result
      }
    }
  }
}
