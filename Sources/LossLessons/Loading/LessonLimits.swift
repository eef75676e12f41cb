/// Bounds that keep a lesson file data, not a weapon: a broken or hostile file is refused
/// before it can exhaust memory or time.
public struct LessonLimits: Sendable, Hashable {
  /// Larger files are refused unread. Real lessons are a few KiB.
  public var maximumFileBytes: Int
  public var maximumSteps: Int
  /// Mappings and lists inside each other; a lesson needs 5 (file, steps, step, feedback,
  /// entry).
  public var maximumNesting: Int
  /// After this many, one more diagnostic says how many were left out.
  public var maximumDiagnostics: Int

  public init(
    maximumFileBytes: Int = 256 * 1024, maximumSteps: Int = 200, maximumNesting: Int = 12,
    maximumDiagnostics: Int = 50
  ) {
    self.maximumFileBytes = maximumFileBytes
    self.maximumSteps = maximumSteps
    self.maximumNesting = maximumNesting
    self.maximumDiagnostics = maximumDiagnostics
  }

  public static let standard = LessonLimits()
}
