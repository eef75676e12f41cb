import LineEditor
import LossShell
import LossTerminal
import Synchronization

/// Reads lines, hands them to the session, and prints what it says: the whole interactive
/// program, and the same loop for scripts (piped input, `losslab run FILE`).
struct ShellLoop {
  var session: ShellSession
  var source: any LineSource
  let style: Renderer.Style
  /// A copy of the session for tab completion, which libedit asks for mid-line.
  let completionView: CompletionView
  /// Draws a running `train`; its frame is ended before the line's results.
  let live: LiveTrainingDisplay
  /// Blank columns left and right of everything shown (presenter mode's wide margins).
  var margin = 0

  /// Runs until the learner quits or the input ends; returns the exit status. When standard
  /// output can no longer be written, saves history and ends the process (see
  /// ``StandardStreams/exit(after:)``): nobody is reading, and going on would only loop.
  mutating func run(greeting: [ShellEvent]) -> Int32 {
    do {
      try show(session.start() + greeting)
      while !session.shouldExit {
        let events = session.receive(ShellInput(source.next(prompt: indent + session.prompt)))
        // A Ctrl-C that stopped a computation has done its job.
        _ = Interrupts.consume()
        try show(PlotFiles.perform(events))
        completionView.update(session)
      }
    } catch {
      source.close()
      StandardStreams.exit(after: error)
    }
    source.close()
    return session.configuration.interactive || !session.anyLineFailed ? 0 : 1
  }

  /// Prints events at the terminal's current width (re-read each time, so resizing works);
  /// in a script, errors go to standard error.
  private func show(_ events: [ShellEvent]) throws(StandardStreams.Failure) {
    guard !events.isEmpty else { return }
    var renderer = Renderer(style: style, width: Terminal.width - 2 * fittedMargin)
    renderer.digits = session.displayDigits
    if session.configuration.interactive {
      try StandardStreams.write(live.finish(before: events) + indented(renderer.render(events)))
      return
    }
    for event in events {
      try StandardStreams.write(
        indented(renderer.render(event)),
        to: event.isError ? StandardStreams.Stream.error : .output)
    }
  }

  /// The margin, narrowed so that at least 40 columns stay for the text.
  private var fittedMargin: Int { max(0, min(margin, (Terminal.width - 40) / 2)) }

  private var indent: String { String(repeating: " ", count: fittedMargin) }

  /// Each line of `text` moved right by the margin (blank lines stay empty).
  private func indented(_ text: String) -> String {
    guard fittedMargin > 0 else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? "" : indent + $0
    }.joined(separator: "\n")
  }
}

extension ShellInput {
  /// What the line editor read, as the session's input.
  init(_ event: LineEvent) {
    switch event {
    case .line(let line): self = .line(line)
    case .interrupt: self = .interrupt(partial: "")
    case .eof: self = .endOfInput
    }
  }
}

/// The session as tab completion sees it: updated after every line, read from libedit's
/// completion callback (which runs outside Swift's concurrency domains, hence the lock).
final class CompletionView: Sendable {
  private let session: Mutex<ShellSession>

  init(_ session: ShellSession) { self.session = Mutex(session) }

  func update(_ newValue: ShellSession) { session.withLock { $0 = newValue } }

  /// `cursor` counts characters (the line editor's unit); the session counts UTF-8 bytes.
  func completions(line: String, cursor: Int) -> [String] {
    let byteOffset = String(line.prefix(max(0, cursor))).utf8.count
    return session.withLock { $0.completions(line: line, cursor: byteOffset) }
  }
}
