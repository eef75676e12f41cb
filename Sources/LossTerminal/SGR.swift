/// ANSI Select Graphic Rendition codes: the only escape sequences the renderer writes, and
/// only in colour mode.
enum SGR {
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
    }
  }
}
