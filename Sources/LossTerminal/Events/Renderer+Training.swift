import LossEngine
import LossLanguage
import LossPlots
import LossShell

/// `train`'s progress and summary, and `step`'s five-part loop, as text.
extension Renderer {
  /// Rows of the live curve's drawing area: enough to see the shape, small enough to leave
  /// the line typed on screen on a 24-row terminal.
  static let liveCurveRows = 8

  /// The frame a running `train` redraws in place: its loss curve so far, on an x axis that
  /// already spans every step, and the progress line under it.
  public func liveTrainingFrame(_ progress: TrainingProgress, curve: TrainingCurveSoFar)
    -> [String]
  {
    let plot = trainingCurve(
      progress.parameters, curve.losses, validation: curve.validation, stride: curve.stride,
      steps: curve.steps)
    return (layoutPlot(plot) + layoutProgress(progress)).map(encode)
  }

  /// The last frame of a run that has ended: its whole curve, without the progress line.
  public func finalTrainingFrame(_ run: TrainingRun) -> [String] {
    let plot = trainingCurve(
      run.parameters, run.losses, validation: run.validation, stride: 1, steps: run.steps)
    return layoutPlot(plot).map(encode)
  }

  /// The live frame's picture: the losses of a run over `parameters`, its x axis to `steps`.
  private func trainingCurve(
    _ parameters: [String], _ losses: [Double], validation: [Double]?, stride: Int, steps: Int
  ) -> Plot {
    Plot.lossCurve(
      title: "training \(parameters.joined(separator: ", "))", training: losses,
      validation: validation, stride: stride, throughStep: steps,
      size: PlotSize(columns: nil, rows: Self.liveCurveRows))
  }

  /// `step 40 of 100   loss 0.123456   val 0.2`: one line, printed every `every=` steps where
  /// no frame is redrawn (a script, a plain terminal).
  func layoutProgress(_ progress: TrainingProgress) -> [Line] {
    var line = Line("step \(progress.step) of \(progress.steps)", .dim)
    line.add("   loss ")
    line.add(number(progress.loss), .value)
    if let validation = progress.validation {
      line.add("   val ")
      line.add(number(validation), .value)
    }
    return [fit(line)]
  }

  func layoutTrained(_ run: TrainingRun) -> [Line] {
    let names = run.parameters.joined(separator: ", ")
    let taken = max(0, run.losses.count - 1)
    var head =
      "trained \(names): \(taken) step\(taken == 1 ? "" : "s") of \(run.optimizer.rawValue)"
    head += " (lr \(number(run.learningRate)))"
    if let first = run.losses.first, let last = run.losses.last {
      head += ", loss \(number(first)) \(glyphs.arrow) \(number(last))"
    }
    if let validation = run.validation?.last { head += ", val \(number(validation))" }
    var lines = prose(head, hanging: 2)
    switch run.stop {
    case .completed: break
    case .reachedThreshold(let step):
      lines += prose("reached the until= threshold at step \(step)", tone: .good, hanging: 2)
    case .interrupted(let step):
      lines += prose(
        "stopped by Ctrl-C after step \(step) of \(run.steps); \(names) \(run.parameters.count == 1 ? "keeps its value" : "keep their values") from step \(step)",
        tone: .accent, hanging: 2)
    case .diverged(let step, _):
      lines += prose("stopped at step \(step): the steps diverged", tone: .bad, hanging: 2)
    }
    let values = zip(run.parameters, run.finalValues).map { "\($0) = \(summary($1))" }
    lines += prose(values.joined(separator: ", "), tone: .dim, hanging: 2)
    return lines
  }

  /// predict → loss → gradient → update → new loss, with the numbers filled in.
  func layoutStepped(_ report: StepReport) -> [Line] {
    var lines: [Line] = []
    func row(_ label: String, _ body: String, _ tone: Tone = .value) {
      let lead = Line([Span(label.padding(to: 10), .dim)])
      lines += Wrapper.wrap(lead.spans + [Span(text(body), tone)], width: width, hanging: 10)
    }
    if let predictions = report.predictions { row("1 predict", "p = \(summary(predictions))") }
    row("2 loss", "L = \(number(report.lossBefore))")
    for update in report.updates {
      row("3 slope", "∂L/∂\(update.name) = \(summary(update.gradient))")
    }
    let lr = number(report.learningRate)
    for update in report.updates {
      row(
        "4 update",
        "\(update.name) ← \(update.name) − lr·∂L/∂\(update.name) = \(summary(update.before)) − \(lr) × \(parenthesised(update.gradient)) = \(summary(update.after))"
      )
    }
    let change = report.lossAfter - report.lossBefore
    row(
      "5 again",
      "L = \(number(report.lossAfter)) (\(change <= 0 ? "down" : "up") \(number(abs(change))))",
      change <= 0 ? .good : .bad)
    return lines
  }

  /// A negative number in brackets, so `0.5 − 0.1 × (−3.2)` reads right.
  private func parenthesised(_ tensor: Tensor) -> String {
    let body = summary(tensor)
    return tensor.isScalar && tensor.storage[0] < 0 ? "(\(body))" : body
  }
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
