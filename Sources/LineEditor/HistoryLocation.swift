import Foundation

/// Where the learner's command history lives.
public enum HistoryLocation {
  /// The history file for `environment` (normally `ProcessInfo.processInfo.environment`):
  ///
  /// 1. `$LOSSLAB_HISTORY` when set and not empty (tests and learners who want it elsewhere);
  /// 2. `$XDG_STATE_HOME/losslab/history` when `XDG_STATE_HOME` is an absolute path (the XDG
  ///    base-directory spec says to ignore relative ones);
  /// 3. `$HOME/.local/state/losslab/history`;
  /// 4. `nil` when there is no `HOME` either: the session then keeps history in memory only.
  ///
  /// History is state, not configuration or cache, hence XDG's state directory.
  public static func `default`(environment: [String: String]) -> URL? {
    if let override = nonEmpty(environment["LOSSLAB_HISTORY"]) {
      return URL(fileURLWithPath: override)
    }
    if let state = nonEmpty(environment["XDG_STATE_HOME"]), state.hasPrefix("/") {
      return URL(fileURLWithPath: state, isDirectory: true)
        .appendingPathComponent("losslab", isDirectory: true)
        .appendingPathComponent("history")
    }
    if let home = nonEmpty(environment["HOME"]) {
      return URL(fileURLWithPath: home, isDirectory: true)
        .appendingPathComponent(".local/state/losslab", isDirectory: true)
        .appendingPathComponent("history")
    }
    return nil
  }

  private static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}
