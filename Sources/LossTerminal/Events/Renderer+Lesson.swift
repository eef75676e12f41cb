import LossEngine
import LossLanguage
import LossLessons
import LossShell

extension Renderer {
  /// Markup is read before plain output replaces symbols, so a `·` that becomes `*` is never
  /// taken for an emphasis mark.
  func styled(_ source: String, base: Tone = .normal) -> [Span] {
    MarkupSpans.parse(source, style: style, base: base).map { Span(text($0.text), $0.tone) }
  }

  func layoutLesson(_ event: LessonEvent) -> [Line] {
    switch event {
    case .header(let lesson, let step, let count, let title):
      return [Line()] + headerLines(lesson: lesson, step: step, of: count, title: title)
    case .text(let markup):
      return LessonParagraphs.split(markup).flatMap { paragraph -> [Line] in
        switch paragraph {
        case .blank: return [Line()]
        case .verbatim(let line):
          // Code and tables are never cut: a line too wide breaks at its spaces, indented.
          let spans = [Span(" ")] + styled(line)
          let indent = 1 + line.prefix { $0 == " " }.count
          return Line(spans).width <= width
            ? [Line(spans)] : Wrapper.wrap(spans, width: width, hanging: indent + 2)
        case .prose(let prose):
          return wrapKeepingTogether(
            styled(prose), indent: 1, hanging: 1)
        }
      }
    case .options(let options):
      return options.enumerated().flatMap { index, option in
        wrapKeepingTogether(
          [Span("  \(index + 1). ", .accent)] + styled(option),
          hanging: 5)
      }
    case .readouts(let readouts):
      return readoutLines(readouts)
    case .feedback(let words, let tone):
      let color: Tone = tone == .good ? .good : (tone == .bad ? .bad : .normal)
      return wrapKeepingTogether(
        styled("   " + words, base: color), hanging: 3)
    case .hint(let number, let count, let hint):
      return wrapKeepingTogether(
        [Span("  hint \(number) of \(count): ", .accent)]
          + styled(hint), hanging: 4)
    case .answer(let answer):
      let lines = answer.split(separator: "\n").map(String.init)
      if lines.count > 1 {
        return [Line("  answer, line by line:", .accent)]
          + lines.flatMap { Wrapper.wrap([Span(text($0), .value)], width: width, indent: 4) }
      }
      return Wrapper.wrap(
        [Span("  answer: ", .accent), Span(text(answer), .value)], width: width, hanging: 4)
    case .inputProblem(let message):
      return wrapKeepingTogether(
        styled("   " + message, base: .bad), hanging: 3)
    case .error(let error, let source):
      return layoutError(Diagnostic(error, source: source))
    case .value(let name, let value):
      return layoutValue(name: name, value)
    case .trained(let run):
      return layoutTrained(run)
    case .stepped(let report):
      return layoutStepped(report)
    case .plot(let plot):
      return layoutPlot(plot)
    case .plotError(let error, let source):
      return layoutError(Diagnostic(message: error.message, source: source, range: error.range))
    case .propertyCheck(let passed, let property, let detail):
      let mark =
        passed ? Span("  \(glyphs.check) ", .good) : Span(style == .plain ? "  x " : "  ✗ ", .bad)
      return wrapKeepingTogether(
        [
          mark, Span(text(property), passed ? .normal : .bad), Span(": ", .dim),
          Span(text(detail), .dim),
        ],
        hanging: 6)
    case .stepComplete:
      return Wrapper.wrap(
        [Span("  \(glyphs.check) ", .good), Span("step done. Press Enter to go on.", .dim)],
        width: width, hanging: 4)
    case .pressEnter:
      return prose("(press Enter to go on)", tone: .dim, indent: 2)
    case .lessonComplete(let title, let stats):
      var lines = [Line()] + prose("\(glyphs.check) You finished \(title)!", tone: .good, indent: 1)
      var counts = "\(stats.attempts) tr\(stats.attempts == 1 ? "y" : "ies")"
      counts += ", \(stats.hints) hint\(stats.hints == 1 ? "" : "s")"
      counts += ", \(stats.skips) skip\(stats.skips == 1 ? "" : "s")"
      lines += prose(counts + ". Your progress is saved.", tone: .dim, indent: 1)
      return lines
    case .notice(let message):
      return wrapKeepingTogether(
        styled("  " + message, base: .dim), hanging: 2)
    }
  }

