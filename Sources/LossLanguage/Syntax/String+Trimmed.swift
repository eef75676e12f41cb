extension String {
  /// Without leading and trailing whitespace (`Character.isWhitespace`: spaces, tabs,
  /// newlines). The language and the shell trim with this one rule; neither needs Foundation.
  public var trimmed: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
