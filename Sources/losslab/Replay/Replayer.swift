import Foundation
import LineEditor
import LossShell
import LossTerminal

/// Plays a transcript back through a fresh session: each input typed out on screen, run by the
/// engine, its output shown and compared with the recorded output. Writes nothing but the
/// screen: no progress file (the session's progress is in memory), no `save`d plots, no
/// recordings.
struct Replayer {
  var session: ShellSession
  let transcript: Transcript
  /// Lays out output exactly as the recording did (its style, margins, script mode).
  let recordedLayout: OutputLayout
  /// The style of this screen, when it differs from the recording's.
  let screenStyle: Renderer.Style
  var pacing: Pacing

  struct Pacing {
    /// How many times faster than recorded; 0 for no waiting at all.
    var speed: Double
    /// Wait for Enter before each input.
    var stepByStep: Bool
    /// Pauses are shortened to this many seconds (recorded ones can be hours).
    static let longestPause = 2.0
    /// Seconds per typed character at speed 1, and at most this long for a whole line.
    static let perCharacter = 0.03
    static let longestLine = 1.0
  }

  /// What differed: the input's number, what it was, where the lesson stood.
  struct Mismatch {
    let turn: Int
    let input: String
    let position: String?
    let difference: TranscriptDifference
  }

  /// Replays everything; returns the mismatches found (empty when all output was as recorded).
  mutating func run(opening: [ShellEvent]) throws(StandardStreams.Failure) -> (
    mismatches: [Mismatch], inputs: Int, stoppedEarly: Bool
  ) {
    var mismatches: [Mismatch] = []
    let turns = transcript.turns
    let started = session.start() + opening
    let hasPrelude = !transcript.header.prelude.isEmpty
    for input in transcript.header.prelude where !session.shouldExit {
      _ = session.receive(input)
    }
    var inputs = 0
    var previousTime = 0.0
    for turn in turns {
      if Interrupts.consume() {
        try StandardStreams.write("\nreplay stopped at input \(turn.number) (Ctrl-C)\n")
        return (mismatches, inputs, true)
      }
      let events: [ShellEvent]
      var echo = ""
      if let input = turn.input {
        guard !session.shouldExit else {
          let mismatch = Mismatch(
            turn: turn.number, input: describe(input), position: nil,
            difference: TranscriptDifference(
              line: 1, recorded: "(more input)", replayed: "(the session had ended)"))
          mismatches.append(mismatch)
          try StandardStreams.write(Replayer.flag(mismatch))
          break
        }
        inputs += 1
        let prompt = recordedLayout.prompt(session.prompt, width: turn.width)
        try wait(from: previousTime, to: turn.time)
        try type(prompt: prompt, input)
        previousTime = turn.time
        echo = TranscriptEcho.text(prompt: prompt, input: input)
        events = Replayer.harmless(session.receive(input))
        _ = Interrupts.consume()
      } else {
        events = Replayer.harmless(started)
        guard !hasPrelude else { continue }
      }
      let replayed =
        echo + recordedLayout.text(events, width: turn.width, digits: session.displayDigits)
      try show(events, width: turn.width)
      if let difference = TranscriptDifference.between(recorded: turn.recorded, replayed: replayed)
      {
        let mismatch = Mismatch(
          turn: turn.number, input: turn.input.map(describe) ?? "the opening",
          position: session.lessonPosition, difference: difference)
        mismatches.append(mismatch)
        try StandardStreams.write(Replayer.flag(mismatch))
      }
    }
    return (mismatches, inputs, false)
  }

  /// The events with the requests that would write files answered without writing: a `save`
  /// says what it said when recorded (the file is not written), a `record` is refused.
  static func harmless(_ events: [ShellEvent]) -> [ShellEvent] {
    PlotFiles.perform(events, exists: { _ in false }, write: { _, _ in nil }).map { event in
      guard case .record = event else { return event }
      return .notice("a replay does not record")
    }
  }

  private func show(_ events: [ShellEvent], width: Int) throws(StandardStreams.Failure) {
    let layout = OutputLayout(
      style: screenStyle, interactive: recordedLayout.interactive, margin: recordedLayout.margin)
    try StandardStreams.write(layout.text(events, width: width, digits: session.displayDigits))
  }

  /// `mse(2, 1)`, `Enter`, `Ctrl-C`, `Ctrl-D`, safe to print.
  private func describe(_ input: ShellInput) -> String {
    switch input {
    case .line(let line) where line.allSatisfy(\.isWhitespace): return "Enter"
    case .line(let line): return "`" + TranscriptDifference.shown(line) + "`"
    case .interrupt: return "Ctrl-C"
    case .endOfInput: return "Ctrl-D"
    }
  }

  static func flag(_ mismatch: Mismatch) -> String {
    let place = mismatch.position.map { " in \($0)" } ?? ""
    let d = mismatch.difference
    return """
      !! replay differs at input \(mismatch.turn) (\(mismatch.input))\(place), line \(d.line):
      !!   recorded: \(d.recorded)
      !!   now:      \(d.replayed)

      """
  }

  // MARK: Pacing

  private var paced: Bool { pacing.speed > 0 && isatty(STDOUT_FILENO) == 1 }

  private func wait(from previous: Double, to time: Double) throws(StandardStreams.Failure) {
    if pacing.stepByStep {
      _ = readLine()
      return
    }
    guard paced else { return }
    sleep(min(Pacing.longestPause, max(0, time - previous)) / pacing.speed)
  }

  private func type(prompt: String, _ input: ShellInput) throws(StandardStreams.Failure) {
    let shown = TranscriptEcho.text(prompt: prompt, input: input)
    guard paced, case .line(let line) = input, !line.isEmpty else {
      try StandardStreams.write(shown)
      return
    }
    try StandardStreams.write(prompt)
    let characters = Array(TranscriptEcho.shown(line))
    let each = min(Pacing.perCharacter, Pacing.longestLine / Double(characters.count))
    for character in characters {
      try StandardStreams.write(String(character))
      sleep(each / pacing.speed)
    }
    try StandardStreams.write("\n")
  }

  private func sleep(_ seconds: Double) {
    guard seconds > 0, seconds.isFinite else { return }
    Thread.sleep(forTimeInterval: min(seconds, Pacing.longestPause))
  }
}
