/// What a teacher's class file allows in one lesson: how often `skip` may be used and how many
/// tries a step needs before its answer may be shown. ``open`` (no class file) allows all.
public struct LessonRules: Sendable, Hashable {
  /// `skip` in this lesson.
  public enum Skipping: Sendable, Hashable {
    /// As often as the learner likes (the default).
    case allowed
    /// Never: every step with an answer must be answered.
    case off
    /// At most this many times in the lesson, counted over every visit.
    case limited(Int)
  }

  public var skipping: Skipping
  /// Tries at a step (over every visit) before its answer may be shown by the last hint or
  /// `skip`; 0 shows it at once.
  public var revealAfter: Int

  public init(skipping: Skipping = .allowed, revealAfter: Int = 0) {
    self.skipping = skipping
    self.revealAfter = revealAfter
  }

  /// No class file: everything allowed, as before classes existed.
  public static let open = LessonRules()

  /// The largest `skip: N` and `reveal_after: N` a class file may give.
  public static let maximumCount = 1_000
}
