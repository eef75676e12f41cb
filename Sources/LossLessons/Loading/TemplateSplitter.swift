import Foundation

/// Splits template text at its `{{ EXPR }}` holes. The expressions stay text; the engine
/// evaluates them when the text is shown.
enum TemplateSplitter {
  /// A place in a value: 0-based line, and column in Unicode scalars within that line.
  struct Offset {
    var line: Int
    var column: Int
  }

  static func split(
    _ text: String, position: (Offset) -> SourcePosition,
    report: (String, SourcePosition) -> Void
  ) -> [LessonTemplate.Segment] {
    let scalars = Array(text.unicodeScalars)
    var segments: [LessonTemplate.Segment] = []
    var literal = String.UnicodeScalarView()
    var index = 0

    func offset(of target: Int) -> Offset {
      var result = Offset(line: 0, column: 0)
      for scalar in scalars[..<target] {
        if scalar == "\n" {
          result = Offset(line: result.line + 1, column: 0)
        } else {
          result.column += 1
        }
      }
      return result
    }

    while index < scalars.count {
      guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
        literal.append(scalars[index])
        index += 1
        continue
      }
      let open = index
      guard let close = firstClosing(in: scalars, from: open + 2) else {
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

  private static func firstClosing(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
    var index = start
    while index + 1 < scalars.count {
      if scalars[index] == "}", scalars[index + 1] == "}" { return index }
      index += 1
    }
    return nil
  }
}
