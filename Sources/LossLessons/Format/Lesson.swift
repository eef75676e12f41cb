/// A lesson, as read from one YAML file. The whole format (`format_version: 1`), which
/// `LessonLoader` checks field by field; `Lessons/FORMAT.md` is the teacher-facing version, with
/// an example of every step kind.
///
/// ```yaml
/// format_version: 1      # required: the only version this LossLab reads
/// id: darts              # required: ^[a-z0-9][a-z0-9-]{0,47}$, unique among all lessons
/// order: 1               # menu position; lessons without one sort after, by id
/// title: The blindfolded dart player      # required, one line
/// summary: one line      # required, one line
/// minutes: 8             # required, 1...600
/// requires: []           # ids of earlier lessons
/// setup: |               # expressions, one per line, run in the lesson's scope at start;
///   target = [round(uniform(-30, 30, seed)), round(uniform(-30, 30, seed + 1))]
///                        # `seed` is predefined per learner and lesson
/// steps:                 # required, 1...200
///   - kind: say          # narrative; text is a template: {{ EXPR }} holes are computed when
///     text: ...          #   shown; *emphasis*, **strong**, `code`
///   - kind: predict      # the learner types a guess; a loss against a (hidden) target answers
///     text: ...
///     prompt: dart       # the word in the prompt (default: the bind name)
///     input: point       # required: number | point ("x, y") | vector (with size: n)
///     bind: guess        # the variable the input is assigned to (default guess)
///     loss: "sum((guess - target)^2)"                 # required
///     show: [loss]       # any of loss, gradient, change (default [loss, change])
///     feedback:          # first `when` that holds wins; `say` is a template
///       - when: "loss == 0"
///         say: "BULLSEYE"
///       - when: "true"
///         say: "You're {{ sqrt(loss) }} cm away"
///     goal: "loss < 1"   # the step ends when it holds   } at least one
///     max_tries: 1       # ... or after this many tries  } of the two
///     answer: "target"   # required: a correct input (skip, last hint, lesson check)
///   - kind: compute      # the learner types an expression, checked BY VALUE
///     text: ...
///     answer: "mse(pred, actual)"
///     tolerance: 1e-6    # absolute; or rounding: 2 (decimal places); exactly one
///     wrong:             # known mistakes: value of `answer` → targeted feedback
///       - answer: "sum((pred - actual)^2)"
///         say: "That's the sum; the mean divides by n = {{ len(pred) }}."
///   - kind: choose       # multiple choice, 2...26 options, at least one correct
///     question: ...
///     options:
///       - text: ...
///         correct: true  # default false
///         feedback: ...  # shown when picked
///   - kind: tweak        # the learner assigns `variables`; `watch` is the loss
///     text: ...
///     setup: "w = 0"     # optional, one expression per line
///     watch: "mse(w * x, y)"
///     variables: [w]
///     goal: "loss < 0.01"
///     answer: ["w = 2"]  # assignments that reach the goal
///   - kind: explore      # a sandbox on a copy of the scope until `next`
///     text: ...
///   - kind: plot         # reserved for the plotting issue; validated now
///     text: ...
///     plot: {expr: "mse(e, 0)", var: e, from: -3, to: 3}     # from < to
///   # any step may also have: title (one line) and hints (a list of templates, progressive)
/// ```
///
/// Expressions stay text here (`LessonExpression`, with their position for error carets);
/// templates are split at their holes (`LessonTemplate`). Anchors, aliases, custom tags, more
/// than one document, files over 256 KiB and nesting beyond 12 levels are refused before the
/// YAML is composed (`LessonLimits`).
public struct Lesson: Sendable, Hashable {
  /// The only format version this LossLab reads.
  public static let formatVersion = 1

  public var id: LessonID
  /// Menu position; nil sorts after every lesson that has one.
  public var order: Int?
  public var title: String
  public var summary: String
  public var minutes: Int
  public var requires: [LessonID]
  /// Run once in the lesson's scope when it starts, in order.
  public var setup: [LessonExpression]
  public var steps: [LessonStep]
  /// Where the lesson was read from (its `id:` line).
  public var position: SourcePosition

  public init(
    id: LessonID, order: Int?, title: String, summary: String, minutes: Int,
    requires: [LessonID], setup: [LessonExpression], steps: [LessonStep], position: SourcePosition
  ) {
    self.id = id
    self.order = order
    self.title = title
    self.summary = summary
    self.minutes = minutes
    self.requires = requires
    self.setup = setup
    self.steps = steps
    self.position = position
  }
}
