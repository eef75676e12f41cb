import LossEngine
import LossLanguage
import LossShell

extension Renderer {
  /// A watched expression after a change:
  ///
  ///     watch 1: mse(w * x, y) = 2.5   ↓ better by 3.125
  ///       ∂/∂w = -5: raise w to lower it
  ///
  /// Plain output says "down by 3.125, better" instead of the arrow.
  func layoutWatch(_ report: WatchReport) -> [Line] {
    var spans = [
      Span(report.isNew ? "watching \(report.number): " : "watch \(report.number): ", .dim)
    ]
    spans.append(Span(text(report.source)))
    switch report.result {
    case .failed(let message):
      spans.append(Span(text(" cannot be computed now: \(message)"), .bad))
      return Wrapper.wrap(spans, width: width, hanging: 4)
    case .value(let value):
      spans.append(Span(" = "))
      let finite = value.tensor?.storage.allSatisfy(\.isFinite) ?? true
      spans.append(Span(text(summary(value)), finite ? .value : .bad))
      if let change = report.change { spans += changeSpans(change) }
    }
    var lines = Wrapper.wrap(spans, width: width, hanging: 4)
    for gradient in report.gradients { lines += slopeLines(gradient) }
    return lines
  }

  /// `↓ better by 3.125`, `↑ worse by 1`, `unchanged`.
  func changeSpans(_ change: Double) -> [Span] {
    let amount = number(Swift.abs(change))
    let plain = style == .plain
    if change < 0 {
      return [
        Span("   "),
        Span(plain ? "down by \(amount), better" : "\(glyphs.down) better by \(amount)", .good),
      ]
    }
    if change > 0 {
      return [
        Span("   "),
        Span(plain ? "up by \(amount), worse" : "\(glyphs.up) worse by \(amount)", .bad),
      ]
    }
    return [Span("   "), Span("unchanged", .dim)]
  }

  /// The slope with respect to one variable, and for one number which way to move it.
  private func slopeLines(_ gradient: NamedTensor) -> [Line] {
    let label = "\(glyphs.partial)/\(glyphs.partial)\(gradient.name) = "
    var spans = [Span("  " + label, .dim), Span(text(summary(gradient.tensor)), .value)]
    if gradient.tensor.count == 1, let slope = gradient.tensor.scalarValue {
      let advice: String
      switch Direction(slope: slope) {
      case .down: advice = ": lower \(gradient.name) to lower it"
      case .up: advice = ": raise \(gradient.name) to lower it"
      case .stay: advice = ": flat in \(gradient.name) here"
      }
      spans.append(Span(advice, .accent))
    }
    return Wrapper.wrap(spans, width: width, hanging: 4)
  }

  func layoutWatchList(_ reports: [WatchReport]) -> [Line] {
    var lines = [Line("Watching", .heading)]
    for report in reports {
      var line = Line([Span("  \(report.number)  ", .dim), Span(text(report.source))])
      switch report.result {
      case .value(let value):
        line.add(" = ")
        line.add(text(summary(value)), .value)
      case .failed(let message):
        line.add(text(": cannot be computed now: \(message)"), .bad)
      }
      lines.append(fit(line))
    }
    return lines
  }
}
