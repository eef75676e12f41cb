import LossLanguage

/// How an input is written in a transcript's `"i"` events: the keys a terminal would send. A
/// line ends in Enter (`\r`), Ctrl-C is `\u{3}` after whatever was on the line, Ctrl-D `\u{4}`.
enum TranscriptInput {
  static func data(_ input: ShellInput) -> String {
    switch input {
    case .line(let line): return line + "\r"
    case .interrupt(let partial): return partial + "\u{3}"
    case .endOfInput: return "\u{4}"
    }
  }

  /// The input `data` stands for, or nil when it ends in none of the three keys.
  static func input(_ data: String) -> ShellInput? {
    if data == "\u{4}" { return .endOfInput }
    guard let last = data.unicodeScalars.last else { return nil }
    let rest = String(String.UnicodeScalarView(data.unicodeScalars.dropLast()))
    switch last {
    case "\r": return .line(rest)
    case "\u{3}": return .interrupt(partial: rest)
    default: return nil
    }
  }
}

/// What the screen shows of an input as it is typed: the prompt, the line (control characters
/// made visible), and `^C` for Ctrl-C. Recorder and replay write the same text.
public enum TranscriptEcho {
  public static func text(prompt: String, input: ShellInput) -> String {
    switch input {
    case .line(let line): return prompt + shown(line) + "\n"
    case .interrupt(let partial): return prompt + shown(partial) + "^C\n"
    case .endOfInput: return prompt + "\n"
    }
  }

  /// `line` safe to print on one line.
  public static func shown(_ line: String) -> String {
    PrintableText.sanitized(line, keepingNewlines: false)
  }
}
