import LossEngine
import LossLanguage

/// Evaluates one parsed expression at many settings of a few variables, reusing one scope
/// (set in place, so a 1,000-point dataset in the scope is never copied) and one parse.
struct PointEvaluator {
  private var interpreter: Interpreter
  let expression: Expression
  /// The first failure seen, for "no finite value anywhere" messages.
  private(set) var firstFailure: LanguageError?
  /// The shape of the first value that was not one number.
  private(set) var nonScalarShape: String?

  init(_ interpreter: Interpreter, expression: Expression) {
    self.interpreter = interpreter
    self.expression = expression
  }

  var isInterrupted: Bool { interpreter.isInterrupted() }

  /// The expression's value with `names` set to `values`; nan where it fails or is not a
  /// single number (a gap in the picture).
  mutating func value(_ names: [String], _ values: [Double]) -> Double {
    for (name, value) in zip(names, values) {
      interpreter.scope.set(name, .tensor(Tensor(scalar: value)))
    }
    do {
      let result = try interpreter.evaluate(expression)
      guard let tensor = result.tensor, tensor.count == 1, let y = tensor.scalarValue else {
        if nonScalarShape == nil { nonScalarShape = result.shapeDescription }
        return .nan
      }
      return y
    } catch {
      if firstFailure == nil { firstFailure = error }
      return .nan
    }
  }

  /// The value and ∂/∂ each name at a point, or nil where either is not finite.
  mutating func valueAndGradient(_ names: [String], _ values: [Double]) -> (
    value: Double, gradient: [Double]
  )? {
    for (name, value) in zip(names, values) {
      interpreter.scope.set(name, .tensor(Tensor(scalar: value)))
    }
    guard let result = try? interpreter.evaluate(expression, gradientsFor: names),
      let y = result.value.scalar, y.isFinite
    else { return nil }
    var gradient: [Double] = []
    for name in names {
      guard let g = result.gradients[name]?.scalarValue, g.isFinite else { return nil }
      gradient.append(g)
    }
    return (y, gradient)
  }
}
