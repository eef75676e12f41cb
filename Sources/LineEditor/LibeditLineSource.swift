import CEditLine
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether libedit's process-wide settings have been made.
private let libeditConfigured = Atomic<Bool>(false)

/// Lines typed on a terminal, edited with libedit: Emacs keys (or the learner's `~/.editrc`),
/// Tab completion, history with Up and Ctrl-R, UTF-8 and coloured prompts.
///
/// libedit's readline layer is global, so use one instance per process, and only when
/// ``Terminal/isInteractive`` (``StandardInput/lineSource(historyURL:historyLimit:completer:colorPrompt:)``
/// makes that choice).
public struct LibeditLineSource: LineSource {
  private var history: HistoryStore
  private let colorPrompt: Bool
  private let asciiPrompt: Bool
  private let warn: (String) -> Void

  /// Prepares libedit and loads the history.
  ///
  /// - Parameters:
  ///   - historyURL: The history file, usually `StateFolder.historyFile(environment:)`; `nil`
  ///     keeps history in memory for this session only.
  ///   - historyLimit: How many entries to keep, in memory and in the file.
  ///   - completer: Candidates for the word at the cursor when the learner presses Tab.
  ///   - colorPrompt: Whether ANSI escapes in prompts are shown (otherwise they are dropped).
  ///   - warn: Receives one line per problem the learner should know about (no UTF-8 locale,
  ///     an unreadable history file). Defaults to standard error.
  public init(
    historyURL: URL?,
    historyLimit: Int = 1000,
    completer: @escaping Completer,
    colorPrompt: Bool,
    wordBreakCharacters: String = CompletionWord.breakCharacters,
    warn: @escaping (String) -> Void = { message in
      StandardStreams.report("losslab: warning: \(message)\n")
    }
  ) {
    self.colorPrompt = colorPrompt
    self.warn = warn
    Interrupts.install()
    asciiPrompt = !TextLocale.enableUTF8()
    if asciiPrompt {
      warn(
        "no UTF-8 locale is available (try LANG=C.UTF-8): prompts are plain ASCII and "
          + "non-ASCII input may be lost")
    }
    Self.configureOnce(wordBreakCharacters: wordBreakCharacters)
    activeCompleter.withLock { $0 = completer }
    history = HistoryStore(url: historyURL, limit: historyLimit, warn: warn)
  }

  public mutating func next(prompt: String) -> LineEvent {
    _ = Interrupts.consume()  // a Ctrl-C from before this read is not about this line
    let shown = PromptText.forLibedit(prompt, color: colorPrompt, asciiOnly: asciiPrompt)
    guard let raw = readline(shown) else {
      // Ctrl-C and Ctrl-D both return NULL; only the flag tells them apart (errno does not).
      try? StandardStreams.write("\n")  // libedit leaves the cursor on the prompt line
      return Interrupts.consume() ? .interrupt : .eof
    }
    defer { free(raw) }
    let line = String(cString: raw)
    history.add(line)
    return .line(line)
  }

  public mutating func close() {
    history.save(warn: warn)
  }

  /// Process-wide libedit settings, made once before the first `readline`: the name `.editrc`
  /// sections match, the word breaks of ``CompletionWord``, the completion callback.
  /// `wordBreakCharacters` decide which word Tab replaces; pass the completer's own rule so
  /// both agree.
  private static func configureOnce(wordBreakCharacters: String) {
    guard
      libeditConfigured.compareExchange(expected: false, desired: true, ordering: .relaxed)
        .exchanged
    else { return }
    // libedit keeps these pointers for the whole run, so they are copied and never freed.
    cel_set_readline_name(strdup("losslab"))
    cel_set_basic_word_break_characters(strdup(wordBreakCharacters))
    cel_set_append_character(Int32(UInt8(ascii: " ")))
    cel_set_attempted_completion(attemptCompletion)
    // Builds the editor now (Emacs bindings, Ctrl-R search, then ~/.editrc) so history calls
    // that follow work on the same instance.
    _ = rl_initialize()
  }
}
