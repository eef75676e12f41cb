import LossLanguage
import LossLessons
import LossShell
import TestSupport
import Testing

@testable import LossTerminal

/// The renderer's output boundary is the last line of defence: even text that never went
/// through the lesson loader cannot put a control sequence on the terminal.
@Suite("Only the renderer's own escapes reach the terminal")
struct OutputBoundaryTests {
  static let hostile =
    "Before\u{1B}]0;title\u{07}\u{1B}[2J after\roverwrite\u{1B}[8mhidden \u{202E}r"
  static let events: [ShellEvent] = [
    .lesson(.text(hostile)), .lesson(.options([hostile, "no"])),
    .lesson(.feedback(hostile, tone: .bad)), .lesson(.hint(number: 1, of: 1, text: hostile)),
    .lesson(.header(lesson: hostile, step: 1, of: 2, title: hostile)), .notice(hostile),
    .lesson(.answer(hostile + "\n" + hostile)), .lesson(.inputProblem(hostile)),
  ]

  @Test(arguments: [Renderer.Style.plain, .color])
  func hostileTextIsShownVisibly(_ style: Renderer.Style) {
    let out = Renderer(style: style, width: 200).render(Self.events)
    for sequence in HostileLesson.forbidden {
      #expect(!out.contains(sequence), "\(sequence.debugDescription) in \(out.debugDescription)")
    }
    #expect(out.contains("^[]0;title^G^[[2J after^Moverwrite^[[8mhidden <U+202E>r"))
    // In colour the only escapes left are the renderer's own SGR codes.
    let escapes = out.split(separator: "\u{1B}", omittingEmptySubsequences: false).dropFirst()
    for escape in escapes {
      #expect(
        escape.first == "["
          && escape.dropFirst().prefix(while: { $0.isNumber || $0 == ";" }).count >= 1)
      #expect(escape.dropFirst().drop(while: { $0.isNumber || $0 == ";" }).first == "m")
    }
    if style == .plain { #expect(escapes.isEmpty) }
  }
}
