/// "Did you mean …?" for misspelled names, by edit distance.
enum Suggestions {
  /// The closest candidate within a distance that makes sense for the word's length.
  static func closest(to word: String, among candidates: [String]) -> String? {
    guard word.count <= 64 else { return nil }
    let limit = max(1, min(3, word.count / 3))
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(word, candidate)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// Levenshtein distance (insertions, deletions, substitutions).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      row[0] = i
      for j in 1...b.count {
        row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &row)
    }
    return previous[b.count]
  }

  /// `" — did you mean 'mse'?"`, or an empty string.
  static func didYouMean(_ word: String, among candidates: [String]) -> String {
    closest(to: word, among: candidates).map { " — did you mean '\($0)'?" } ?? ""
  }
}

extension String {
  /// The name as messages quote it: at most 40 characters, so a pasted megabyte stays one line.
  var quotedName: String { count <= 40 ? self : String(prefix(37)) + "…" }
}
