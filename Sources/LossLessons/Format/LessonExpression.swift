/// An expression in the LossLab language, kept as the text the teacher wrote.
///
/// The lesson format does not parse expressions: the runner and `lesson check` do, with the
/// language module. The position lets them report a parse error at the exact file:line:column.
public struct LessonExpression: Sendable, Hashable, CustomStringConvertible {
  public var source: String
  /// Where `source` starts in the lesson file (best effort inside multi-line scalars).
  public var position: SourcePosition

  public init(_ source: String, at position: SourcePosition) {
    self.source = source
    self.position = position
  }

  public var description: String { source }
}

/// Text shown to the learner, with `{{ EXPR }}` holes the engine fills in when it is shown, so no
/// number in a lesson is ever typed by hand. Emphasis marks (`*x*`, `**x**`, `` `x` ``) stay in
/// the literal parts for the renderer.
public struct LessonTemplate: Sendable, Hashable, CustomStringConvertible {
  public enum Segment: Sendable, Hashable {
    case literal(String)
    case expression(LessonExpression)
  }

  /// The text as written, holes included.
  public var text: String
  /// The text split into literal runs and expression holes, in order.
  public var segments: [Segment]
  public var position: SourcePosition

  public init(text: String, segments: [Segment], position: SourcePosition) {
    self.text = text
    self.segments = segments
    self.position = position
  }

  /// The expressions in the holes, in order (for `lesson check`).
  public var expressions: [LessonExpression] {
    segments.compactMap {
      if case .expression(let expression) = $0 { expression } else { nil }
    }
  }

  public var description: String { text }
}
