import Foundation
import LossEngine
import LossLanguage

/// One learner's way through one lesson: a pure state machine. Learner input goes in, events
/// come out; nothing here knows about terminals or files.
///
/// Every step starts from a snapshot of the scope, so `back` and `again` restore exactly
/// what the learner had, and nothing done in `explore` leaks into later steps.
public struct LessonRun: Sendable {
  public let lesson: Lesson
  /// The `seed` variable lessons use for random data: fixed per learner and lesson.
  public let seed: Int
  public private(set) var stepIndex = 0
  public internal(set) var stats = LessonStats()
  public private(set) var isFinished = false
  /// The teacher's rules for this lesson (``LessonRules/open`` without a class file).
  public let rules: LessonRules
  /// What earlier visits to this lesson counted (skips, tries per step), so the rules hold across
  /// `leave`, `start` and a new session.
  let earlier: LessonProgress?

  /// The lesson's language state: its variables and its last training (for pictures of it).
  public internal(set) var interpreter: Interpreter
  /// The scope at the start of each step reached so far.
  var snapshots: [Scope] = []
  /// Steps finished on this run: going back to re-read one and moving on never forces redoing it.
  private var finished: Set<Int> = []
  /// The scope each finished step ended with, restored when the learner moves on without redoing it.
  private var finishedScopes: [Int: Scope] = [:]
  var state = StepState()

  /// Per-step progress that `again` resets.
  struct StepState: Sendable {
    var tries = 0
    var previousLoss: Double?
    /// A `predict` step's tries so far, one row each (`<bind>_history` in the lesson).
    var guesses: [[Double]] = []
    var hintsShown = 0
    var isComplete = false
    var optionOrder: [Int] = []
    var showings = 0
    /// The scope to return to when an `explore` step ends.
    var sandboxOrigin: Scope?
  }

  /// Prepares a run; the lesson's `setup` runs here, so a broken setup fails early. `seed`
  /// replaces the learner's own (a presenter's fixed seed, a recording's, a class's); `rules`
  /// and `earlier` (the saved progress in this lesson) are a class file's locks.
  public init(
    lesson: Lesson, learner: String, seed: Int? = nil, rules: LessonRules = .open,
    earlier: LessonProgress? = nil, isInterrupted: @escaping @Sendable () -> Bool = { false }
  )
    throws(LanguageError)
  {
    self.lesson = lesson
    self.rules = rules
    self.earlier = earlier
    self.seed = seed ?? LessonRun.seed(learner: learner, lesson: lesson.id.rawValue)
    var interpreter = Interpreter(isInterrupted: isInterrupted)
    try interpreter.run("seed = \(self.seed)")
    for line in lesson.setup {
      do { try interpreter.run(line.source) } catch {
        throw error.within(.lessonSetup(line: line.source), at: nil)
      }
    }
    self.interpreter = interpreter
  }

  /// The seeds a caller may fix: those ``seed(learner:lesson:)`` can give.
  public static let seedRange = 0...2_147_483_646

