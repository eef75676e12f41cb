import LossEngine
import LossLanguage
import LossPlots

/// What a lesson run says to the learner. The terminal renders these; tests read them.
public enum LessonEvent: Equatable, Sendable {
  /// "Lesson 1 · The blindfolded dart player — step 2 of 9: Silence".
  case header(lesson: String, step: Int, of: Int, title: String?)
  /// Narrative or instructions, with `*emphasis*`, `**strong**` and `` `code` `` marks.
  case text(String)
  /// The numbered options of a `choose` step, in the order shown.
  case options([String])
  /// The engine's readouts after a try: whichever the step shows.
  case readouts(LessonReadouts)
  /// Words about the learner's answer.
  case feedback(String, tone: Tone)
  case hint(number: Int, of: Int, text: String)
  /// The answer, shown by `skip` or after the last hint.
  case answer(String)
  /// The input could not be read as what the step asks for.
  case inputProblem(String)
  /// An expression typed in a `tweak`, `explore` or `compute` step failed.
  case error(LanguageError, source: String)
  /// A value computed in an `explore` or `tweak` step (`name` when it was assigned).
  case value(name: String?, Value)
  /// A `train` typed in a step: what it did, as the shell says it.
  case trained(TrainingRun)
  /// A `step(…)` typed in a step: the learning loop's five parts with their numbers.
  case stepped(StepReport)
  /// A `plot` step's picture, as data (the terminal draws it; `--plain` adds it in words).
  case plot(Plot)
  /// A `plot` step's call could not be drawn.
  case plotError(PlotError, source: String)
  /// One property of a learner's loss in a `define` step, and the numbers that show it.
  case propertyCheck(passed: Bool, property: String, detail: String)
  /// The step is done; the runner moves on with the next `advance`.
  case stepComplete
  /// A `say` step waits for Enter.
  case pressEnter
  case lessonComplete(title: String, summary: LessonStats)
  case notice(String)

  public enum Tone: Equatable, Sendable { case good, bad, neutral }
}

/// The numbers a `predict` or `tweak` step shows after each try.
public struct LessonReadouts: Equatable, Sendable {
  public var loss: Double?
  /// Loss now minus loss before (negative is better).
  public var change: Double?
  /// ∂loss/∂variable for each variable shown, in order.
  public var gradients: [NamedTensor]

  public init(loss: Double?, change: Double?, gradients: [NamedTensor]) {
    self.loss = loss
    self.change = change
    self.gradients = gradients
  }
}

/// Counts for the end-of-lesson summary and the progress file.
public struct LessonStats: Equatable, Sendable {
  public var attempts = 0
  public var hints = 0
  public var skips = 0
  /// Per step index: what a teacher's class report reads (see ``StepRecord``).
  public var steps: [Int: StepRecord] = [:]
  public init() {}
}
