import LineEditor
import LossLanguage
import LossShell
import LossTerminal
import Synchronization

/// Reads lines, hands them to the session, and prints what it says: the whole interactive
/// program, and the same loop for scripts (piped input, `losslab run FILE`). Records the
/// session to a transcript while `--record` or `record FILE` asks.
struct ShellLoop {
  var session: ShellSession
  var source: any LineSource
  let layout: OutputLayout
  /// A copy of the session for tab completion, which libedit asks for mid-line.
  let completionView: CompletionView
  /// Draws a running `train` (nil: nothing is drawn while it runs); its frame is ended before
  /// the line's results, on screen only: a transcript holds the results.
  let live: LiveTrainingDisplay?
  /// What a transcript's header says about this session; nil refuses `record`.
  var recordingBase: TranscriptHeader?
  private var recorder: SessionRecorder?
  /// Every input so far, the prelude of a transcript `record FILE` starts mid-session.
  private var inputs: [ShellInput] = []
  private var inputsOverflowed = false
  private var recordedInputs = 0

  init(
    session: ShellSession, source: any LineSource, layout: OutputLayout,
    completionView: CompletionView, live: LiveTrainingDisplay?,
    recordingBase: TranscriptHeader? = nil
  ) {
    self.session = session
    self.source = source
    self.layout = layout
    self.completionView = completionView
    self.live = live
    self.recordingBase = recordingBase
  }

  /// Runs until the learner quits or the input ends; returns the exit status. When standard
  /// output can no longer be written, saves history and ends the process (see
  /// ``StandardStreams/exit(after:)``): nobody is reading, and going on would only loop.
  mutating func run(greeting: [ShellEvent]) -> Int32 {
    do {
      try show(session.start() + greeting)
      while !session.shouldExit {
        let width = Terminal.width
        let prompt = layout.prompt(session.prompt, width: width)
        let input = ShellInput(source.next(prompt: prompt))
        let typedAt = recorder?.now
        let events = session.receive(input)
        // A Ctrl-C that stopped a computation has done its job.
        _ = Interrupts.consume()
        let stopping = events.contains(.record(.stop))
        if let typedAt, !stopping {
          let echo = TranscriptEcho.text(prompt: prompt, input: input)
          record { (recorder) throws(OutputFileError) in
            try recorder.input(input, at: typedAt)
            try recorder.output(echo, width: width)
          }
          recordedInputs += 1
        }
        remember(input)
        try show(perform(PlotFiles.perform(events)))
        completionView.update(session)
      }
    } catch {
      source.close()
      finishRecording()
      StandardStreams.exit(after: error)
    }
    source.close()
    finishRecording()
    return session.configuration.interactive || !session.anyLineFailed ? 0 : 1
  }

  /// Starts recording to `path` (`--record`); the reason when the file cannot be written.
  mutating func startRecording(to path: String) -> String? {
    guard let recordingBase else { return "this session cannot be recorded" }
    do {
      recorder = try SessionRecorder(path: path, base: recordingBase, prelude: inputs)
      recordedInputs = 0
      return nil
    } catch {
      return error.reason
    }
  }

  /// Prints events at the terminal's current width (re-read each time, so resizing works);
  /// in a script, errors go to standard error. A recording gets the same text.
  private mutating func show(_ events: [ShellEvent]) throws(StandardStreams.Failure) {
    let width = Terminal.width
    let pieces = layout.pieces(events, width: width, digits: session.displayDigits)
    guard !pieces.isEmpty else { return }
    if layout.interactive, let finished = live?.finish(before: events), !finished.isEmpty {
      try StandardStreams.write(finished)
    }
    for piece in pieces {
      try StandardStreams.write(piece.text, to: piece.toError ? .error : .output)
    }
    let text = pieces.map(\.text).joined()
    record { (recorder) throws(OutputFileError) in try recorder.output(text, width: width) }
  }

  private mutating func remember(_ input: ShellInput) {
    guard !inputsOverflowed else { return }
    if inputs.count >= TranscriptLimits.maximumEvents {
      inputsOverflowed = true
      inputs = []
    } else {
      inputs.append(input)
    }
  }

  /// Runs `action` on the recorder; a failed write ends the recording with a notice.
  private mutating func record(_ action: (SessionRecorder) throws(OutputFileError) -> Void) {
    guard let recorder else { return }
    do { try action(recorder) } catch {
      self.recorder = nil
      try? recorder.close()
      StandardStreams.report(
        "losslab: the recording stopped: cannot write \(recorder.shownPath): \(error.reason)\n")
    }
  }

  /// The events with `record FILE` and `record stop` carried out.
  private mutating func perform(_ events: [ShellEvent]) -> [ShellEvent] {
    events.map { event in
      guard case .record(let request) = event else { return event }
      switch request {
      case .start(let path):
        if let recorder {
          return .notice("already recording to \(recorder.shownPath): `record stop` first")
        }
        if inputsOverflowed {
          return .notice(
            "this session is too long to record from here; start `losslab --record FILE` instead")
        }
        let shown = PrintableText.sanitized(path, keepingNewlines: false)
        if let reason = startRecording(to: path) {
          return .error(Diagnostic(message: "cannot record to \(shown): \(reason)"))
        }
        return .notice(
          "recording to \(shown): what you type and what LossLab shows, until `record stop` or the end of the session; `losslab replay \(shown)` plays it back"
        )
      case .stop:
        guard let recorder else { return .notice("nothing is being recorded") }
        self.recorder = nil
        do throws(OutputFileError) { try recorder.close() } catch {
          return .error(Diagnostic(message: "cannot finish \(recorder.shownPath): \(error.reason)"))
        }
        return .notice(
          "saved the recording to \(recorder.shownPath) (\(recordedInputs) input\(recordedInputs == 1 ? "" : "s")); `losslab replay \(recorder.shownPath)` plays it back"
        )
      }
    }
  }

  private mutating func finishRecording() {
    guard let recorder else { return }
    self.recorder = nil
    do { try recorder.close() } catch {
      StandardStreams.report("losslab: cannot finish \(recorder.shownPath): \(error.reason)\n")
    }
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
