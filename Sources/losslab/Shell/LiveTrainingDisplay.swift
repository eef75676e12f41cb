import LineEditor
import LossShell
import LossTerminal
import Synchronization

/// Shows `train`'s progress while it runs. On a colour terminal it redraws one frame in place
/// (the loss curve so far and a progress line; the session's throttle bounds the rate to one
/// frame per 50 ms); in plain mode or a script it prints one line per reported step.
///
/// Redrawing moves the cursor up over the previous frame and clears to the end of the screen,
/// so every frame line must fit the width (the renderer fits them): a wrapped line would throw
/// the count off.
final class LiveTrainingDisplay: Sendable {
  private let style: Renderer.Style
  private let inPlace: Bool
  private struct Frame {
    /// Lines on screen (0 when none); the cursor is at the end of the last one.
    var height = 0
    /// Frames drawn for the running `train`.
    var count = 0
  }
  private let frame = Mutex(Frame())

  init(style: Renderer.Style, interactive: Bool) {
    self.style = style
    self.inPlace = style == .color && interactive
  }

  /// The session's live-event sink.
  var sink: @Sendable (ShellEvent) -> Void {
    { [self] event in show(event) }
  }

  private func show(_ event: ShellEvent) {
    let renderer = Renderer(style: style, width: Terminal.width)
    guard case .trainingProgress(let progress, let curve) = event else {
      write(renderer.render(event))
      return
    }
    guard inPlace else {
      // Without a frame to redraw, only the `every=` steps print (one line each).
      if let every = progress.every, progress.step % every == 0 { write(renderer.render(event)) }
      return
    }
    let lines = renderer.liveTrainingFrame(progress, curve: curve)
    frame.withLock { frame in
      write(Self.erase(frame.height) + lines.joined(separator: "\n"))
      frame.height = lines.count
      frame.count += 1
    }
  }

  /// Ends the frame before a line's results are printed: redrawn whole from the finished run
  /// (the last redraw may be up to 50 ms old), or left as it was when the run stopped with an
  /// error, then a newline. A run over within its first frame (under 50 ms) is not worth a
  /// picture: its frame is erased. Empty when no frame is on screen.
  func finish(before events: [ShellEvent]) -> String {
    frame.withLock { frame in
      guard frame.height > 0 else { return "" }
      defer { frame = Frame() }
      for case .trained(let run) in events {
        guard frame.count > 1 else { return Self.erase(frame.height) }
        let renderer = Renderer(style: style, width: Terminal.width)
        return Self.erase(frame.height) + renderer.finalTrainingFrame(run).joined(separator: "\n")
          + "\n"
      }
      return "\n"
    }
  }

  /// Back to the first column of a frame `height` lines tall, and clear from there down.
  private static func erase(_ height: Int) -> String {
    guard height > 0 else { return "" }
    return "\r" + (height > 1 ? "\u{1B}[\(height - 1)A" : "") + "\u{1B}[J"
  }

  /// A failed write is left for the shell loop's next write to report (it ends the process
  /// when nobody is reading); drawing only stops.
  private func write(_ text: String) {
    try? StandardStreams.write(text)
  }
}
