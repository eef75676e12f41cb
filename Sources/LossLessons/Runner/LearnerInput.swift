import Foundation
import LossEngine
import LossLanguage

/// Reads what a learner typed as the guess a `predict` step asks for.
///
/// The input goes through the language, so `10, -5`, `-10 + 3, 2*4` and `[10, -5]` all work;
/// what comes back must have the step's shape.
enum LearnerInput {
  static func guess(_ line: String, for input: PredictStep.Input, in interpreter: Interpreter)
    -> Result<Tensor, Problem>
  {
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    let several: Bool
    if case .number = input { several = false } else { several = true }
    if let hint = BeginnerHints.hint(for: trimmed, expectsSeveral: several) {
      return .failure(Problem(message: hint))
    }
    let source = trimmed.hasPrefix("[") ? trimmed : "[" + trimmed + "]"
    guard let value = try? interpreter.evaluate(source: source) else {
      return .failure(Problem(message: example(for: input)))
    }
    guard case .tensor(let tensor) = value, tensor.rank == 1 else {
      return .failure(Problem(message: example(for: input)))
    }
    switch input {
    case .number:
      guard tensor.count == 1 else { return .failure(Problem(message: example(for: input))) }
      return .success(Tensor(scalar: tensor.storage[0]))
    case .point:
      guard tensor.count == 2 else { return .failure(Problem(message: example(for: input))) }
      return .success(tensor)
    case .vector(let size):
      guard tensor.count == size else {
        return .failure(Problem(message: "\(example(for: input)); you typed \(tensor.count)"))
      }
      return .success(tensor)
    }
  }

  struct Problem: Error, Equatable {
    let message: String
  }

  static func example(for input: PredictStep.Input) -> String {
    switch input {
    case .number: return "Type one number, like `2.5`"
    case .point: return "Type two numbers separated by a comma, like `10, -5`"
    case .vector(let size):
      return
        "Type \(size) numbers separated by commas, like `\((1...size).map(String.init).joined(separator: ", "))`"
    }
  }

  /// A tensor written back as learner input (`12, -7`), for `skip` and `lesson check`.
  static func text(for tensor: Tensor) -> String {
    tensor.storage.map { ValueFormatter.number($0, significantDigits: 17) }.joined(separator: ", ")
  }
}
