import LineEditor
import LossEngine
import LossLanguage

/// Prints `eval` results: JSON lines for tools (streamed, so a huge value is never one string),
/// or aligned text for people, where a value of more than ``textElementLimit`` numbers is
/// summarised (its ends and its size; `--json` gives every number). Every write is checked
/// (``StandardStreams``).
struct EvalPrinter {
  let json: Bool
  /// More numbers than a person reads on a terminal; a script that needs them all asks for JSON.
  static let textElementLimit = 10_000
  /// Columns an error's source window may take on standard error, which has no known width.
  static let errorWidth = 120

  func print(_ outcome: Outcome) throws(StandardStreams.Failure) {
    if json {
      if case .nothing = outcome { return }
      try JSONOutput.write(outcome) { (chunk: String) throws(StandardStreams.Failure) in
        try StandardStreams.write(chunk)
      }
      try StandardStreams.write("\n")
      return
    }
    switch outcome {
    case .nothing: return
    case .value(let value, let loss):
      guard let loss, let gradient = loss.gradient else {
        try write(text(value) + "\n")
        return
      }
      let label = loss.function
      let gradientLabel = "∂/∂\(loss.parameter)"
      let width = max(label.count, gradientLabel.count)
      func padded(_ text: String) -> String {
        text + String(repeating: " ", count: width - text.count)
      }
      try write("\(padded(label)) = \(text(value))\n")
      try write(
        "\(padded(gradientLabel)) = \(text(.tensor(gradient)))\n")
    case .assigned(let name, let value):
      try write("\(name) = \(text(value))\n")
    case .assignedSeveral(let names, let values):
      for (name, value) in zip(names, values) {
        try write("\(name) = \(text(value))\n")
      }
    case .defined(let function):
      try write(
        "defined \(function.name)(\(function.parameters.joined(separator: ", ")))\n")
    }
  }

  func print(_ error: LanguageError, source: String, lineNumber: Int?)
    throws(StandardStreams.Failure)
  {
    if json {
      try StandardStreams.write(JSONOutput.line(for: error) + "\n")
      return
    }
    let diagnostic = Diagnostic(error, source: source, line: lineNumber)
    let text = diagnostic.lines(room: EvalPrinter.errorWidth).map { $0 + "\n" }.joined()
    StandardStreams.report(PrintableText.sanitized(text))
  }

  private func text(_ value: Value) -> String {
    ValueFormatter.compact(value, elementLimit: Self.textElementLimit)
  }

  /// Text for a person's terminal: what was typed (a string value, a source line) may hold
  /// control characters, shown visibly as everywhere else (JSON escapes them itself).
  private func write(_ text: String) throws(StandardStreams.Failure) {
    try StandardStreams.write(PrintableText.sanitized(text))
  }
}