  /// Wraps lesson prose without breaking a `code` span or a `[list, of, numbers]` across lines,
  /// unless one is wider than a whole line (then it breaks at its spaces, never mid-token).
  func wrapKeepingTogether(_ spans: [Span], indent: Int = 0, hanging: Int) -> [Line] {
    let room = width - max(indent, hanging)
    let glue: Character = "\u{00A0}"
    var joined: [Span] = []
    for span in spans {
      if span.tone == .name {
        let fits = span.text.count <= room
        joined.append(
          Span(fits ? String(span.text.map { $0 == " " ? glue : $0 }) : span.text, span.tone))
        continue
      }
      var characters = Array(span.text)
      var depth = 0
      var start = 0
      for index in characters.indices {
        if characters[index] == "[" {
          if depth == 0 { start = index }
          depth += 1
        } else if characters[index] == "]", depth > 0 {
          depth -= 1
          if depth == 0, index - start + 1 <= room {
            for i in start...index where characters[i] == " " { characters[i] = glue }
          }
        }
      }
      joined.append(Span(String(characters), span.tone))
    }
    return Wrapper.wrap(joined, width: width, indent: indent, hanging: hanging).map { line in
      Line(line.spans.map { Span(String($0.text.map { $0 == glue ? " " : $0 }), $0.tone) })
    }
  }

  /// ── Lesson · title ───────── step 2 of 9 ──, then the step's title.
  private func headerLines(lesson: String, step: Int, of count: Int, title: String?) -> [Line] {
    let rule = String(glyphs.rule)
    let left = "\(rule)\(rule) \(text(lesson)) "
    let right = " step \(step) of \(count) \(rule)\(rule)"
    let fill = max(2, width - left.count - right.count)
    var lines: [Line]
    if left.count + right.count + 2 <= width {
      lines = [
        Line([
          Span(left, .heading), Span(String(repeating: rule, count: fill), .dim), Span(right, .dim),
        ])
      ]
    } else {
      lines =
        prose(text(lesson), tone: .heading, indent: 1) + [Line("  step \(step) of \(count)", .dim)]
    }
    if let title { lines += prose(text(title), tone: .strong, indent: 1) }
    return lines
  }

  /// `loss = 500   ↓ better by 1200   ∂loss/∂guess = [40, -20]`.
  private func readoutLines(_ readouts: LessonReadouts) -> [Line] {
    var spans: [Span] = [Span("   ")]
    if let loss = readouts.loss {
      spans += [Span("loss = ", .dim), Span(number(loss), loss.isFinite ? .value : .bad)]
    }
    if let change = readouts.change {
      spans += readouts.loss == nil ? Array(changeSpans(change).dropFirst()) : changeSpans(change)
    }
    var lines = Wrapper.wrap(spans, width: width, hanging: 5)
    for gradient in readouts.gradients {
      let label = "   \(glyphs.partial)loss/\(glyphs.partial)\(gradient.name) = "
      lines += Wrapper.wrap(
        [Span(label, .dim), Span(text(summary(gradient.tensor)), .value)], width: width, hanging: 5)
    }
    return lines
  }

  func layoutLessonMenu(_ menu: LessonMenu) -> [Line] {
    var lines = [Line("The course", .heading)]
    for row in menu.rows {
      let mark: (String, Tone)
      switch row.status {
      case .done: mark = (style == .plain ? "[done]" : "\(glyphs.check) done", .good)
      case .inProgress(let step, let count): mark = ("step \(step)/\(count)", .accent)
      case .new: mark = ("new", .dim)
      }
      var line = Line([
        Span(
          String(repeating: " ", count: max(1, 4 - "\(row.number)".count)) + "\(row.number)  ",
          .accent)
      ])
      line.add(text(row.title), .strong)
      line.add("  \(row.minutes) min  ", .dim)
      line.add(mark.0, mark.1)
      if !row.isBuiltin { line.add("  (your lesson)", .dim) }
      lines.append(fit(line))
      lines += Wrapper.wrap([Span(text(row.summary), .dim)], width: width, indent: 8)
    }
    if menu.rows.isEmpty { lines += prose("No lessons found.", tone: .dim, indent: 2) }
    for problem in menu.problems {
      lines += prose("could not read " + problem, tone: .bad, indent: 2, hanging: 4)
    }
    lines += prose(
      "Type `start N` to begin lesson N, or `start` to continue where you left off.", tone: .dim,
      indent: 1)
    return lines
  }
}
