import Foundation

/// Plain-words help for the ways beginners write numbers and functions that the language reads
/// differently (`50,000`, `$50000`, `10 -5`, Python's `def f(p, y): return …`, `p[0]`). It reads
/// the learner's line, never an error's text, so it works whatever the error says.
public enum BeginnerHints {
  /// A sentence for `line`, or nil when nothing in it looks like a known beginner's slip.
  /// `expectsSeveral` is true where several numbers are asked for (a point or a vector).
  public static func hint(for line: String, expectsSeveral: Bool = false) -> String? {
    let text = line.trimmingCharacters(in: .whitespaces)
    if let number = groupedNumber(text) {
      return "Write numbers without commas or `$`: `\(number)`."
    }
    if text.contains("$") {
      return "Write amounts as plain numbers, without `$`: `50000`, not `$50000`."
    }
    if let python = pythonDefinition(text) { return python }
    if expectsSeveral, let pair = spaceSeparatedPair(text) {
      return "Missing comma? Separate the numbers with a comma: `\(pair)`."
    }
    if let match = text.range(
      of: #"[A-Za-z_][A-Za-z0-9_]*\s*\[\s*0\s*\]"#, options: .regularExpression)
    {
      let name = text[match].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      return "Positions start at 1 here: the first element of `\(name)` is `\(name)[1]`."
    }
    return nil
  }

  /// `50,000` or `$1,250,000.50` written as a plain number.
  private static func groupedNumber(_ text: String) -> String? {
    let pattern = #"^\$?\s*-?\$?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$"#
    guard text.contains(",") || text.contains("$"),
      text.range(of: pattern, options: .regularExpression) != nil
    else { return nil }
    return text.filter { $0 != "," && $0 != "$" && $0 != " " }
  }

  /// `def f(p, y): return (p - y)**2` → the LossLab form, `def f(p, y) = (p - y)**2`.
  private static func pythonDefinition(_ text: String) -> String? {
    let pattern = #"^def\s+([A-Za-z_][A-Za-z0-9_]*\s*\([^)]*\))\s*:\s*(return\s+)?(.*)$"#
    guard let match = text.range(of: pattern, options: .regularExpression) else { return nil }
    let line = String(text[match])
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let head = line[..<colon].trimmingCharacters(in: .whitespaces)
    var body = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    if body.hasPrefix("return") {
      body = String(body.dropFirst(6)).trimmingCharacters(in: .whitespaces)
    }
    let example = body.isEmpty ? "mean((p - y)^2)" : body
    return
      "In LossLab a function is one line, with `=` instead of `:` and no `return`: `\(head) = \(example)`."
  }

  /// `10 -5` → `10, -5`.
  private static func spaceSeparatedPair(_ text: String) -> String? {
    let number = #"-?(\d+(\.\d*)?|\.\d+)"#
    guard text.range(of: "^\(number)(\\s+\(number))+$", options: .regularExpression) != nil else {
      return nil
    }
    return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: ", ")
  }
}
