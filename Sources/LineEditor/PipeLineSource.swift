/// Lines read from standard input when it is not an interactive terminal: a pipe, a file, a
/// here-document.
///
/// libedit prints no prompt there, so plain `readLine()` is used instead. No prompt is printed
/// (the transcript stays the program's output only) and history is never read or written, so
/// scripts cannot pollute the learner's history.
public struct PipeLineSource: LineSource {
  private let read: () -> String?
  private let interrupted: () -> Bool

  public init() {
    self.init(read: { readLine(strippingNewline: true) }, interrupted: { Interrupts.consume() })
  }

  /// Reads lines from `read`; `interrupted` tells a Ctrl-C (a read cut short by SIGINT) from
  /// the end of input.
  init(read: @escaping () -> String?, interrupted: @escaping () -> Bool = { false }) {
    self.read = read
    self.interrupted = interrupted
  }

  public mutating func next(prompt: String) -> LineEvent {
    if let line = read() { return .line(line) }
    return interrupted() ? .interrupt : .eof
  }

  public mutating func close() {}
}
