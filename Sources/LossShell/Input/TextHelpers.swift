/// Small text helpers (the shell does not import Foundation).
extension String {
  /// Without leading and trailing spaces, tabs and newlines.
  var trimmed: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
