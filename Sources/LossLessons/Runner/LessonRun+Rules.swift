/// A class's locks on `skip` and on showing the answer, counted over every visit to the lesson
/// (so `again`, `restart`, `back`, `leave` and a new session give nothing back).
extension LessonRun {
  /// Tries at the current step, this run and earlier ones.
  var triesAtStep: Int {
    Self.sum(earlier?.steps[stepIndex]?.attempts ?? 0, stats.steps[stepIndex]?.attempts ?? 0)
  }

  /// Skips used in this lesson, this run and earlier ones.
  var skipsUsed: Int { Self.sum(earlier?.skips ?? 0, stats.skips) }

  /// True when the step has an answer to show (not `say`, `plot` or `explore`).
  var stepHasAnswer: Bool {
    switch step.content {
    case .say, .plot, .explore: false
    case .predict, .compute, .choose, .tweak, .define: true
    }
  }

  /// True when `skip` can't be used in this lesson any more (off, or its limit reached).
  var isSkipLocked: Bool {
    switch rules.skipping {
    case .allowed: false
    case .off: true
    case .limited(let count): skipsUsed >= count
    }
  }

  /// "your teacher asks for 3 tries …; 2 more to go", while the answer may not be shown yet.
  var answerWait: String? {
    let left = rules.revealAfter - triesAtStep
    guard left > 0 else { return nil }
    return "your teacher asks for \(Self.tries(rules.revealAfter)) at a step before its answer is"
      + " shown; \(left) more to go."
  }

  /// Why `skip` is refused at this step, in the class's words; nil when it is allowed.
  var skipRefusal: String? {
    guard stepHasAnswer, !state.isComplete else { return nil }
    let lock: String
    switch rules.skipping {
    case .off:
      lock = "Your teacher has turned skipping off for this lesson"
    case .limited(let count) where skipsUsed >= count:
      lock =
        count == 0
        ? "Your teacher has turned skipping off for this lesson"
        : "Your teacher allows \(count) skip\(count == 1 ? "" : "s") in this lesson and you have"
          + " used \(count == 1 ? "it" : "them")"
    case .allowed, .limited:
      return answerWait.map { "Not yet: " + $0 }
    }
    let left = rules.revealAfter - triesAtStep
    if left > 0 {
      return lock
        + "; \(left) more \(left == 1 ? "try" : "tries") before the answer can be shown (`hint`"
        + " shows it then)."
    }
    return lock + "; `hint` shows the answer, then type it in to go on."
  }

  private static func tries(_ count: Int) -> String { count == 1 ? "1 try" : "\(count) tries" }

  /// A sum of two counters that saturates instead of trapping (counts come from a file).
  private static func sum(_ a: Int, _ b: Int) -> Int {
    let (total, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : total
  }
}
