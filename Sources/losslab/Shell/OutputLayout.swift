import LineEditor
import LossShell
import LossTerminal

/// How events become the text on screen: the renderer's style, the margins of presenter mode,
/// errors to standard error in a script. The shell, the recorder and the replay share it, so
/// a replay lays out exactly what was recorded.
struct OutputLayout {
  let style: Renderer.Style
  /// False for scripts: errors go to standard error.
  let interactive: Bool
  /// Blank columns left and right (presenter mode).
  var margin = 0

  /// One piece of output and where it goes.
  struct Piece {
    let text: String
    let toError: Bool
  }

  /// The margin for a terminal `width` columns wide, narrowed so 40 columns stay for text.
  func margin(width: Int) -> Int { max(0, min(margin, (width - 40) / 2)) }

  /// The prompt as shown, moved right by the margin.
  func prompt(_ prompt: String, width: Int) -> String {
    String(repeating: " ", count: margin(width: width)) + prompt
  }

  /// The text for `events` at `width` columns, numbers to `digits` significant digits (the
  /// session's `digits N`).
  func pieces(_ events: [ShellEvent], width: Int, digits: Int) -> [Piece] {
    guard !events.isEmpty else { return [] }
    let margin = margin(width: width)
    var renderer = Renderer(style: style, width: width - 2 * margin)
    renderer.digits = digits
    if interactive {
      return [Piece(text: indented(renderer.render(events), by: margin), toError: false)]
    }
    return events.map {
      Piece(text: indented(renderer.render($0), by: margin), toError: $0.isError)
    }
  }

  /// All of it as one text, as a terminal shows both streams.
  func text(_ events: [ShellEvent], width: Int, digits: Int) -> String {
    pieces(events, width: width, digits: digits).map(\.text).joined()
  }

  /// Each line moved right by `margin` (blank lines stay empty).
  private func indented(_ text: String, by margin: Int) -> String {
    guard margin > 0 else { return text }
    let indent = String(repeating: " ", count: margin)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? "" : indent + $0
    }.joined(separator: "\n")
  }
}
