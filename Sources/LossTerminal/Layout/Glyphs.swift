/// The characters that differ between a Unicode terminal and plain ASCII output. Plain output
/// says the same things in words and ASCII, so nothing is lost without colour or Unicode.
struct Glyphs: Sendable {
  let up: String
  let down: String
  let check: String
  let ellipsis: String
  let verticalEllipsis: String
  let partial: String
  let dash: String
  let arrow: String
  let rule: Character
  /// Bar pieces from one eighth to a full cell; plain output has only the full cell.
  let bar: [Character]

  static let unicode = Glyphs(
    up: "↑", down: "↓", check: "✓", ellipsis: "…", verticalEllipsis: "⋮", partial: "∂", dash: "—",
    arrow: "→",
    rule: "─", bar: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"])

  static let ascii = Glyphs(
    up: "^", down: "v", check: "ok", ellipsis: "...", verticalEllipsis: "...", partial: "d",
    dash: "-",
    arrow: "->", rule: "-", bar: ["#"])

  /// ASCII stand-ins for the symbols the session's prose and the built-ins' summaries use; ★ and
  /// ● are the landscape's marks, so prose about them names the marks the ASCII plot draws.
  private static let replacements: [Character: String] = [
    "—": "-", "–": "-", "−": "-", "…": "...", "→": "->", "←": "<-", "↑": "^", "↓": "v", "∂": "d",
    "·": "*", "×": "x", "≤": "<=", "≥": ">=", "≈": "~", "≠": "!=", "√": "sqrt ", "Σ": "sum ",
    "∑": "sum ",
    "²": "^2", "³": "^3", "∞": "inf", "ε": "eps", "δ": "delta", "γ": "gamma", "α": "alpha",
    "β": "beta",
    "✓": "ok", "✗": "x", "‘": "'", "’": "'", "“": "\"", "”": "\"", "⋮": "...", "█": "#", "─": "-",
    "ŷ": "y^", "ᵢ": "_i", "•": "*", "±": "+/-", "★": "*", "●": "O",
  ]

  /// The text with every known Unicode symbol replaced by ASCII.
  static func asciify(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
    var out = ""
    for character in text {
      if let replacement = replacements[character] {
        out += replacement
      } else {
        out.append(character)
      }
    }
    return out
  }
}
