import LossLanguage
import LossShell

extension Renderer {
  /// The source with a caret under the columns, then the message:
  ///
  ///       mse([1, 2, 3], [1, 2])
  ///       ^~~~~~~~~~~~~~~~~~~~~~
  ///     error: mse expects p and y of the same shape, got [3] and [2]
  ///
  /// A source wider than the terminal is shown as a window around the caret.
  func layoutError(_ report: ErrorReport) -> [Line] {
    var lines: [Line] = []
    if let source = report.source, let range = report.range, !source.isEmpty {
      let (shown, caret) = window(source, range: range, room: width - 2)
      lines.append(Line("  " + shown))
      lines.append(Line([Span("  "), Span(caret, .error)]))
    }
    let label = report.line.map { "error on line \($0): " } ?? "error: "
    lines += Wrapper.wrap(
      [Span(label, .error), Span(text(report.message))], width: width, hanging: 2)
    return lines
  }

  /// The part of `source` that fits in `room` columns around `range`, and the caret line
  /// under it (`^~~~`). Columns are Unicode scalars, as the lexer counts them.
  private func window(_ source: String, range: SourceRange, room: Int) -> (String, String) {
    let scalars = Array(source.unicodeScalars)
    let start = min(max(0, range.start), scalars.count)
    let end = min(max(start + 1, range.end), scalars.count + 1)
    let cut = glyphs.ellipsis
    var from = 0
    var to = scalars.count
    if scalars.count > room {
      let usable = max(4, room - 2 * cut.count)
      from = max(0, min(start - usable / 4, scalars.count - usable))
      to = min(scalars.count, from + usable)
    }
    var shown = String(String.UnicodeScalarView(scalars[from..<to]))
    var offset = start - from
    if from > 0 {
      shown = cut + shown
      offset += cut.count
    }
    if to < scalars.count { shown += cut }
    let visibleEnd = min(end, to + 1) - from + (from > 0 ? cut.count : 0)
    let length = max(1, visibleEnd - offset)
    let caret =
      String(repeating: " ", count: max(0, offset)) + "^"
      + String(repeating: "~", count: length - 1)
    return (text(shown), caret)
  }
}
