import Foundation
import LossLanguage
internal import Yams

/// Reads values out of composed YAML nodes for the lesson decoders, and collects a diagnostic
/// (with the node's exact position) for every value that isn't what the format expects. Readers
/// return nil on a problem and carry on, so one pass reports everything wrong in a file.
final class LessonReader {
  let file: String
  private let sourceLines: [Substring]
  private(set) var diagnostics: [LessonDiagnostic] = []
  private var blockIndentations: [Int: Int] = [:]

  init(file: String, source: String) {
    self.file = file
    sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  // MARK: Diagnostics and positions

  func error(_ message: String, at position: SourcePosition) {
    diagnostics.append(LessonDiagnostic(message, at: position))
  }

  func warning(_ message: String, at position: SourcePosition) {
    diagnostics.append(LessonDiagnostic(message, at: position, severity: .warning))
  }

  func position(of node: Node) -> SourcePosition {
    let mark = node.mark
    return SourcePosition(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// Where character `column` of line `line` of a scalar's VALUE sits in the file: exact for
  /// single-line plain and quoted scalars and for `|` blocks, the scalar's start otherwise.
  func position(inside node: Node, line: Int, column: Int) -> SourcePosition {
    guard case .scalar(let scalar) = node, let mark = scalar.mark else { return position(of: node) }
    switch scalar.style {
    case .literal:
      let sourceLine = mark.line + 1 + line
      return SourcePosition(
        file: file, line: sourceLine, column: blockIndentation(after: mark.line) + 1 + column)
    case .plain where line == 0:
      return SourcePosition(file: file, line: mark.line, column: mark.column + column)
    case .singleQuoted where line == 0, .doubleQuoted where line == 0:
      return SourcePosition(file: file, line: mark.line, column: mark.column + 1 + column)
    default:
      return position(of: node)
    }
  }

  /// The indentation of a block scalar's content: that of its first non-blank line. Kept per
  /// block, since every hole and setup line of the block asks.
  private func blockIndentation(after indicatorLine: Int) -> Int {
    if let known = blockIndentations[indicatorLine] { return known }
    var found = 0
    for line in sourceLines.dropFirst(indicatorLine) {
      let indentation = line.prefix(while: { $0 == " " }).count
      if indentation < line.count {
        found = indentation
        break
      }
    }
    blockIndentations[indicatorLine] = found
    return found
  }

  // MARK: Describing what was found

  func describe(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping (key: value lines)"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let scalar):
      if isNull(node) { return "nothing" }
      let shown = scalar.string.count > 40 ? scalar.string.prefix(37) + "..." : scalar.string
      let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
      return quoted ? "quoted text '\(shown)'" : "'\(shown)'"
    }
  }

  func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// Records "FIELD: found X; expected Y" and returns nil, for readers to `return mismatch(...)`.
  func mismatch<T>(_ node: Node, field: String, expected: String) -> T? {
    reportMismatch(node, field: field, expected: expected)
    return nil
  }

  func reportMismatch(_ node: Node, field: String, expected: String) {
    let advice =
      switch firstCharacter(of: node) {
      case "[": " (text in [brackets] is a YAML list; to write it as text, put it in quotes)"
      case "{": " (text in {braces} is a YAML mapping; to write it as text, put it in quotes)"
      default: ""
      }
    error(
      "\(field): found \(describe(node)); expected \(expected)\(advice)", at: position(of: node))
  }

  /// The character a node starts with in the file. (Yams doesn't record reliably whether a
  /// list or mapping was written `[...]`/`{...}`, so the source is consulted.)
  private func firstCharacter(of node: Node) -> Unicode.Scalar? {
    guard let mark = node.mark, sourceLines.indices.contains(mark.line - 1) else { return nil }
    let scalars = sourceLines[mark.line - 1].unicodeScalars
    guard mark.column >= 1, mark.column <= scalars.count else { return nil }
    return scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)]
  }

  // MARK: Scalars

  /// Any non-empty scalar, as written (`42` and `yes` are text too when text is expected).
  func text(_ node: Node, field: String) -> String? {
    text(node, field: field, expected: "text")
  }

  /// Text to show: control characters from YAML escapes (`"\e[2J"`) are made visible.
  private func text(_ node: Node, field: String, expected: String) -> String? {
    rawText(node, field: field, expected: expected).map { PrintableText.sanitized($0) }
  }

  private func rawText(_ node: Node, field: String, expected: String) -> String? {
    guard case .scalar(let scalar) = node, !isNull(node) else {
      return mismatch(node, field: field, expected: expected)
    }
    return scalar.string
  }

  /// Code (setup, answers, `{{ }}` holes) is run, not shown: a control character in it is an
  /// error, since making it visible could change what the code means.
  private func refusesControlCharacter(
    _ source: String, node: Node, field: String, line: Int = 0, column: Int = 0
  ) -> Bool {
    guard let found = PrintableText.firstControlCharacter(in: source) else { return false }
    error(
      "\(field): the expression holds the control character \(found.shown); expected printable"
        + " text", at: position(inside: node, line: line, column: column + found.offset))
    return true
  }

  /// Text on a single line (titles, summaries, prompts).
  func line(_ node: Node, field: String) -> String? {
    guard let text = text(node, field: field, expected: "one line of text") else { return nil }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, !trimmed.contains("\n") else {
      return mismatch(node, field: field, expected: "one line of text")
    }
    return trimmed
  }

