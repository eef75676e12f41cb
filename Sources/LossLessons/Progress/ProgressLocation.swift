import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where progress lives and whose it is, from the environment.
public enum ProgressLocation {
  /// `$LOSSLAB_STATE_DIR` (tests, portable installs), else `$XDG_STATE_HOME/losslab`, else
  /// `~/.local/state/losslab`. Relative XDG paths are ignored, as the XDG spec asks.
  public static func folder(environment: [String: String]) -> URL {
    if let override = environment["LOSSLAB_STATE_DIR"], !override.isEmpty {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return URL(fileURLWithPath: state, isDirectory: true).appendingPathComponent("losslab")
    }
    return URL(fileURLWithPath: homeFolder(environment: environment), isDirectory: true)
      .appendingPathComponent(".local/state/losslab", isDirectory: true)
  }

  /// The learner when `--learner` isn't given: the OS user.
  public static func defaultLearner(environment: [String: String]) -> String {
    for key in ["USER", "LOGNAME"] {
      if let name = environment[key], let learner = learnerName(name) { return learner }
    }
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name,
      let learner = learnerName(String(cString: name))
    {
      return learner
    }
    return "learner"
  }

  /// A learner name as typed, tidied: trimmed, control characters removed, at most 64
  /// characters. Nil when nothing is left. (Names are JSON keys, never paths.)
  public static func learnerName(_ text: String) -> String? {
    let cleaned = String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { !$0.properties.generalCategory.isControl })
    ).trimmingCharacters(in: .whitespaces)
    return cleaned.isEmpty ? nil : String(cleaned.prefix(64))
  }

  private static func homeFolder(environment: [String: String]) -> String {
    if let home = environment["HOME"], home.hasPrefix("/") { return home }
    if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
      return String(cString: directory)
    }
    return NSTemporaryDirectory()
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isControl: Bool {
    switch self {
    case .control, .format, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }
}
