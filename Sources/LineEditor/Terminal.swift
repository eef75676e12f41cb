import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal the shell runs in, asked fresh each time (so a resize is seen).
public enum Terminal {
  /// Whether a person is at a terminal: standard input and output are both terminals. Then the
  /// shell greets, prompts and carries on after an error, whatever kind of terminal it is.
  public static var isInteractive: Bool {
    isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
  }

  /// Whether the terminal can be driven by the line editor. A `dumb` one (Emacs' shell mode,
  /// some IDE consoles) cannot move the cursor, so lines are read as typed, after a plain
  /// prompt (``PipeLineSource/init(prompting:)``).
  public static var canEditLines: Bool {
    canEditLines(environment: ProcessInfo.processInfo.environment)
  }

  /// ``canEditLines`` with its input spelled out, for tests.
  public static func canEditLines(environment: [String: String]) -> Bool {
    environment["TERM"] != "dumb"
  }

  /// The width of the terminal in columns, or 80 when there is none (a pipe, a file).
  ///
  /// Asked with `ioctl(TIOCGWINSZ)` on every call rather than cached, so text laid out after a
  /// window resize (SIGWINCH) uses the new width.
  public static var width: Int { size?.columns ?? defaultWidth }

  /// The height in rows, or 24 when there is no terminal (a recording's header says it).
  public static var height: Int { size?.rows ?? 24 }

  private static var size: (columns: Int, rows: Int)? {
    for descriptor in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] {
      var size = winsize()
      if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return (Int(size.ws_col), max(1, Int(size.ws_row)))
      }
    }
    return nil
  }

  /// The width assumed when no terminal reports one.
  public static let defaultWidth = 80
}