  func integer(_ node: Node, field: String, range: ClosedRange<Int>) -> Int? {
    let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
    guard case .scalar(let scalar) = node, scalar.style == .plain,
      let value = Int(scalar.string), range.contains(value)
    else { return mismatch(node, field: field, expected: expected) }
    return value
  }

  func number(_ node: Node, field: String, atLeast minimum: Double? = nil) -> Double? {
    let expected = minimum.map { "a number ≥ \(ValueFormatter.number($0))" } ?? "a number"
    guard case .scalar(let scalar) = node, scalar.style == .plain,
      let value = Double(scalar.string), value.isFinite, value >= (minimum ?? -.infinity)
    else { return mismatch(node, field: field, expected: expected) }
    return value
  }

  func boolean(_ node: Node, field: String) -> Bool? {
    guard case .scalar(let scalar) = node, scalar.style == .plain else {
      return mismatch(node, field: field, expected: "true or false")
    }
    switch scalar.string.lowercased() {
    case "true": return true
    case "false": return false
    default: return mismatch(node, field: field, expected: "true or false")
    }
  }

  /// A variable name: a letter or `_`, then letters, digits and `_`.
  func identifier(_ node: Node, field: String) -> String? {
    guard case .scalar(let scalar) = node, !isNull(node), Identifier.isName(scalar.string) else {
      return mismatch(
        node, field: field, expected: "a variable name (letters, digits and _, like guess or w1)")
    }
    return scalar.string
  }

  func lessonID(_ node: Node, field: String) -> LessonID? {
    guard case .scalar(let scalar) = node, !isNull(node) else {
      return mismatch(node, field: field, expected: "a lesson id like 'darts'")
    }
    if let id = LessonID(validating: scalar.string) { return id }
    let suggestion = LessonID(sanitizing: scalar.string).map { " such as '\($0)'" } ?? ""
    error(
      "\(field): '\(scalar.string)' is not a valid lesson id; expected 1 to"
        + " \(LessonID.maximumLength) lowercase letters, digits and dashes, not starting with"
        + " a dash\(suggestion)", at: position(of: node))
    return nil
  }

  /// An expression kept as text. Any scalar works, so `goal: 1` and `answer: 3` need no quotes.
  func expression(_ node: Node, field: String) -> LessonExpression? {
    guard case .scalar(let scalar) = node, !isNull(node) else {
      return mismatch(node, field: field, expected: "an expression, like \"loss < 1\"")
    }
    let source = scalar.string
    let leading = source.prefix(while: { $0 == " " }).count
    let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else {
      return mismatch(node, field: field, expected: "an expression, like \"loss < 1\"")
    }
    guard !refusesControlCharacter(source, node: node, field: field) else { return nil }
    return LessonExpression(trimmed, at: position(inside: node, line: 0, column: leading))
  }

  /// Expressions one per line (lesson and tweak `setup`); blank lines are skipped.
  func expressionLines(_ node: Node, field: String) -> [LessonExpression]? {
    guard case .scalar(let scalar) = node, !isNull(node) else {
      return mismatch(node, field: field, expected: "expressions, one per line (use '|')")
    }
    var expressions: [LessonExpression] = []
    for (index, line) in scalar.string.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { continue }
      let leading = line.prefix(while: { $0 == " " || $0 == "\t" }).unicodeScalars.count
      guard !refusesControlCharacter(String(line), node: node, field: field, line: index) else {
        return nil
      }
      expressions.append(
        LessonExpression(trimmed, at: position(inside: node, line: index, column: leading)))
    }
    return expressions
  }

  /// Text with `{{ EXPR }}` holes, split into its parts; unclosed and empty holes are reported.
  func template(_ node: Node, field: String) -> LessonTemplate? {
    guard let raw = rawText(node, field: field, expected: "text") else { return nil }
    var problems: [(String, SourcePosition)] = []
    // Split before sanitizing, so a hole's code is checked as written and its text shown safe.
    let segments = TemplateSplitter.split(raw) { offset in
      self.position(inside: node, line: offset.line, column: offset.column)
    } report: { message, position in
      problems.append(("\(field): \(message)", position))
    }.map { segment -> LessonTemplate.Segment in
      switch segment {
      case .literal(let text): return .literal(PrintableText.sanitized(text))
      case .expression(let hole):
        if let found = PrintableText.firstControlCharacter(in: hole.source) {
          var at = hole.position
          at.column += found.offset
          problems.append(
            (
              "\(field): the {{ }} expression holds the control character \(found.shown);"
                + " expected printable text", at
            ))
        }
        return segment
      }
    }
    for (message, position) in problems { error(message, at: position) }
    guard problems.isEmpty else { return nil }
    return LessonTemplate(
      text: PrintableText.sanitized(raw), segments: segments, position: position(of: node))
  }

  // MARK: Collections

  func list(_ node: Node, field: String, count range: ClosedRange<Int>) -> [Node]? {
    guard case .sequence(let sequence) = node else {
      return mismatch(node, field: field, expected: "a list ('- item' lines, or [a, b])")
    }
    guard range.contains(sequence.count) else {
      let what =
        range.upperBound == Int.max
        ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
      error(
        "\(field): found \(sequence.count) item\(sequence.count == 1 ? "" : "s"); expected \(what)",
        at: position(of: node))
      return nil
    }
    return Array(sequence)
  }
}
