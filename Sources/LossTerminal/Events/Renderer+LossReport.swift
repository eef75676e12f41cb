import LossEngine
import LossLanguage
import LossShell

extension Renderer {
  /// A loss, its gradient, a table of where it comes from, and what to do:
  ///
  ///     mse = 0.375
  ///       gradient ∂mse/∂p = [-0.25, 0, 0.25, 0.5]
  ///          #  prediction  target  loss term  slope
  ///          1         2.5       3       0.25  -0.25  █████             ↑ raise it
  ///       …
  ///       element 4 hurts most: it is 1 too high — move it down
  func layoutLossReport(_ report: LossReport) -> [Line] {
    var lines: [Line] = []
    var title = Line(report.function, .name)
    title.add(" = ")
    title.add(number(report.value), report.value.isFinite ? .value : .bad)
    lines.append(fit(title))
    if let gradient = report.gradient {
      let label =
        "  gradient \(glyphs.partial)\(report.function)/\(glyphs.partial)\(report.predictionName) = "
      lines += Wrapper.wrap(
        [Span(label, .dim), Span(text(summary(gradient)), .value)], width: width, hanging: 4)
    }
    if let breakdown = report.breakdown {
      lines += BreakdownTable(
        renderer: self, breakdown: breakdown, predictionName: report.predictionName
      ).lines()
      if let reduction = breakdown.reduction {
        let how = reduction == .mean ? "the mean" : "the sum"
        let which = breakdown.isSummarised ? "all \(breakdown.count)" : "these \(breakdown.count)"
        lines += prose(
          "(\(report.function) is \(how) of \(which) loss terms)", tone: .dim, indent: 2)
      }
    }
    if let reading = report.reading {
      let (sentence, tone) = words(for: reading, in: report)
      guard !sentence.isEmpty else { return lines + notes(report) }
      lines += Wrapper.wrap([Span(text(sentence), tone)], width: width, indent: 2, hanging: 4)
    }
    return lines + notes(report)
  }

  private func notes(_ report: LossReport) -> [Line] {
    report.notes.flatMap { note in
      Wrapper.wrap(
        [Span("note: ", .accent), Span(text(note))], width: width, indent: 2, hanging: 4)
    }
  }

  /// An arrow before a reading in colour; plain output has the same words without it.
  private func arrow(_ direction: Direction?) -> String {
    guard style == .color else { return "" }
    switch direction {
    case .up?: return glyphs.up + " "
    case .down?: return glyphs.down + " "
    case .stay?, nil: return ""
    }
  }

  /// The reading as a sentence ("you are 0.4 too high — move down") and its tone.
  func words(for reading: Reading, in report: LossReport) -> (String, Tone) {
    let p = report.predictionName
    switch reading.focus {
    case .allOnTarget:
      return ("\(glyphs.check) every prediction is on target: nothing to correct", .good)
    case .whole:
      guard let error = reading.error else {
        switch reading.direction {
        case .down?:
          return (
            "\(arrow(.down))the slope is positive: move \(p) down to lower \(report.function)",
            .accent
          )
        case .up?:
          return (
            "\(arrow(.up))the slope is negative: move \(p) up to lower \(report.function)", .accent
          )
        case .stay?:
          return (
            "the slope is 0: \(p) sits at a flat point (a minimum, a maximum or a plateau)", .dim
          )
        case nil: return ("", .normal)
        }
      }
      if error == 0 { return ("\(glyphs.check) spot on: the prediction equals the target", .good) }
      let off = "you are \(number(Swift.abs(error))) too \(error > 0 ? "high" : "low")"
      return sentence(
        off, direction: reading.direction, pointsAway: reading.pointsAway, pronoun: "")
    case .element(let index), .row(let index):
      let noun = reading.focus == .element(index) ? "element" : "row"
      var subject = "\(noun) \(index) "
      switch reading.basis {
      case .steepestSlope: subject += "has the steepest slope"
      case .largestTerm(let term):
        subject += "hurts most" + (reading.error == nil ? " (loss term \(number(term)))" : "")
      case .only: subject += "matters most"
      }
      guard let error = reading.error else {
        switch reading.direction {
        case .down?: return ("\(arrow(.down))\(subject): move it down", .accent)
        case .up?: return ("\(arrow(.up))\(subject): move it up", .accent)
        case .stay?, nil: return (subject, .accent)
        }
      }
      let off = "\(subject): it is \(number(Swift.abs(error))) too \(error > 0 ? "high" : "low")"
      return sentence(
        off, direction: reading.direction, pointsAway: reading.pointsAway, pronoun: " it")
    }
  }

  /// "… — move down", with the arrow in front, or why there is no direction.
  private func sentence(_ off: String, direction: Direction?, pointsAway: Bool, pronoun: String)
    -> (String, Tone)
  {
    let dash = glyphs.dash
    switch direction {
    case .down?:
      if pointsAway { return ("\(off), yet the slope says move\(pronoun) down", .bad) }
      return ("\(arrow(.down))\(off) \(dash) move\(pronoun) down", .accent)
    case .up?:
      if pointsAway { return ("\(off), yet the slope says move\(pronoun) up", .bad) }
      return ("\(arrow(.up))\(off) \(dash) move\(pronoun) up", .accent)
    case .stay?:
      return ("\(off), but the slope is 0 here: this loss gives no direction", .dim)
    case nil:
      return (off, .accent)
    }
  }
}
