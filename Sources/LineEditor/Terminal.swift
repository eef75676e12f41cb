import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal the shell runs in, asked fresh each time (so a resize is seen).
public enum Terminal {
  /// Whether to use the line editor: stdin and stdout are terminals and `TERM` is not `dumb`.
  ///
  /// On a pipe libedit prints no prompt and must not touch history, so the shell reads with
  /// ``PipeLineSource`` instead.
  public static var isInteractive: Bool {
    isInteractive(
      environment: ProcessInfo.processInfo.environment,
      stdinIsTerminal: isatty(STDIN_FILENO) == 1,
      stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
  }

  /// ``isInteractive`` with its inputs spelled out, for tests.
  public static func isInteractive(
    environment: [String: String], stdinIsTerminal: Bool, stdoutIsTerminal: Bool
  ) -> Bool {
    stdinIsTerminal && stdoutIsTerminal && environment["TERM"] != "dumb"
  }

  /// The width of the terminal in columns, or 80 when there is none (a pipe, a file).
  ///
  /// Asked with `ioctl(TIOCGWINSZ)` on every call rather than cached, so text laid out after a
  /// window resize (SIGWINCH) uses the new width.
  public static var width: Int {
    for descriptor in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] {
      var size = winsize()
      if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return Int(size.ws_col)
      }
    }
    return defaultWidth
  }

  /// The width assumed when no terminal reports one.
  public static let defaultWidth = 80
}
