/// A picture: any plot call the shell takes (`plot`, `curve`, `landscape`, `scatter`),
/// evaluated against the lesson's variables when the step is shown, with the same text
/// alternative as in the shell.
public struct PlotStep: Sendable, Hashable {
  public var text: LessonTemplate
  /// The plot call, e.g. `plot([mse(e, 0), mae(e, 0)], e, -3, 3)`.
  public var call: LessonExpression

  public init(text: LessonTemplate, call: LessonExpression) {
    self.text = text
    self.call = call
  }
}
