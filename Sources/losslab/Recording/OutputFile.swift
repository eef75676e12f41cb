import Foundation

/// A file written through its descriptor with every write checked: a full disk or a vanished
/// folder is a message, never silently lost text.
final class OutputFile {
  private var descriptor: Int32
  let path: String

  /// Creates or empties `path` (only creates it, when `exclusive`); throws the system's reason
  /// when it cannot.
  init(path: String, exclusive: Bool = false) throws(OutputFileError) {
    self.path = path
    descriptor = open(
      path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o644)
    guard descriptor >= 0 else { throw OutputFileError.current() }
  }

  func write(_ text: String) throws(OutputFileError) {
    guard descriptor >= 0 else { throw OutputFileError(reason: "the file is closed") }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw OutputFileError.current()
      }
      bytes = bytes.dropFirst(written)
    }
  }

  func close() throws(OutputFileError) {
    guard descriptor >= 0 else { return }
    let result = Foundation.close(descriptor)
    descriptor = -1
    guard result == 0 else { throw OutputFileError.current() }
  }

  deinit { if descriptor >= 0 { _ = Foundation.close(descriptor) } }

  /// Writes the whole of `contents` to `path`; nil on success, else why it failed.
  static func write(_ path: String, _ contents: String) -> String? {
    do {
      let file = try OutputFile(path: path)
      try file.write(contents)
      try file.close()
      return nil
    } catch {
      return error.reason
    }
  }
}

struct OutputFileError: Error {
  let reason: String

  /// The system's reason, led by what it means for the learner when that is not plain.
  static func current() -> OutputFileError {
    let code = errno
    let system = String(cString: strerror(code))
    let meaning: String?
    switch code {
    case ENOSPC, EDQUOT: meaning = "the disk is full"
    case ENOENT: meaning = "its folder does not exist"
    case EACCES, EPERM: meaning = "you may not write there"
    case EROFS: meaning = "that disk is read-only"
    case EISDIR: meaning = "that name is a folder"
    case ENOTDIR: meaning = "a part of the path is a file, not a folder"
    case ENAMETOOLONG: meaning = "the name is too long"
    default: meaning = nil
    }
    return OutputFileError(reason: meaning.map { "\($0) (\(system))" } ?? system)
  }
}
