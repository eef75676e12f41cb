/// Replays a fixed list of events, for testing the shell core without a terminal.
///
/// After the script runs out every read is `.eof`, as at the end of piped input. The prompts
/// asked for and whether the source was closed are recorded, so a test can check both.
public struct ScriptedLineSource: LineSource {
  private var remaining: ArraySlice<LineEvent>
  /// Every prompt passed to ``next(prompt:)``, in order.
  public private(set) var prompts: [String] = []
  /// How many times ``close()`` was called.
  public private(set) var closeCount = 0

  public init(_ events: [LineEvent]) {
    remaining = events[...]
  }

  /// A script of plain lines.
  public init(lines: [String]) {
    self.init(lines.map(LineEvent.line))
  }

  public mutating func next(prompt: String) -> LineEvent {
    prompts.append(prompt)
    return remaining.popFirst() ?? .eof
  }

  public mutating func close() {
    closeCount += 1
  }
}
