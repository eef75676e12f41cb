/// A lesson built to drive the terminal through YAML escapes: retitle the window (OSC 0), clear
/// the screen (ED), hide text (SGR 8 conceal), overwrite a line (CR), reverse it (U+202E), ring
/// the bell. Used in-process by the lesson tests and through the binary by the end-to-end tests.
public enum HostileLesson {
  public static let id = "hostile"

  public static let yaml = #"""
    format_version: 1
    id: hostile
    order: -100
    title: "Hostile\e]0;pwned-title\a lesson"
    summary: "Clears\e[2J\e[3J\e[H the screen"
    minutes: 1
    steps:
      - kind: say
        title: "Hidden\e[8m title"
        text: "Before\e[2J after\roverwrite\e[8mconcealed\e[0m \u202Ereversed\a bell"
        hints:
          - "A hint\e]0;hint-title\a here"
      - kind: choose
        question: "Pick\e[8m one"
        options:
          - text: "yes\e[2J"
            correct: true
            feedback: "right\e]0;feedback-title\a"
          - text: "no\e[8m"
            feedback: "wrong\e[2J"
    """#

  /// Escape sequences that must never reach a terminal from the file.
  public static let forbidden = [
    "\u{1B}]0;", "\u{1B}[2J", "\u{1B}[3J", "\u{1B}[H", "\u{1B}[8m", "\u{07}", "\r", "\u{202E}",
  ]
}
