/// A plot of one expression over one variable. Reserved for the plotting issue: the format is
/// accepted and validated now so lessons can already use it.
public struct PlotStep: Sendable, Hashable {
  public struct Curve: Sendable, Hashable {
    /// The expression plotted, e.g. `mse(e, 0)`.
    public var expression: LessonExpression
    /// The variable swept along the x axis.
    public var variable: String
    public var from: Double
    public var to: Double

    public init(expression: LessonExpression, variable: String, from: Double, to: Double) {
      self.expression = expression
      self.variable = variable
      self.from = from
      self.to = to
    }
  }

  public var text: LessonTemplate
  public var plot: Curve

  public init(text: LessonTemplate, plot: Curve) {
    self.text = text
    self.plot = plot
  }
}
