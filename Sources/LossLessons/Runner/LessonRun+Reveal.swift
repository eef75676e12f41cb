import LossLanguage

extension LessonRun {
  /// A presenter's `reveal`: the answer, applied and the step marked done, without counting a
  /// skip or moving on (Enter then goes on, as after a correct answer). Nil for steps that have
  /// no answer (`say`, `plot`, `explore`).
  public mutating func reveal() -> String? {
    guard let answer = answerText() else { return nil }
    if !state.isComplete {
      leaveSandbox()
      interpreter.scope = snapshots[stepIndex]
      applyAnswer(of: step)
      state.isComplete = true
    }
    return answer
  }

  /// The lesson expression whose working `reveal` shows in front of the class: a compute
  /// step's answer, a predict step's loss (at the revealed answer); nil for the other kinds.
  public var workingExpression: String? {
    switch step.content {
    case .predict(let predict): return predict.loss.source
    case .compute(let compute): return compute.answer.source
    case .say, .plot, .explore, .choose, .tweak, .define: return nil
    }
  }
}
