import LossEngine

extension TrainingRun {
  /// The run `step` leaves behind: one plain gradient-descent update, or the last run one update
  /// longer when this step carries it on (same parameters and learning rate, starting where it
  /// ended), so a landscape can draw the path of repeated `step`s as it draws `train`'s.
  static func after(_ report: StepReport, continuing last: TrainingRun?) -> TrainingRun {
    let names = report.updates.map(\.name)
    let before = report.updates.map(\.before)
    let after = report.updates.map(\.after)
    if var run = last, run.parameters == names, run.optimizer == .sgd,
      run.learningRate == report.learningRate, run.stop == .completed,
      run.finalValues == before, run.steps < TrainingOptions.maxSteps
    {
      run.steps += 1
      run.losses.append(report.lossAfter)
      if run.path.count >= TrainingRun.pathPoints(for: after) {
        // Every other point, the last one kept, so the path stays bounded.
        run.path = run.path.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
      }
      run.path.append(PathPoint(step: run.steps, values: after))
      return run
    }
    var run = TrainingRun(
      parameters: names, optimizer: .sgd, learningRate: report.learningRate, steps: 1)
    run.losses = [report.lossBefore, report.lossAfter]
    run.path = [PathPoint(step: 0, values: before), PathPoint(step: 1, values: after)]
    return run
  }
}
