import LossLanguage
import LossShell

extension Renderer {
  /// ``Diagnostic``'s layout (a window of the source, the caret, the message), coloured and
  /// wrapped to the terminal.
  func layoutError(_ diagnostic: Diagnostic) -> [Line] {
    var lines: [Line] = []
    if let excerpt = diagnostic.excerpt(room: width - 2, ellipsis: glyphs.ellipsis) {
      lines.append(Line("  " + text(excerpt.source)))
      lines.append(Line([Span("  "), Span(excerpt.marker, .error)]))
    }
    lines += Wrapper.wrap(
      [Span(diagnostic.label, .error), Span(text(diagnostic.message))], width: width, hanging: 2)
    return lines
  }
}
