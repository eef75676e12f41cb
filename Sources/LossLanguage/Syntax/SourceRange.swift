/// A span of columns in one line of input, 0-based and half-open; shown to learners 1-based.
public struct SourceRange: Equatable, Sendable {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(end, start + 1)
  }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(start, other.start), max(end, other.end))
  }

  /// The 1-based column learners see.
  public var column: Int { start + 1 }
}
