/// The rule that decides which word Tab completes, shared by libedit and the shell's completer.
///
/// libedit scans back from the cursor to the nearest break character and hands that word to the
/// completion callback; a candidate then replaces it. Keeping the rule here lets a completer
/// compute exactly the same word from `(line, cursor)`.
public enum CompletionWord {
  /// Characters that end a word: whitespace, quotes and the operators and brackets of the loss
  /// language, so `mse(p, hu` completes `hu`.
  ///
  /// `:` (commands such as `:lesson`), `-` (hyphenated lesson names), `.` (numbers) and `_` are
  /// word characters. Everything here is ASCII, because libedit compares single characters.
  public static let breakCharacters = " \t\n\"'`@$><=;|&{}()[],+*/^%!"

  /// The part of the word that ends at `cursor` (a `Character` offset into `line`, clamped).
  public static func prefix(in line: String, cursor: Int) -> Substring {
    let end = line.index(line.startIndex, offsetBy: max(0, min(cursor, line.count)))
    let start =
      line[..<end].lastIndex(where: { breakCharacters.contains($0) })
      .map { line.index(after: $0) } ?? line.startIndex
    return line[start..<end]
  }
}
