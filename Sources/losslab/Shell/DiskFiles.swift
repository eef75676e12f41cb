import Foundation
import LossLanguage

/// Reads the files `load` names from disk: regular files only, never more than the limit (a
/// file that grows while it is read is still cut off), every failure said in words.
enum DiskFiles {
  static let reader = FileReader { path, limit throws(FileReader.Failure) in try read(path, limit) }

  static func read(_ path: String, _ limit: Int) throws(FileReader.Failure) -> [UInt8] {
    // A NUL would end the path early for the system: such a name names no file.
    guard !path.utf8.contains(0) else { throw .notFound }
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      if errno == ENOENT { throw .notFound }
      throw .unreadable(reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      throw .unreadable(reason: String(cString: strerror(errno)))
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .isDirectory
    default: throw .notARegularFile
    }
    if Int(status.st_size) > limit { throw .tooLarge(bytes: Int(status.st_size)) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(reason: String(cString: strerror(errno)))
      }
      if count == 0 { return bytes }
      bytes += chunk[0..<count]
      if bytes.count > limit { throw .tooLarge(bytes: bytes.count) }
    }
  }
}
