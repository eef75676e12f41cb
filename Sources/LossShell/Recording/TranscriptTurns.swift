import LossLanguage

/// One input of a transcript with the output recorded after it: what a replay types and what
/// it checks. The opening (output before the first input) is turn 0, with no input.
public struct TranscriptTurn: Equatable, Sendable {
  /// 0 for the opening, then 1, 2, … for each input.
  public let number: Int
  /// When the input was typed (seconds since recording began).
  public let time: Double
  public let input: ShellInput?
  /// The columns the output was laid out for.
  public let width: Int
  /// Everything shown after the input (its echo first).
  public let recorded: String
}

extension Transcript {
  /// The opening and every input, in order, each with its recorded output.
  public var turns: [TranscriptTurn] {
    var turns: [TranscriptTurn] = []
    var width = header.width
    var current = (time: 0.0, input: ShellInput?.none, width: header.width, text: "")
    var hasOutput = false
    for event in events {
      switch event {
      case .resize(_, let columns, _):
        width = columns
        if !hasOutput { current.width = columns }
      case .output(_, let text):
        if !hasOutput { current.width = width }
        hasOutput = hasOutput || !text.isEmpty
        current.text += text
      case .input(let time, let input):
        turns.append(
          TranscriptTurn(
            number: turns.count, time: current.time, input: current.input, width: current.width,
            recorded: current.text))
        current = (time, input, width, "")
        hasOutput = false
      }
    }
    turns.append(
      TranscriptTurn(
        number: turns.count, time: current.time, input: current.input, width: current.width,
        recorded: current.text))
    return turns
  }
}

/// Where a replayed output first differs from the recorded one, as lines safe to print.
public struct TranscriptDifference: Equatable, Sendable {
  /// 1-based line within the turn's output.
  public let line: Int
  public let recorded: String
  public let replayed: String

  public init(line: Int, recorded: String, replayed: String) {
    self.line = line
    self.recorded = recorded
    self.replayed = replayed
  }

  /// Nil when the two are the same; colour is ignored only when both are otherwise equal text.
  public static func between(recorded: String, replayed: String) -> TranscriptDifference? {
    guard recorded != replayed else { return nil }
    let a = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    let b = replayed.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : nil
      let right = index < b.count ? String(b[index]) : nil
      guard left != right else { continue }
      return TranscriptDifference(
        line: index + 1, recorded: left.map(shown) ?? "(nothing)",
        replayed: right.map(shown) ?? "(nothing)")
    }
    return nil
  }

  /// A line without colour sequences, control characters made visible, at most 120 characters.
  public static func shown(_ line: String) -> String {
    var out = ""
    var inEscape = false
    for character in line {
      if character == "\u{1B}" {
        inEscape = true
      } else if inEscape {
        if character.isLetter { inEscape = false }
      } else {
        out.append(character)
      }
    }
    let visible = PrintableText.sanitized(out, keepingNewlines: false)
    return visible.count > 120 ? String(visible.prefix(119)) + "…" : visible
  }
}
