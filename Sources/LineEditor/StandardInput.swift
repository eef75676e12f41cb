import Foundation

/// Picks the right ``LineSource`` for standard input.
public enum StandardInput {
  /// libedit with history when ``Terminal/isInteractive`` and ``Terminal/canEditLines``,
  /// otherwise ``PipeLineSource`` (no history; a prompt only for a person on a dumb terminal).
  /// Installs the Ctrl-C handler in every case.
  public static func lineSource(
    historyURL: URL?, historyLimit: Int = 1000, completer: @escaping Completer,
    colorPrompt: Bool
  ) -> any LineSource {
    Interrupts.install()
    let interactive = Terminal.isInteractive
    guard interactive, Terminal.canEditLines else { return PipeLineSource(prompting: interactive) }
    return LibeditLineSource(
      historyURL: historyURL, historyLimit: historyLimit, completer: completer,
      colorPrompt: colorPrompt)
  }
}
