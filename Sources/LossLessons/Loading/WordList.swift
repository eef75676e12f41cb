/// Lists of words in messages ("say, predict or compute").
enum WordList {
  /// `a`, `a and b`, `a, b and c`: for messages that list what was expected.
  static func joined(_ words: [String], conjunction: String = "and") -> String {
    switch words.count {
    case 0: return ""
    case 1: return words[0]
    default:
      return words.dropLast().joined(separator: ", ") + " \(conjunction) " + words[words.count - 1]
    }
  }
}
