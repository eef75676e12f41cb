/// "Did you mean …?": the one spelling-suggestion rule for names, commands, lesson fields and
/// lesson ids alike.
public enum Suggestions {
  /// The candidate closest to `word` (ignoring case), if it is close enough to be a plausible
  /// typo: at most one edit per three letters, and never more than three.
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    guard !word.isEmpty, word.count <= 64 else { return nil }
    let lowered = Array(word.lowercased())
    let allowed = min(3, max(1, lowered.count / 3))
    var best: (candidate: String, distance: Int)?
    // A candidate more than `allowed` letters longer cannot be close; measuring only a prefix
    // keeps a scope of megabyte-long names from costing seconds per typo.
    let longest = lowered.count + allowed
    for candidate in candidates where candidate != word {
      guard candidate.prefix(longest + 1).count <= longest else { continue }
      let distance = editDistance(lowered, Array(candidate.lowercased()))
      if distance <= allowed, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
  /// neighbours each cost 1, so `hlep` is one step from `help`.
  public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }

}
