import Foundation

/// Bounds on what a progress file may hold and how long saving may wait. A file beyond them is
/// set aside like a corrupt one (it would otherwise be read again, and fail again, every time).
public enum ProgressLimits {
  /// Larger files are set aside unread. A real file is a few KiB: about 300 bytes per lesson
  /// per learner.
  public static let maximumFileBytes = 1 << 20
  /// The largest step index any lesson can have (``LessonLimits/maximumSteps`` steps).
  public static let maximumStep = LessonLimits.standard.maximumSteps - 1
  /// Attempts, hints and skips stop here instead of overflowing.
  public static let maximumCount = 1_000_000_000
  /// Time spent in one lesson (about 31 years).
  public static let maximumSeconds = 1e9
  /// How long an operation waits for another process holding the lock before it fails: long
  /// enough for many writers at once on a loaded machine.
  public static let lockWait: TimeInterval = 10
  /// The shell's wait, so that saving never stalls typing for longer; what it could not save
  /// waits in memory for the next save (see `LessonProgressKeeper`).
  public static let shellLockWait: TimeInterval = 0.2

  /// `count + 1`, saturating at ``maximumCount``.
  static func incremented(_ count: Int) -> Int { count < maximumCount ? count + 1 : maximumCount }

  /// `count + more` for counts of 0 or more, saturating at ``maximumCount``.
  static func added(_ count: Int, _ more: Int) -> Int {
    let (sum, overflowed) = max(0, count).addingReportingOverflow(max(0, more))
    return overflowed ? maximumCount : min(sum, maximumCount)
  }
}
