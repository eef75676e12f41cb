import Foundation
import LossEngine
import LossLanguage

/// Prints `eval` results: JSON lines for tools, or aligned text for people.
struct EvalPrinter {
  let json: Bool

  func print(_ outcome: Outcome) {
    if json {
      if let line = JSONOutput.line(for: outcome) { Swift.print(line) }
      return
    }
    switch outcome {
    case .nothing: return
    case .value(let value, let loss):
      guard let loss, let gradient = loss.gradient else {
        Swift.print(ValueFormatter.compact(value))
        return
      }
      let label = loss.function
      let width = max(label.count, 4)
      func padded(_ text: String) -> String {
        text + String(repeating: " ", count: width - text.count)
      }
      Swift.print("\(padded(label)) = \(ValueFormatter.compact(value))")
      Swift.print("\(padded("∂/∂p")) = \(ValueFormatter.compact(.tensor(gradient)))")
    case .assigned(let name, let value):
      Swift.print("\(name) = \(ValueFormatter.compact(value))")
    case .defined(let function):
      Swift.print("defined \(function.name)(\(function.parameters.joined(separator: ", ")))")
    }
  }

  func print(_ error: LanguageError, source: String, lineNumber: Int?) {
    if json {
      Swift.print(JSONOutput.line(for: error))
      return
    }
    let prefix = lineNumber.map { "line \($0): " } ?? ""
    var text = "error: \(prefix)\(error.oneLine)\n"
    if source.unicodeScalars.count <= 200 {
      text += error.caretLines(source: source).dropLast().map { "  " + $0 + "\n" }.joined()
    }
    FileHandle.standardError.write(Data(text.utf8))
  }
}
