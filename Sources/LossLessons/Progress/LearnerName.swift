import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whose progress it is, from `--learner` or the environment.
public enum LearnerName {
  /// The learner when `--learner` isn't given: the OS user.
  public static func `default`(environment: [String: String]) -> String {
    for key in ["USER", "LOGNAME"] {
      if let name = environment[key], let learner = cleaned(name) { return learner }
    }
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name,
      let learner = cleaned(String(cString: name))
    {
      return learner
    }
    return "learner"
  }

  /// A learner name as typed, tidied: trimmed, control characters removed, at most 64
  /// characters. Nil when nothing is left. (Names are JSON keys, never paths.)
  public static func cleaned(_ text: String) -> String? {
    let cleaned = String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { !$0.properties.generalCategory.isControl })
    ).trimmingCharacters(in: .whitespaces)
    return cleaned.isEmpty ? nil : String(cleaned.prefix(64))
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
