import LossLessons
import Testing

/// What `lesson check` says about a file it cannot read as a lesson: the place of the cause,
/// and words that name it.
@Suite("Messages about lesson files")
struct LessonFileMessageTests {
  @Test func anUnclosedQuoteIsReportedWhereItOpens() {
    let report = LessonLoader.load(
      yaml: LessonText.with(
        steps: "  - kind: say\n    text: \"Hello\n  - kind: say\n    text: Bye\n\n# end\n"),
      file: "l.yaml")
    #expect(
      report.located == [
        #"8:11 the quoted text that starts here with " is never closed; expected a closing " (to write " inside it, write \")"#
      ])
    let single = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text: 'It is\n"), file: "l.yaml")
    #expect(
      single.located == [
        "8:11 the quoted text that starts here with ' is never closed; expected a closing ' (to write ' inside it, double it: '')"
      ])
  }

  @Test func aTabInTheIndentationSaysUseSpaces() {
    let report = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n\ttext: Hello\n"), file: "l.yaml")
    #expect(
      report.located == [
        "8:1 a tab is used for indentation here; YAML indents with spaces only — use spaces"
      ])
  }

  @Test func aByteOrderMarkIsAccepted() {
    let report = LessonLoader.load(
      bytes: [0xEF, 0xBB, 0xBF] + Array(LessonText.say().utf8), file: "l.yaml")
    #expect(report.diagnostics.isEmpty, "\(report.located)")
    #expect(report.lesson?.title == "Sample")
    let broken = LessonLoader.load(
      bytes: [0xEF, 0xBB, 0xBF] + Array("format_version: 1\nid: [\n".utf8), file: "l.yaml")
    #expect(broken.located.first?.hasPrefix("3:1 ") == true, "\(broken.located)")
  }
}
