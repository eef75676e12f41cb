import LossLessons
import TestSupport
import Testing

@Suite("Lesson text cannot drive the terminal")
struct HostileTextTests {
  @Test func everyTextOfAHostileLessonComesOutPrintable() throws {
    let report = LessonLoader.load(yaml: HostileLesson.yaml, file: "hostile.yaml")
    let lesson = try #require(report.lesson, "\(report.diagnostics)")
    #expect(lesson.title == "Hostile^[]0;pwned-title^G lesson")
    var run = try LessonRun(lesson: lesson, learner: "pupil")
    var events = run.begin()
    events += run.hint()
    events += run.next()
    events += run.handle("2")
    events += run.handle("1")
    let texts = events.map { "\($0)" } + [lesson.title, lesson.summary]
    #expect(texts.contains { $0.contains("Before^[[2J after^Moverwrite^[[8mconcealed") })
    #expect(texts.contains { $0.contains("yes^[[2J") })
    for text in texts {
      for sequence in HostileLesson.forbidden {
        #expect(!text.contains(sequence), "\(text.debugDescription)")
      }
    }
  }

  @Test func aControlCharacterInCodeIsAnErrorAtItsColumn() {
    let setup = LessonLoader.load(
      yaml: LessonText.with(
        header: "setup: \"x = 1\\e[2J\"\n", steps: "  - kind: say\n    text: Hi\n"),
      file: "l.yaml")
    #expect(
      setup.located == [
        "6:14 setup: the expression holds the control character ^[; expected printable text"
      ])
    let hole = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text: \"Hi {{ 2\\e1] }}\"\n"), file: "l.yaml"
    )
    #expect(
      hole.located == [
        "8:19 text: the {{ }} expression holds the control character ^[; expected printable text"
      ])
  }

  @Test func aFileNameWithControlCharactersIsShownVisibly() {
    let report = LessonLoader.load(
      yaml: "format_version: [", file: "evil\u{1B}]0;x\u{07}\nname.yaml")
    let shown = report.diagnostics.map(\.description).joined()
    #expect(shown.hasPrefix("evil^[]0;x^G^Jname.yaml:"), "\(shown.debugDescription)")
  }
}
