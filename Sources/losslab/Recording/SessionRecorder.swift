import Foundation
import LineEditor
import LossLanguage
import LossLessons
import LossShell

/// Writes a transcript while the session runs (`--record FILE`, `record FILE`): the header,
/// then each input and each output as they happen, so a crash keeps what was recorded. A write
/// that fails stops the recording and says so once.
final class SessionRecorder {
  let path: String
  /// The path as messages print it (a name from the command line may hold escapes).
  var shownPath: String { PrintableText.sanitized(path, keepingNewlines: false) }
  private let file: OutputFile
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  private var width: Int
  private var eventCount = 0

  /// Creates `path` and writes the header (`base` with the terminal's size and the prelude).
  init(path: String, base: TranscriptHeader, prelude: [ShellInput]) throws(OutputFileError) {
    self.path = path
    var header = base
    header.width = Terminal.width
    header.height = Terminal.height
    header.timestamp = Int(Date().timeIntervalSince1970)
    header.prelude = prelude
    width = header.width
    started = clock.now
    file = try OutputFile(path: path)
    try file.write(TranscriptCodec.headerLine(header) + "\n")
  }

  /// Seconds since recording began.
  var now: Double {
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds)
    return min(
      TranscriptLimits.maximumTime, seconds + Double(elapsed.components.attoseconds) / 1e18)
  }

  /// True when the transcript is as long as a replay accepts: recording stops there.
  var isFull: Bool { eventCount >= TranscriptLimits.maximumEvents }

  /// An input typed at `time` (taken before it ran, so the output follows it).
  func input(_ input: ShellInput, at time: Double) throws(OutputFileError) {
    try write(.input(time: time, input))
  }

  /// Output laid out for `width` columns (a resize is recorded first when it changed).
  func output(_ text: String, width: Int) throws(OutputFileError) {
    guard !text.isEmpty else { return }
    if width != self.width {
      self.width = width
      try write(.resize(time: now, width: width, height: Terminal.height))
    }
    try write(.output(time: now, text))
  }

  func close() throws(OutputFileError) { try file.close() }

  private func write(_ event: TranscriptEvent) throws(OutputFileError) {
    guard !isFull else { throw OutputFileError(reason: "the transcript is full") }
    eventCount += 1
    try file.write(TranscriptCodec.eventLine(event) + "\n")
  }
}