  /// A number in 0..<2³¹ from the learner's name and the lesson id (FNV-1a), so each learner
  /// gets their own reproducible data.
  public static func seed(learner: String, lesson: String) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in "\(learner)/\(lesson)".utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return Int(hash % 2_147_483_647)
  }

  public var step: LessonStep { lesson.steps[stepIndex] }
  public var stepCount: Int { lesson.steps.count }
  public var scope: Scope { interpreter.scope }
  public var currentStepIsComplete: Bool { state.isComplete }

  /// Names whose values the learner must not see yet: what the current guess is judged
  /// against, and every answer that is a variable's bare name (the darts' `bullseye`, a quiz's
  /// `over`) of this step and the steps still to come, until its step is done. `vars` leaves
  /// them out, plots cannot use them and a typed line that names one is refused.
  public var hiddenNames: Set<String> {
    var hidden: Set<String> = []
    if case .predict(let predict) = step.content, !state.isComplete {
      hidden.formUnion(
        LessonRun.words(in: predict.answer.source).filter { interpreter.scope[$0] != nil })
    }
    for index in stepIndex..<stepCount where !finished.contains(index) {
      if index == stepIndex, state.isComplete { continue }
      switch lesson.steps[index].content {
      case .predict(let predict):
        if let name = bareName(predict.answer) { hidden.insert(name) }
      case .compute(let compute):
        hidden.formUnion(([compute.answer] + compute.wrong.map(\.answer)).compactMap(bareName))
      default: break
      }
    }
    return hidden
  }

  /// Refuses a line that names a hidden variable (a guess is read on its own, so it may).
  private func refusingHiddenNames(in line: String) -> [LessonEvent]? {
    if case .predict = step.content { return nil }
    guard let name = LessonRun.words(in: line).first(where: hiddenNames.contains) else {
      return nil
    }
    return [
      .notice(
        "`\(name)` holds what \(isAnswerHere(name) ? "this step" : "a coming step") asks you to work out, so it stays hidden until then\(isAnswerHere(name) ? ": decide, then type the value" : "")."
      )
    ]
  }

  private func isAnswerHere(_ name: String) -> Bool {
    switch step.content {
    case .compute(let compute):
      return ([compute.answer] + compute.wrong.map(\.answer)).contains { bareName($0) == name }
    default: return false
    }
  }

  /// The names and numbers in `source`, split at everything else.
  static func words(in source: String) -> [String] {
    source.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
  }

  /// The variable `expression` is, when it is nothing but a variable's name.
  func bareName(_ expression: LessonExpression) -> String? {
    let name = expression.source.trimmingCharacters(in: .whitespaces)
    let words = LessonRun.words(in: name)
    guard words == [name], interpreter.scope.variables[name] != nil else { return nil }
    return name
  }

  /// The word the shell shows in its prompt for this step.
  public var prompt: String {
    switch step.content {
    case .say, .plot: return "lesson"
    case .predict(let predict): return predict.prompt
    case .compute: return "answer"
    case .choose: return "choice"
    case .tweak: return "tweak"
    case .explore: return "explore"
    case .define: return "def"
    }
  }

  /// True when a plain Enter should move on (narrative steps and finished steps). An empty line
  /// in an `explore` step stays in the sandbox: only `next` leaves it.
  public var advancesOnEnter: Bool {
    if state.isComplete { return true }
    switch step.content {
    case .say, .plot: return true
    default: return false
    }
  }

  private var isExploreStep: Bool {
    if case .explore = step.content { return true }
    return false
  }

  // MARK: Navigation

  /// Shows step `index` (resuming replays earlier steps' answers to rebuild the scope).
  public mutating func begin(at index: Int = 0) -> [LessonEvent] {
    let target = min(max(0, index), stepCount - 1)
    if let first = snapshots.first { interpreter.scope = first }
    snapshots = []
    finished = Set(0..<target)
    finishedScopes = [:]
    stepIndex = 0
    while stepIndex < target {
      snapshots.append(interpreter.scope)
      applyAnswer(of: lesson.steps[stepIndex])
      stepIndex += 1
    }
    return enterStep()
  }

  /// Moves on when the step is done (or is narrative); otherwise says what is missing.
  public mutating func next() -> [LessonEvent] {
    guard advancesOnEnter || isExploreStep else {
      if let refusal = skipRefusal {
        return [.notice("Finish this step first (type `hint` for help). \(refusal)")]
      }
      return [
        .notice("Finish this step first (type `hint` for help, or `skip` to see the answer).")
      ]
    }
    return advance()
  }

  /// Back to the previous step, with the scope it started with.
  public mutating func back() -> [LessonEvent] {
    guard stepIndex > 0 else { return [.notice("This is the first step.")] }
    leaveSandbox()
    snapshots.removeLast()
    stepIndex -= 1
    interpreter.scope = snapshots[stepIndex]
    snapshots.removeLast()
    return enterStep()
  }

  /// Restarts the current step from its starting scope (a finished step is done over).
  public mutating func again() -> [LessonEvent] {
    leaveSandbox()
    finished.remove(stepIndex)
    finishedScopes[stepIndex] = nil
    interpreter.scope = snapshots[stepIndex]
    snapshots.removeLast()
    return enterStep()
  }

  /// Reveals the answer, applies it, counts a skip and moves on, unless the class's rules refuse
  /// (then says why). Under a class's limit a step with no answer is just left, not counted.
  public mutating func skip() -> [LessonEvent] {
    if state.isComplete { return advance() }
    if !stepHasAnswer, rules.skipping != .allowed { return next() }
    if let refusal = skipRefusal { return [.notice(refusal)] }
    stats.recordSkip(at: stepIndex)
    var events: [LessonEvent] = []
    if let answer = answerText() { events.append(.answer(answer)) }
    leaveSandbox()
    interpreter.scope = snapshots[stepIndex]
    applyAnswer(of: step)
    state.isComplete = true
    return events + advance()
  }

  /// The next hint; after the last one, the answer.
  public mutating func hint() -> [LessonEvent] {
    stats.recordHint(at: stepIndex)
    let hints = step.hints
    if state.hintsShown < hints.count {
      state.hintsShown += 1
      return [
        .hint(number: state.hintsShown, of: hints.count, text: render(hints[state.hintsShown - 1]))
      ]
    }
    if let answer = answerText() {
      if let wait = answerWait {
        return [.notice("No more hints for now: \(wait)")]
      }
      return [
        .answer(answer),
        .notice(isSkipLocked ? "Type it in to go on." : "Type it in, or `skip` to move on."),
      ]
    }
    return [.notice("No more hints for this step: just press Enter to go on.")]
  }

  /// "Lesson 1 · title — step 3 of 9".
  public var whereText: String {
    "\(lesson.title): step \(stepIndex + 1) of \(stepCount)" + (step.title.map { " (\($0))" } ?? "")
  }

  // MARK: Input

  /// Learner input for the current step (commands such as `hint` are the shell's business).
  public mutating func handle(_ line: String) -> [LessonEvent] {
    guard !isFinished else { return [.notice("This lesson is finished.")] }
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty {
      if advancesOnEnter { return advance() }
      return [.notice(emptyInputReminder)]
    }
    if state.isComplete, !isSandboxStep {
      if state.tries == 0 {
        return [
          .notice("You finished this step earlier: press Enter to go on, or `again` to do it over.")
        ]
      }
      return [.notice("This step is done: press Enter to go on.")]
    }
    if let refusal = refusingHiddenNames(in: trimmed) { return refusal }
    switch step.content {
    case .say, .plot: return evaluateAside(trimmed) + [.pressEnter]
    case .predict(let predict): return tryGuess(trimmed, predict)
    case .compute(let compute): return tryCompute(trimmed, compute)
    case .choose(let choose): return tryChoice(trimmed, choose)
    case .tweak(let tweak): return tryTweak(trimmed, tweak)
    case .explore: return explore(trimmed)
    case .define(let define): return tryDefine(trimmed, define)
    }
  }

  private var isSandboxStep: Bool {
    if case .explore = step.content { return true }
    if case .tweak = step.content { return true }
    return false
  }

  private var emptyInputReminder: String {
    switch step.content {
    case .predict(let predict): return LearnerInput.example(for: predict.input) + "."
    case .compute: return "Type an expression or a number."
    case .choose: return "Type the number of your choice."
    case .tweak: return "Assign a new value, like `\((tweakVariables.first ?? "w")) = 0.5`."
    case .explore: return "An empty line stays here: type `next` when you're done exploring."
    case .define(let define):
      return "Type your loss on one line: `def \(define.function)(p, y) = …`."
    default: return "Press Enter to go on."
    }
  }

  private var tweakVariables: [String] {
    if case .tweak(let tweak) = step.content { return tweak.variables }
    return []
  }

  // MARK: Internals shared by the step kinds

  mutating func advance() -> [LessonEvent] {
    leaveSandbox()
    keepFinishedScope()
    if stepIndex + 1 >= stepCount {
      isFinished = true
      return [.lessonComplete(title: lesson.title, summary: stats)]
    }
    stepIndex += 1
    return enterStep()
  }

  /// Leaving a step: a step finished earlier and left untouched on this visit gets back the scope
  /// it ended with; a step done (again) now records its scope, and later steps' records, made
  /// from the old one, are dropped (those steps stay finished and replay their answers).
  private mutating func keepFinishedScope() {
    let isNarrative: Bool
    switch step.content {
    case .say, .plot, .explore: isNarrative = true
    default: isNarrative = false
    }
    if finished.contains(stepIndex), state.tries == 0 {
      if let end = finishedScopes[stepIndex] {
        interpreter.scope = end
      } else if !isNarrative {
        interpreter.scope = snapshots[stepIndex]
        applyAnswer(of: step)
      }
      return
    }
    guard state.isComplete || isNarrative else { return }
    finished.insert(stepIndex)
    finishedScopes[stepIndex] = interpreter.scope
    for later in finishedScopes.keys where later > stepIndex { finishedScopes[later] = nil }
  }

  /// Snapshots the scope, resets the step's state and shows the step.
  mutating func enterStep() -> [LessonEvent] {
    snapshots.append(interpreter.scope)
    state = StepState()
    state.isComplete = finished.contains(stepIndex)
    var events: [LessonEvent] = [
      .header(lesson: lesson.title, step: stepIndex + 1, of: stepCount, title: step.title)
    ]
    events += introduction()
    return events
  }

  /// Marks a template whose hole failed, in the text the learner sees.
  static let renderingFailure = "[could not compute: "

  /// A template's text with its holes filled in `scope` (the lesson's own by default); a hole
  /// that cannot be computed is marked in the text, which `lesson check` reports.
  func render(_ template: LessonTemplate, in scope: Interpreter? = nil) -> String {
    do { return try TemplateRenderer.render(template, in: scope ?? interpreter) } catch {
      return template.text + " \(LessonRun.renderingFailure)\(error.message)]"
    }
  }

  /// Evaluates a lesson expression (never learner text) to one number.
  func number(_ expression: LessonExpression, in interpreter: Interpreter) throws(LanguageError)
    -> Double
  {
    let value = try interpreter.evaluate(source: expression.source)
    guard let number = value.tensor?.scalarValue else {
      throw LanguageError(
        .notOneNumber(source: expression.source, what: value.shapeDescription), at: nil)
    }
    return number
  }

  mutating func leaveSandbox() {
    if let origin = state.sandboxOrigin {
      interpreter.scope = origin
      state.sandboxOrigin = nil
    }
  }

  /// Evaluates learner text on a copy of the scope and shows the result.
  func evaluateAside(_ line: String) -> [LessonEvent] {
    var copy = interpreter
    do {
      let outcome = try copy.run(line)
      return LessonRun.events(for: outcome, of: line, in: copy)
    } catch {
      return LessonRun.failure(error, in: line)
    }
  }

  /// A learner line that failed: the error, and plain-words help when the slip is a known one.
  static func failure(_ error: LanguageError, in line: String) -> [LessonEvent] {
    [.error(error, source: line)] + (BeginnerHints.hint(for: line).map { [.notice($0)] } ?? [])
  }

  /// A learner line's events: what its `train` and `step` calls did (as the shell shows them),
  /// then its value, except a lone `step(…)`'s, the new loss its report already ends with.
  static func events(for outcome: Outcome, of line: String, in interpreter: Interpreter)
    -> [LessonEvent]
  {
    let training =
      interpreter.trainingRuns.map(LessonEvent.trained) + interpreter.steps.map(LessonEvent.stepped)
    if case .value = outcome, !interpreter.steps.isEmpty,
      case .expression(.call("step", _, _, _))? = try? Parser.parse(line)
    {
      return training
    }
    return training + events(for: outcome)
  }

  static func events(for outcome: Outcome) -> [LessonEvent] {
    switch outcome {
    case .nothing: return []
    case .value(let value, _): return [.value(name: nil, value)]
    case .assigned(let name, let value): return [.value(name: name, value)]
    case .assignedSeveral(let names, let values):
      return zip(names, values).map { .value(name: $0, $1) }
    case .defined(let function):
      return [.notice("defined \(function.name)(\(function.parameters.joined(separator: ", ")))")]
    }
  }
}
