#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts the C library's character handling into a UTF-8 locale before libedit reads anything.
///
/// Without it libedit edits byte by byte, silently drops non-ASCII input ("héllo" becomes
/// "hllo"), and segfaults on a non-ASCII prompt. `LC_ALL=C` is common in CI and containers, so
/// when the environment names no UTF-8 locale, `C.UTF-8` is tried explicitly (an explicit name
/// wins over `LC_ALL`).
enum TextLocale {
  /// Selects a UTF-8 `LC_CTYPE` if one is available; returns whether one is now in effect.
  static func enableUTF8() -> Bool {
    _ = setlocale(LC_CTYPE, "")
    if isUTF8 { return true }
    _ = setlocale(LC_CTYPE, "C.UTF-8")
    return isUTF8
  }

  /// Whether the current `LC_CTYPE` encodes characters as UTF-8.
  static var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }
}
