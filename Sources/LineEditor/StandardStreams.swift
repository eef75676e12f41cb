#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every byte the program prints goes through here, checked: standard output may be closed,
/// a full disk, or a pipe whose reader left (and the parent may have set SIGPIPE to ignored, so
/// a write fails with EPIPE instead of ending the process).
///
/// Writes are unbuffered `write(2)` calls, retried on EINTR and on short writes, so a failure is
/// seen by the write that caused it, never lost in a buffer at exit.
public enum StandardStreams {
  public enum Stream: Sendable {
    case output, error

    var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }
  }

  /// A write to standard output that failed; `code` is the `errno`.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    /// The reader of a pipe went away (`losslab eval … | head -1`): not an error to report.
    public var isBrokenPipe: Bool { code == EPIPE }
    public var description: String {
      "cannot write to standard output: \(String(cString: strerror(code)))"
    }
  }

  /// Which of descriptors 0–2 were closed when the program started (see ``prepare()``).
  nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

  /// Call first, before opening any file: a closed standard descriptor (`losslab >&-`) is
  /// taken by `/dev/null`, so that a file opened later (the progress lock, history) cannot land
  /// on descriptor 1 and receive the program's output. Writes to a stream that was closed still
  /// fail, with EBADF, as they would have.
  public static func prepare() {
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
    where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", O_RDWR)
      if opened >= 0, opened != descriptor {
        _ = dup2(opened, descriptor)
        _ = close(opened)
      }
      closedAtStart.insert(descriptor)
    }
  }

  /// Writes `text` whole to `stream`. Failures of standard error are ignored (there is nowhere
  /// left to report them); failures of standard output are thrown.
  public static func write(_ text: String, to stream: Stream = .output) throws(Failure) {
    guard !text.isEmpty else { return }
    guard !closedAtStart.contains(stream.descriptor) else {
      if stream == .output { throw Failure(code: EBADF) }
      return
    }
    var text = text
    let code = text.withUTF8 { bytes -> Int32 in
      guard let base = bytes.baseAddress else { return 0 }
      var written = 0
      while written < bytes.count {
        let result = writeDescriptor(stream.descriptor, base + written, bytes.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if result == 0 { return EIO }
        written += result
      }
      return 0
    }
    if code != 0, stream == .output { throw Failure(code: code) }
  }

  /// Writes `text` to standard error and ignores any failure: warnings and diagnostics.
  public static func report(_ text: String) {
    try? write(text, to: .error)
  }

  /// Ends the process after standard output failed: quietly with the status of a death by
  /// SIGPIPE for a broken pipe (what a shell pipeline expects), otherwise with the reason on
  /// standard error and status 1.
  public static func exit(after failure: Failure) -> Never {
    if failure.isBrokenPipe {
      signal(SIGPIPE, SIG_DFL)
      raise(SIGPIPE)
      _exit(128 + SIGPIPE)
    }
    report("losslab: \(failure.description)\n")
    _exit(1)
  }
}

/// `write(2)`, named apart from ``StandardStreams/write(_:to:)``.
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
