import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where LossLab keeps a learner's state: the command history and `progress.json`, both in one
/// folder found by one rule (the README's "Where your state lives" says the same):
///
/// 1. `$LOSSLAB_STATE_DIR` when set and not empty (tests, portable installs);
/// 2. `$XDG_STATE_HOME/losslab` when `XDG_STATE_HOME` is an absolute path (the XDG
///    base-directory spec says to ignore relative ones);
/// 3. `$HOME/.local/state/losslab` when `HOME` is an absolute path, else the same under the
///    account's home folder from the password database;
/// 4. none: nothing is saved, and history and progress last as long as the session.
///
/// `$LOSSLAB_HISTORY` moves the history file alone.
public enum StateFolder {
  /// The folder, or nil when there is none (rule 4). `accountHome` stands for the password
  /// database, so tests can pin it.
  public static func url(
    environment: [String: String], accountHome: () -> String? = StateFolder.accountHome
  ) -> URL? {
    if let override = nonEmpty(environment["LOSSLAB_STATE_DIR"]) {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    if let state = nonEmpty(environment["XDG_STATE_HOME"]), state.hasPrefix("/") {
      return URL(fileURLWithPath: state, isDirectory: true)
        .appendingPathComponent("losslab", isDirectory: true)
    }
    let home = nonEmpty(environment["HOME"]).flatMap { $0.hasPrefix("/") ? $0 : nil }
    guard let home = home ?? accountHome() else { return nil }
    return URL(fileURLWithPath: home, isDirectory: true)
      .appendingPathComponent(".local/state/losslab", isDirectory: true)
  }

  /// The history file: `$LOSSLAB_HISTORY`, else `history` in the folder; nil when neither.
  public static func historyFile(
    environment: [String: String], accountHome: () -> String? = StateFolder.accountHome
  ) -> URL? {
    if let override = nonEmpty(environment["LOSSLAB_HISTORY"]) {
      return URL(fileURLWithPath: override)
    }
    return url(environment: environment, accountHome: accountHome)?
      .appendingPathComponent("history")
  }

  /// This account's home folder from the password database, when it is an absolute path.
  public static func accountHome() -> String? {
    guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
    let home = String(cString: directory)
    return home.hasPrefix("/") ? home : nil
  }

  private static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}
