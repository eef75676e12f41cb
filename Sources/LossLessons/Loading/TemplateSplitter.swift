import Foundation

/// Splits template text at its `{{ EXPR }}` holes. The expressions stay text; the engine
/// evaluates them when the text is shown.
///
/// One pass: every scalar is visited a bounded number of times (`scalarsVisited` counts them),
/// and hole positions come from a cursor that only moves forward, so a text with tens of
/// thousands of holes splits in time proportional to its length.
struct TemplateSplitter {
  /// A place in a value: 0-based line, and column in Unicode scalars within that line.
  struct Offset {
    var line: Int
    var column: Int
  }

  private let scalars: [Unicode.Scalar]
  /// Scalars looked at so far (the splitter's work, for tests of its linearity).
  private(set) var scalarsVisited = 0
  private var cursor = 0
  private var cursorOffset = Offset(line: 0, column: 0)

  init(_ text: String) { scalars = Array(text.unicodeScalars) }

  static func split(
    _ text: String, position: (Offset) -> SourcePosition,
    report: (String, SourcePosition) -> Void
  ) -> [LessonTemplate.Segment] {
    var splitter = TemplateSplitter(text)
    return splitter.split(position: position, report: report)
  }

  mutating func split(
    position: (Offset) -> SourcePosition, report: (String, SourcePosition) -> Void
  ) -> [LessonTemplate.Segment] {
    var segments: [LessonTemplate.Segment] = []
    var literal = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      scalarsVisited += 1
      guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
        literal.append(scalars[index])
        index += 1
        continue
      }
      let open = index
      guard let close = firstClosing(from: open + 2) else {
        report("'{{' is never closed; expected '{{ expression }}'", position(offset(of: open)))
        return segments
      }
      let inside = scalars[(open + 2)..<close]
      let leading = inside.prefix(while: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
      let source = String(String.UnicodeScalarView(inside)).trimmingCharacters(
        in: .whitespacesAndNewlines)
      if source.isEmpty {
        report("'{{ }}' is empty; expected an expression inside", position(offset(of: open)))
      } else if source.contains("{{") {
        report(
          "'{{' opens again before '}}' closes; expected '{{ expression }}'",
          position(offset(of: open)))
      } else {
        if !literal.isEmpty { segments.append(.literal(String(literal))) }
        literal = String.UnicodeScalarView()
        let expressionPosition = position(offset(of: open + 2 + leading))
        segments.append(.expression(LessonExpression(source, at: expressionPosition)))
      }
      index = close + 2
    }
    if !literal.isEmpty { segments.append(.literal(String(literal))) }
    return segments
  }

  /// The line and column of scalar `target`, moving the cursor forward to it (targets never
  /// go backwards, so the whole text is walked once).
  private mutating func offset(of target: Int) -> Offset {
    while cursor < target {
      scalarsVisited += 1
      if scalars[cursor] == "\n" {
        cursorOffset = Offset(line: cursorOffset.line + 1, column: 0)
      } else {
        cursorOffset.column += 1
      }
      cursor += 1
    }
    return cursorOffset
  }

  private mutating func firstClosing(from start: Int) -> Int? {
    var index = start
    while index + 1 < scalars.count {
      scalarsVisited += 1
      if scalars[index] == "}", scalars[index + 1] == "}" { return index }
      index += 1
    }
    return nil
  }
}
