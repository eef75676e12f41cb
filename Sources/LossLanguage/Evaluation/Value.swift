import LossEngine

/// A value the learner can hold in a variable: numbers (a tensor), a string (an option such as
/// `optimizer="adam"`), or a list (what `grad` returns for several variables).
public enum Value: Equatable, Sendable {
  case tensor(Tensor)
  case string(String)
  case list([Value])

  public var tensor: Tensor? {
    if case .tensor(let t) = self { return t }
    return nil
  }

  public var scalar: Double? { tensor?.scalarValue.flatMap { tensor?.isScalar == true ? $0 : nil } }

  /// `scalar`, `[3]`, `[2, 3]`, `string`, `list of 2`.
  public var shapeDescription: String {
    switch self {
    case .tensor(let t): return t.shapeDescription
    case .string: return "string"
    case .list(let items): return "list of \(items.count)"
    }
  }
}
