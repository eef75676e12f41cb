/// Lines read as typed, without the line editor: from a pipe, a file or a here-document, and on
/// a `dumb` terminal, where a person types but the cursor cannot be moved.
///
/// Plain `readLine()` is used. History is never read or written, so scripts cannot pollute the
/// learner's history. No prompt is printed unless `prompting` (a person on a dumb terminal):
/// a script's transcript stays the program's output only.
public struct PipeLineSource: LineSource {
  private let read: () -> String?
  private let interrupted: () -> Bool
  private let prompting: Bool

  /// Reads standard input; with `prompting`, prints each prompt (as plain text) first.
  public init(prompting: Bool = false) {
    self.init(
      read: { readLine(strippingNewline: true) },
      interrupted: { Interrupts.consume() }, prompting: prompting)
  }

  /// Reads lines from `read`; `interrupted` tells a Ctrl-C (a read cut short by SIGINT) from
  /// the end of input.
  init(
    read: @escaping () -> String?, interrupted: @escaping () -> Bool = { false },
    prompting: Bool = false
  ) {
    self.read = read
    self.interrupted = interrupted
    self.prompting = prompting
  }

  public mutating func next(prompt: String) -> LineEvent {
    // A failed prompt is seen again by the shell's next write, which ends the program.
    if prompting { try? StandardStreams.write(PromptText.visible(prompt)) }
    if let line = read() { return .line(line) }
    if interrupted() {
      if prompting { try? StandardStreams.write("\n") }
      return .interrupt
    }
    return .eof
  }

  public mutating func close() {}
}
