import LossPlots
import LossShell

extension Renderer {
  /// A plot drawn to the width: braille and colour, or ASCII with its text alternative.
  func layoutPlot(_ plot: Plot) -> [Line] {
    PlotDrawing(plot: plot, width: width, unicode: style == .color).lines()
  }

  /// The contents `save` writes: an SVG document, or the plain picture and its words.
  public static func fileContents(for request: SaveRequest) -> String {
    switch request.format {
    case .svg: return SVGWriter.document(request.plot)
    case .text:
      return Renderer(style: .plain, width: 80).render(.plot(request.plot))
    }
  }
}

/// Performs a `save` with an injected writer (the executable passes one that writes the file
/// and checks the write), and turns the outcome into an event to show.
public enum PlotSaver {
  /// Writes `contents` to `path`; returns nil on success or why it failed.
  public typealias Writer = (_ path: String, _ contents: String) -> String?

  public static func perform(_ request: SaveRequest, write: Writer) -> ShellEvent {
    let contents = Renderer.fileContents(for: request)
    if let failure = write(request.path, contents) {
      return .error(ErrorReport(message: "could not save \(request.path): \(failure)"))
    }
    let kind = request.format == .svg ? "an SVG picture" : "text"
    return .notice("saved the plot to \(request.path) as \(kind) (\(contents.utf8.count) bytes)")
  }
}
