/// Turns the prompt the shell asks for into the bytes libedit should get.
///
/// libedit counts every prompt character as a screen column unless it sits between
/// `RL_PROMPT_START_IGNORE` (`\u{01}`) and `RL_PROMPT_END_IGNORE` (`\u{02}`). Without the markers
/// it strips the ESC byte, prints `[32m` as text and puts the cursor in the wrong column. This is
/// the one place that knows about that.
enum PromptText {
  static let startIgnore: Unicode.Scalar = "\u{01}"
  static let endIgnore: Unicode.Scalar = "\u{02}"
  private static let escape: Unicode.Scalar = "\u{1B}"
  private static let bell: Unicode.Scalar = "\u{07}"

  /// A piece of a prompt: visible text or one terminal escape sequence.
  enum Segment: Equatable {
    case text(String)
    case escape(String)
  }

  /// The prompt for libedit: escape sequences wrapped in ignore markers when `color` is on and
  /// dropped when it is off; non-ASCII text dropped when `asciiOnly` (no UTF-8 locale, where a
  /// non-ASCII prompt crashes libedit).
  static func forLibedit(_ prompt: String, color: Bool, asciiOnly: Bool) -> String {
    var result = String.UnicodeScalarView()
    for segment in segments(of: prompt) {
      switch segment {
      case .text(let text):
        result.append(contentsOf: text.unicodeScalars.filter { !asciiOnly || $0.isASCII })
      case .escape(let sequence) where color:
        result.append(startIgnore)
        result.append(contentsOf: sequence.unicodeScalars)
        result.append(endIgnore)
      case .escape:
        break
      }
    }
    return String(result)
  }

  /// The prompt as it appears on screen: escape sequences and ignore markers removed.
  static func visible(_ prompt: String) -> String {
    forLibedit(prompt, color: false, asciiOnly: false)
  }

  /// Splits a prompt into text and escape sequences: CSI (`ESC [ … final`), OSC (`ESC ] …`
  /// ended by BEL or `ESC \`) and two-character `ESC x` sequences. Ignore markers already in the
  /// prompt are dropped, so a pre-wrapped prompt is not wrapped twice.
  static func segments(of prompt: String) -> [Segment] {
    let scalars = Array(prompt.unicodeScalars)
    var segments: [Segment] = []
    var text = String.UnicodeScalarView()
    var index = 0
    func flushText() {
      if !text.isEmpty { segments.append(.text(String(text))) }
      text = String.UnicodeScalarView()
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == startIgnore || scalar == endIgnore {
        index += 1
      } else if scalar == escape {
        flushText()
        let end = endOfEscape(in: scalars, at: index)
        var sequence = String.UnicodeScalarView()
        sequence.append(contentsOf: scalars[index..<end])
        segments.append(.escape(String(sequence)))
        index = end
      } else {
        text.append(scalar)
        index += 1
      }
    }
    flushText()
    return segments
  }

  /// The index just past the escape sequence that starts at `start` (which holds ESC).
  private static func endOfEscape(in scalars: [Unicode.Scalar], at start: Int) -> Int {
    let next = start + 1
    guard next < scalars.count else { return next }
    switch scalars[next] {
    case "[":
      // Parameter and intermediate bytes (0x20–0x3F), then one final byte (0x40–0x7E).
      var index = next + 1
      while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
      return index < scalars.count && (0x40...0x7E).contains(scalars[index].value)
        ? index + 1 : index
    case "]":
      var index = next + 1
      while index < scalars.count {
        if scalars[index] == bell { return index + 1 }
        if scalars[index] == escape, index + 1 < scalars.count, scalars[index + 1] == "\\" {
          return index + 2
        }
        index += 1
      }
      return index
    default:
      return next + 1
    }
  }
}
