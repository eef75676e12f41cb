import Foundation
import LossShell
import LossTerminal

/// Writes the files `save` asks for: every write checked, the failure said in words.
enum PlotFiles {
  static func write(_ path: String, _ contents: String) -> String? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    var bytes = Array(contents.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        let message = String(cString: strerror(errno))
        close(fd)
        return message
      }
      bytes = bytes.dropFirst(written)
    }
    guard close(fd) == 0 else { return String(cString: strerror(errno)) }
    return nil
  }

  /// The events with each `save` request carried out.
  static func perform(_ events: [ShellEvent]) -> [ShellEvent] {
    events.map { event in
      guard case .savePlot(let request) = event else { return event }
      return PlotSaver.perform(request, write: write)
    }
  }
}
