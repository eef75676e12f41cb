import LossLanguage
import LossPlots
import LossShell

extension Renderer {
  /// A plot drawn to the width: braille and colour, or ASCII with its text alternative.
  func layoutPlot(_ plot: Plot) -> [Line] {
    PlotDrawing(plot: plot, width: width, unicode: style == .color).lines()
  }

  /// The widths `lesson check` draws each plot step at: the narrowest supported terminal and a
  /// common one.
  public static let checkWidths = [40, 80]

  /// Draws a plot at ``checkWidths`` in colour and in plain ASCII; says what went wrong (a line
  /// wider than the terminal, nothing drawn), or nil.
  public static func plotProblem(_ plot: Plot) -> String? {
    for width in checkWidths {
      for style in [Style.color, .plain] {
        let lines = Renderer(style: style, width: width).layoutPlot(plot)
        if lines.count < 3 { return "nothing drawn at \(width) columns" }
        if let wide = lines.first(where: { $0.width > width }) {
          return "at \(width) columns a line is \(wide.width) wide: \(wide.plainText)"
        }
      }
    }
    return nil
  }

  /// The contents `save` writes: an SVG document, the plain picture and its words, or the
  /// course notes.
  public static func fileContents(for request: SaveRequest) -> String {
    switch (request.format, request.plot) {
    case (.notes, _): return CourseNotes.markdown
    case (.svg, let plot?): return SVGWriter.document(plot)
    case (.text, let plot?): return Renderer(style: .plain, width: 80).render(.plot(plot))
    case (.svg, nil), (.text, nil): return ""
    }
  }
}

/// Performs a `save` with an injected writer (the executable passes one that writes the file
/// and checks the write), and turns the outcome into an event to show.
public enum PlotSaver {
  /// Writes `contents` to `path`; returns nil on success or why it failed.
  public typealias Writer = (_ path: String, _ contents: String) -> String?

  /// `exists` says whether `path` is already there, so replacing a file is never silent.
  public static func perform(
    _ request: SaveRequest, exists: (String) -> Bool = { _ in false }, write: Writer
  ) -> ShellEvent {
    let shown = PrintableText.sanitized(request.path, keepingNewlines: false)
    let contents = Renderer.fileContents(for: request)
    let replaced = exists(request.path)
    if let failure = write(request.path, contents) {
      return .error(request.failure("could not save \(shown): \(failure)"))
    }
    let what: String
    switch request.format {
    case .svg: what = "saved the plot to \(shown) as an SVG picture"
    case .text: what = "saved the plot to \(shown) as text"
    case .notes: what = "saved the course notes to \(shown) as Markdown"
    }
    let note = replaced ? ", replacing the file that was there" : ""
    return .notice("\(what) (\(contents.utf8.count) bytes)\(note)")
  }
}
