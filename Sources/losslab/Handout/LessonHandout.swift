import LossLanguage
import LossLessons
import LossShell
import LossTerminal

/// A lesson as a handout: every step as the learner meets it (text, questions, options, plots
/// in their text form), with every number computed for one seed; the teacher's copy adds the
/// answers and hints.
struct LessonHandout {
  struct Step {
    let events: [LessonEvent]
    let answer: String?
    let hints: [String]
  }

  let lesson: Lesson
  let steps: [Step]

  init(lesson: Lesson, seed: Int) throws(LanguageError) {
    self.lesson = lesson
    var run = try LessonRun(lesson: lesson, learner: "handout", seed: seed)
    var steps: [Step] = []
    for index in 0..<lesson.steps.count {
      let events = run.begin(at: index)
      steps.append(Step(events: events, answer: run.shownAnswer, hints: run.shownHints))
    }
    self.steps = steps
  }

  /// Plain text, as `--plain` shows it (plots in ASCII with their words).
  func text(answers: Bool, width: Int) -> String {
    let renderer = Renderer(style: .plain, width: width)
    var out = renderer.render(
      .lesson(.text("**\(lesson.title)**\n\n\(lesson.summary) (about \(lesson.minutes) minutes)")))
    for step in steps {
      var events = step.events.filter { $0 != .pressEnter }.map(ShellEvent.lesson)
      if answers {
        events += step.hints.enumerated().map {
          .lesson(.hint(number: $0.offset + 1, of: step.hints.count, text: $0.element))
        }
        if let answer = step.answer { events.append(.lesson(.answer(answer))) }
      }
      out += renderer.render(events)
    }
    return out
  }

  /// Markdown for a handout document: a heading per step, plots as text blocks.
  func markdown(answers: Bool) -> String {
    let plots = Renderer(style: .plain, width: 80)
    var out = "# \(lesson.title)\n\n\(lesson.summary) (about \(lesson.minutes) minutes)\n"
    for step in steps {
      for event in step.events {
        switch event {
        case .header(_, let number, let count, let title):
          out += "\n## Step \(number) of \(count)" + (title.map { ": \($0)" } ?? "") + "\n"
        case .text(let text): out += "\n\(text.trimmingTrailingNewlines)\n"
        case .options(let options):
          out +=
            "\n"
            + options.enumerated().map { "\($0.offset + 1). \($0.element)" }
            .joined(separator: "\n") + "\n"
        case .plot(let plot):
          out += "\n```text\n" + plots.render(.plot(plot)) + "```\n"
        case .notice(let notice): out += "\n*\(notice)*\n"
        case .plotError, .error, .inputProblem, .feedback, .readouts, .value, .propertyCheck,
          .hint, .answer, .stepComplete, .pressEnter, .lessonComplete, .trained, .stepped:
          continue
        }
      }
      guard answers else { continue }
      for (index, hint) in step.hints.enumerated() {
        out += "\n> Hint \(index + 1): \(hint)\n"
      }
      if let answer = step.answer {
        out +=
          "\n> **Answer:**\n>\n"
          + answer.split(separator: "\n").map { ">     \($0)" }
          .joined(separator: "\n") + "\n"
      }
    }
    return out
  }
}

extension String {
  fileprivate var trimmingTrailingNewlines: String {
    var text = self
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
