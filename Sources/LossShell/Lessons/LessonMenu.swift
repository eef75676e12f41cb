import LossLessons

/// The course menu: each lesson with its number, minutes and where the learner stands.
public struct LessonMenu: Equatable, Sendable {
  public enum Status: Equatable, Sendable {
    case new
    case inProgress(step: Int, of: Int)
    case done
  }

  public struct Row: Equatable, Sendable {
    public let number: Int
    public let id: String
    public let title: String
    public let summary: String
    public let minutes: Int
    public let status: Status
    public let isBuiltin: Bool

    public init(
      number: Int, id: String, title: String, summary: String, minutes: Int, status: Status,
      isBuiltin: Bool
    ) {
      self.number = number
      self.id = id
      self.title = title
      self.summary = summary
      self.minutes = minutes
      self.status = status
      self.isBuiltin = isBuiltin
    }
  }

  public let rows: [Row]
  /// Lesson files that could not be read, as `path:line:column: message`.
  public let problems: [String]

  public init(rows: [Row], problems: [String]) {
    self.rows = rows
    self.problems = problems
  }

  init(context: LessonContext) {
    let progress = context.progress.load().progress
    rows = context.library.entries.map { entry in
      let saved = progress.lesson(entry.id)
      let status: Status
      if saved?.isCompleted == true {
        status = .done
      } else if let saved, saved.step > 0 || progress.position.lesson == entry.id.rawValue {
        status = .inProgress(step: saved.step + 1, of: entry.lesson.steps.count)
      } else {
        status = .new
      }
      return Row(
        number: entry.menuNumber, id: entry.id.rawValue, title: entry.lesson.title,
        summary: entry.lesson.summary,
        minutes: entry.lesson.minutes, status: status, isBuiltin: entry.isBuiltin)
    }
    problems = context.library.diagnostics.filter { $0.severity == .error }.map(\.description)
  }
}
