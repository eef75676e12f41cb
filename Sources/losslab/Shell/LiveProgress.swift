import Foundation
import LineEditor
import LossShell
import LossTerminal

/// Writes `train`'s progress while it runs: on a colour terminal one line redrawn in place
/// (the plots layer will draw a live curve here); in plain mode or a script one line per
/// reported step (a script hears only `every=` steps: the session's throttle decides).
enum LiveProgress {
  static func sink(style: Renderer.Style, interactive: Bool) -> @Sendable (ShellEvent) -> Void {
    let inPlace = style == .color && interactive
    return { event in
      let renderer = Renderer(style: style, width: Terminal.width)
      let text = renderer.lines(for: event).joined(separator: " ")
      let output = inPlace ? "\r" + text + "\u{1B}[K" : text + "\n"
      FileHandle.standardOutput.write(Data(output.utf8))
    }
  }

  /// Ends an in-place progress line before the line's results are printed.
  static func finish(style: Renderer.Style, interactive: Bool, events: [ShellEvent]) -> String {
    let inPlace = style == .color && interactive
    return inPlace && events.contains(where: { if case .trained = $0 { true } else { false } })
      ? "\r\u{1B}[K" : ""
  }
}
