import Foundation

/// Picks the right ``LineSource`` for standard input.
public enum StandardInput {
  /// libedit with history when ``Terminal/isInteractive``, otherwise ``PipeLineSource`` (no
  /// prompt, no history). Installs the Ctrl-C handler in both cases.
  public static func lineSource(
    historyURL: URL?, historyLimit: Int = 1000, completer: @escaping Completer,
    colorPrompt: Bool
  ) -> any LineSource {
    Interrupts.install()
    guard Terminal.isInteractive else { return PipeLineSource() }
    return LibeditLineSource(
      historyURL: historyURL, historyLimit: historyLimit, completer: completer,
      colorPrompt: colorPrompt)
  }
}
