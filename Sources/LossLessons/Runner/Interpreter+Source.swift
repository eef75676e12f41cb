import LossEngine
import LossLanguage

extension Interpreter {
  /// Parses `source` as one expression and evaluates it: how the runner computes every answer,
  /// condition and template expression of a lesson.
  func evaluate(source: String) throws(LanguageError) -> Value {
    try evaluate(try Parser.parseExpression(source))
  }

  /// The same, with the gradient with respect to each named variable (readouts).
  func evaluate(source: String, gradientsFor names: [String]) throws(LanguageError)
    -> (value: Value, gradients: [String: Tensor])
  {
    try evaluate(try Parser.parseExpression(source), gradientsFor: names)
  }
}
