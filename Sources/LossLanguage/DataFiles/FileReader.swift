/// Reads the files the learner names (`load("prices.csv")`). The language does no I/O of its
/// own: the program that runs it injects a reader (the shell, `run` and `eval` read from disk;
/// lessons and help examples have none, and `load` says so).
public struct FileReader: Sendable {
  /// Why a file could not be read; `reason` is the system's words, shown after sanitising.
  public enum Failure: Error, Equatable, Sendable {
    case notFound
    case isDirectory
    /// A device, a pipe or a socket: `load` reads regular files only.
    case notARegularFile
    /// The file holds more than the limit it was read with.
    case tooLarge(bytes: Int)
    case unreadable(reason: String)
  }

  /// The bytes of the file at `path`, at most `byteLimit` of them (a larger file is
  /// ``Failure/tooLarge(bytes:)`` without being read).
  public let read: @Sendable (_ path: String, _ byteLimit: Int) throws(Failure) -> [UInt8]

  public init(
    read: @escaping @Sendable (_ path: String, _ byteLimit: Int) throws(Failure) -> [UInt8]
  ) {
    self.read = read
  }
}
