import Foundation
import LossEngine
import LossLanguage

/// Fills a template's `{{ … }}` holes with values the engine computes now.
///
/// Inside the braces:
/// - `EXPR` shows the value (`{{ mse(pred, actual) }}` → `0.375`);
/// - `EXPR :.2f` fixes the decimals, `EXPR :,` groups thousands (`1,000,000,000`),
///   `EXPR :,.0f` does both;
/// - `COND ? "yes" : "no"` picks words by a condition (`{{ x < 0 ? "left" : "right" }}`).
public enum TemplateRenderer {
  /// The most numbers one hole shows: a text is read, and formatting millions of numbers
  /// (`{{ linspace(0, 1, 1e7) }}`) would take seconds for nothing.
  public static let maximumShownElements = 100

  ///
  /// A computed value is data, never markup: it is shown as it is (``LessonMarkup/literal``),
  /// and a line that it starts is never read as a list item, code or a table row because of it
  /// ("3. …" stays prose). The words of a `COND ? "yes" : "no"` hole are the author's, markup
  /// included.
  public static func render(_ template: LessonTemplate, in interpreter: Interpreter)
    throws(LanguageError) -> String
  {
    var lines = [""]
    // The lines (by index) that a filled value starts.
    var startedByValue: Set<Int> = []
    var inCode = false
    for segment in template.segments {
      switch segment {
      case .literal(let text):
        inCode = LessonMarkup.endsInCode(text, startingInCode: inCode)
        append(text, to: &lines)
      case .expression(let expression):
        let hole = TemplateHole(expression.source)
        let text = try fill(hole, in: interpreter)
        guard case .value = hole else {
          append(text, to: &lines)
          continue
        }
        if lines[lines.count - 1].isEmpty { startedByValue.insert(lines.count - 1) }
        append(LessonMarkup.literal(text, inCode: inCode), to: &lines)
      }
    }
    for index in startedByValue where LessonMarkup.isBlock(lines[index]) {
      lines[index] = LessonMarkup.keptAsProse(lines[index][...])
    }
    return lines.joined(separator: "\n")
  }

  private static func append(_ text: String, to lines: inout [String]) {
    let pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines[lines.count - 1] += pieces.first ?? ""
    lines += pieces.dropFirst().map(String.init)
  }

  /// One hole's text.
  static func fill(_ source: String, in interpreter: Interpreter) throws(LanguageError) -> String {
    try fill(TemplateHole(source), in: interpreter)
  }

  private static func fill(_ hole: TemplateHole, in interpreter: Interpreter)
    throws(LanguageError) -> String
  {
    switch hole {
    case .choice(let condition, let yes, let no):
      let value = try interpreter.evaluate(source: condition)
      guard let truth = value.tensor?.scalarValue else {
        throw LanguageError(.conditionNotANumber, at: nil)
      }
      return truth != 0 ? yes : no
    case .value(let expression, let format):
      let value = try interpreter.evaluate(source: expression)
      if let count = value.tensor?.count, count > maximumShownElements {
        throw LanguageError(
          .shownValueTooLarge(count: count, limit: maximumShownElements), at: nil)
      }
      return format.apply(to: value)
    }
  }
}

/// The parsed inside of `{{ … }}`.
enum TemplateHole: Equatable {
  case value(String, NumberFormat)
  case choice(condition: String, yes: String, no: String)

  init(_ source: String) {
    if let choice = TemplateHole.choice(source) {
      self = choice
      return
    }
    if let colon = source.lastIndex(of: ":"),
      let format = NumberFormat(spec: String(source[source.index(after: colon)...]))
    {
      self = .value(String(source[..<colon]), format)
      return
    }
    self = .value(source, .automatic)
  }

  /// `COND ? "yes" : "no"`, with the words in double quotes.
  private static func choice(_ source: String) -> TemplateHole? {
    guard let question = source.firstIndex(of: "?") else { return nil }
    let condition = String(source[..<question])
    var rest = Substring(source[source.index(after: question)...])
    func quoted() -> String? {
      rest = rest.drop(while: { $0 == " " })
      guard rest.first == "\"" else { return nil }
      rest = rest.dropFirst()
      guard let end = rest.firstIndex(of: "\"") else { return nil }
      let word = String(rest[..<end])
      rest = rest[rest.index(after: end)...]
      return word
    }
    guard let yes = quoted() else { return nil }
    rest = rest.drop(while: { $0 == " " })
    guard rest.first == ":" else { return nil }
    rest = rest.dropFirst()
    guard let no = quoted(), rest.allSatisfy({ $0 == " " }) else { return nil }
    return .choice(condition: condition, yes: yes, no: no)
  }
}

/// How a template shows numbers.
struct NumberFormat: Equatable {
  var grouped = false
  var decimals: Int?

  static let automatic = NumberFormat()

  /// `.2f`, `,`, `,.0f`; nil for anything else (then the colon was not a format).
  init?(spec: String) {
    var text = Substring(spec.trimmingCharacters(in: .whitespaces))
    guard !text.isEmpty else { return nil }
    if text.first == "," {
      grouped = true
      text = text.dropFirst()
    }
    if !text.isEmpty {
      guard text.first == ".", text.last == "f", let places = Int(text.dropFirst().dropLast()),
        (0...12).contains(places)
      else { return nil }
      decimals = places
    }
  }

  private init() {}

  func apply(to value: Value) -> String {
    guard case .tensor(let t) = value else { return ValueFormatter.compact(value) }
    let numbers = t.storage.map(format)
    switch t.rank {
    case 0: return numbers[0]
    case 1: return "[" + numbers.joined(separator: ", ") + "]"
    default:
      let columns = t.columns
      return "["
        + (0..<t.rows).map { r in
          "[" + numbers[(r * columns)..<((r + 1) * columns)].joined(separator: ", ") + "]"
        }
        .joined(separator: ", ") + "]"
    }
  }

  private func format(_ x: Double) -> String {
    let text =
      decimals.map { ValueFormatter.fixed(x, decimals: $0, padded: true) }
      ?? ValueFormatter.number(x)
    // Scientific notation (and nan, inf) is left as it is: only plain digit runs are grouped.
    guard grouped, !text.contains("e"), x.isFinite else { return text }
    return ValueFormatter.groupingThousands(text)
  }
}
