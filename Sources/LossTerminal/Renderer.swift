import LossEngine
import LossLanguage
import LossShell

/// Turns session events into terminal text: colour and Unicode on a capable terminal, plain
/// ASCII with the same information otherwise; prose wrapped and tables kept within `width`.
///
///     let renderer = Renderer(style: .color, width: 80)
///     print(renderer.render(session.handle(line: "mse(2.4, 2)")), terminator: "")
///
/// Pure: it reads nothing and writes nothing; where the text goes (stdout, stderr for
/// ``ShellEvent/isError`` in scripts) is the caller's choice.
public struct Renderer: Sendable {
  public enum Style: Sendable, Equatable {
    /// ANSI colours and Unicode symbols.
    case color
    /// ASCII only, no escape sequences.
    case plain
  }

  public let style: Style
  /// Columns available; at least 20.
  public let width: Int
  /// Significant digits of the numbers shown where no other count is asked for (the shell's
  /// `digits N`).
  public var digits = 6

  public init(style: Style, width: Int) {
    self.style = style
    self.width = max(20, width)
  }

  /// The text for some events, each line ending in a newline (empty for no output).
  public func render(_ events: [ShellEvent]) -> String {
    events.map(render).joined()
  }

  /// The text for one event, each line ending in a newline.
  public func render(_ event: ShellEvent) -> String {
    lines(for: event).map { $0 + "\n" }.joined()
  }

  /// The lines for one event, without newlines.
  public func lines(for event: ShellEvent) -> [String] {
    layout(event).map(encode)
  }

  // MARK: Layout

  var glyphs: Glyphs { style == .color ? .unicode : .ascii }

  /// Text from the session or the built-ins, in ASCII when plain.
  func text(_ string: String) -> String { style == .plain ? Glyphs.asciify(string) : string }

  func layout(_ event: ShellEvent) -> [Line] {
    switch event {
    case .welcome(let welcome): return layoutWelcome(welcome)
    case .value(let name, let value): return layoutValue(name: name, value)
    case .lossReport(let report): return layoutLossReport(report)
    case .defined(let function): return layoutDefined(function)
    case .watchUpdate(let report): return layoutWatch(report)
    case .watchList(let reports): return layoutWatchList(reports)
    case .error(let report): return layoutError(report)
    case .finding(let note):
      return Wrapper.wrap([Span("note: ", .accent), Span(text(note))], width: width, hanging: 2)
    case .help(let page): return layoutHelp(page)
    case .helpIndex(let index): return layoutHelpIndex(index)
    case .variables(let listing): return layoutVariables(listing)
    case .history(let first, let lines): return layoutHistory(first: first, lines)
    case .notice(let message): return prose(message, tone: .dim, hanging: 2)
    case .interrupted(let message): return prose(message, tone: .accent, hanging: 2)
    case .goodbye: return prose("Bye! See you next time.", tone: .dim)
    case .lesson(let event): return layoutLesson(event)
    case .lessonMenu(let menu): return layoutLessonMenu(menu)
    case .plot(let plot): return layoutPlot(plot)
    case .plotText(let sentences):
      return sentences.flatMap { prose($0, indent: 2) }
    case .savePlot(let request):
      let what = request.format == .notes ? "the course notes" : "the plot"
      return prose("saving \(what) to \(request.path)", tone: .dim, indent: 2)
    case .record(.start(let path)):
      return prose("recording to \(path)", tone: .dim, indent: 2)
    case .record(.stop): return prose("stopping the recording", tone: .dim, indent: 2)
    case .trainingProgress(let progress, _): return layoutProgress(progress)
    case .trained(let run): return layoutTrained(run)
    case .stepped(let report): return layoutStepped(report)
    }
  }

  /// Wrapped prose in one tone.
  func prose(_ string: String, tone: Tone = .normal, indent: Int = 0, hanging: Int? = nil) -> [Line]
  {
    Wrapper.wrap([Span(text(string), tone)], width: width, indent: indent, hanging: hanging)
  }

  /// A line, cut to the width.
  func fit(_ line: Line) -> Line { line.truncated(to: width, ellipsis: glyphs.ellipsis) }

  /// Spans to characters, with SGR codes around styled spans in colour mode (neighbours of
  /// one tone share one code). The output boundary: whatever a span holds, its control
  /// characters are made visible here, so the only escapes written are the renderer's own.
  func encode(_ line: Line) -> String {
    var merged: [Span] = []
    for var span in line.spans where !span.text.isEmpty {
      span.text = PrintableText.sanitized(span.text, keepingNewlines: false)
      if let last = merged.last, last.tone == span.tone {
        merged[merged.count - 1].text += span.text
      } else {
        merged.append(span)
      }
    }
    var out = ""
    for span in merged {
      if style == .color, let code = SGR.start(span.tone),
        span.tone.isBackground || !span.text.allSatisfy({ $0 == " " })
      {
        out += code + span.text + SGR.reset
      } else {
        out += span.text
      }
    }
    // Trailing spaces from padding are invisible and make copy-paste and snapshots noisy.
    while out.hasSuffix(" ") { out.removeLast() }
    return out
  }

  // MARK: Numbers

  /// A number as learners read it.
  func number(_ x: Double, digits: Int? = nil) -> String {
    ValueFormatter.number(x, significantDigits: digits ?? self.digits)
  }

  /// A vector's elements, at most `limit` of them: `1, 2, 3, …, 9, 10`.
  func summarisedElements(_ values: [Double], limit: Int = 10, digits: Int? = nil) -> String {
    ValueFormatter.summarisedElements(
      values, limit: limit, significantDigits: digits ?? self.digits, ellipsis: glyphs.ellipsis)
  }

  /// A value on one line, long vectors and matrices summarised: `[1, 2, …, 10] (1000 values)`.
  func summary(_ value: Value, digits: Int? = nil) -> String {
    ValueFormatter.summary(
      value, significantDigits: digits ?? self.digits, ellipsis: glyphs.ellipsis)
  }

  func summary(_ tensor: Tensor, digits: Int? = nil) -> String {
    ValueFormatter.summary(
      tensor, significantDigits: digits ?? self.digits, ellipsis: glyphs.ellipsis)
  }
}
