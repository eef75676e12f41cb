/// Collects lines while brackets are still open, so a long vector or call can span lines.
///
/// Only openness is judged here: a closing bracket with nothing to close, a mismatched pair or
/// an unterminated string ends the input at once, and the parser reports it with a caret.
struct InputBuffer: Equatable, Sendable {
  enum Status: Equatable {
    /// The input is ready: one line as typed, or several joined by spaces (comments removed).
    case complete(String)
    /// Brackets are still open; `opener` is the innermost one (`(` or `[`).
    case incomplete(opener: Character)
  }

  /// The lines so far, each without its comment.
  private(set) var lines: [String] = []
  /// The stack of open brackets after the lines so far.
  private var open: [Character] = []
  private var length = 0

  var isEmpty: Bool { lines.isEmpty }

  /// The innermost open bracket, while the input is incomplete.
  var innermostOpener: Character? { open.last }

  mutating func clear() { self = InputBuffer() }

  /// Adds a line and says whether the input is complete.
  mutating func append(_ line: String, limit: Int) -> Status {
    let (code, balanced) = scan(line)
    length += line.unicodeScalars.count + 1
    if lines.isEmpty, balanced {
      clear()
      return .complete(line)
    }
    lines.append(code)
    if balanced || length > limit {
      let joined = lines.joined(separator: " ")
      clear()
      return .complete(joined)
    }
    return .incomplete(opener: open.last ?? "(")
  }

  /// Updates the open-bracket stack with one line. Returns the line without its comment, and
  /// whether the input is complete (balanced, or broken in a way only the parser can explain).
  private mutating func scan(_ line: String) -> (code: String, complete: Bool) {
    var code = String.UnicodeScalarView()
    var inString = false
    var broken = false
    for scalar in line.unicodeScalars {
      if inString {
        if scalar == "\"" { inString = false }
        code.append(scalar)
        continue
      }
      if scalar == "#" { break }
      code.append(scalar)
      switch scalar {
      case "\"": inString = true
      case "(", "[": open.append(Character(scalar))
      case ")", "]":
        let expected: Character = scalar == ")" ? "(" : "["
        if open.last == expected {
          open.removeLast()
        } else {
          broken = true
        }
      default: break
      }
    }
    return (String(code), open.isEmpty || inString || broken)
  }
}
