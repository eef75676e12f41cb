import LossPlots

/// ANSI Select Graphic Rendition codes: the only escape sequences the renderer writes, and
/// only in colour mode.
enum SGR {
  /// Blue, yellow, green, red, magenta, cyan: the SVG palette's order.
  static let seriesColours = [34, 33, 32, 31, 35, 36]

  static let reset = "\u{1B}[0m"

  /// The code that starts a tone; nil for text left as the terminal draws it.
  static func start(_ tone: Tone) -> String? {
    switch tone {
    case .normal: return nil
    case .strong: return "\u{1B}[1m"
    case .dim: return "\u{1B}[2m"
    case .name: return "\u{1B}[36m"
    case .value: return "\u{1B}[1m"
    case .good: return "\u{1B}[32m"
    case .bad: return "\u{1B}[31m"
    case .accent: return "\u{1B}[33m"
    case .heading: return "\u{1B}[1;4m"
    case .error: return "\u{1B}[1;31m"
    case .series(let n): return "\u{1B}[\(seriesColours[((n % 6) + 6) % 6])m"
    case .heat(let level, let marked):
      let colours = HeatScale.terminalColours
      let colour = colours[min(colours.count - 1, max(0, level))]
      return "\u{1B}[\(marked ? "1;97;" : "")48;5;\(colour)m"
    }
  }
}
