/// What one read from the learner produced.
public enum LineEvent: Equatable, Sendable {
  /// A line, without its trailing newline. After a Tab completion it may end in a space.
  case line(String)
  /// Ctrl-C: the partially typed input was discarded.
  case interrupt
  /// Ctrl-D on an empty line, or the end of piped input.
  case eof
}

/// Where the shell gets its lines from: libedit on a terminal, plain reads from a pipe, or a
/// script in tests. The shell core talks only to this protocol and never sees libedit.
public protocol LineSource {
  /// Reads one line after showing `prompt`.
  ///
  /// The prompt may contain ANSI colour escapes; a source that cannot show them drops them.
  mutating func next(prompt: String) -> LineEvent
  /// Saves history where applicable and leaves the terminal as it found it.
  mutating func close()
}

/// Completion logic the shell supplies: given the whole line and the cursor position (in
/// `Character`s), the full replacements for the word that ends at the cursor.
///
/// The word is found with ``CompletionWord/prefix(in:cursor:)``, the same rule libedit uses, so
/// a candidate replaces exactly what the learner typed of it.
public typealias Completer = @Sendable (_ line: String, _ cursor: Int) -> [String]
