import LossLessons
import LossPlots

/// Presenter mode: a teacher runs one lesson on a projector. The ordinary lesson session with
/// a fixed seed, progress kept in memory only, `reveal` and `goto N` added, and its output
/// tidied for a room (``tidy(_:)``); the terminal side adds the margins.
public enum Presenter {
  /// The seed every lesson gets unless `--seed` says otherwise, so the numbers on the
  /// projector match slides prepared with the same command.
  public static let defaultSeed = 1

  /// The rows a line or scatter plot gets on the projector (the shell's default is 12).
  public static let plotRows = 20

  /// A session for presenting: nothing it does reaches the learner's progress file.
  public static func session(
    library: LessonLibrary, seed: Int, configuration: ShellConfiguration
  ) -> ShellSession {
    let context = LessonContext(
      library: library, learner: "presenter", progress: .inMemory(), seed: seed,
      advisesRequires: false)
    var configuration = configuration
    configuration.outputFilter = { tidy($0) }
    return ShellSession(configuration: configuration, commands: commands(context))
  }

  /// The lesson commands with `reveal` and `goto`.
  public static func commands(_ context: LessonContext) -> CommandRegistry {
    var registry = CommandRegistry.withLessons(context)
    registry.register(PresenterCommands.reveal(context))
    registry.register(PresenterCommands.goto(context))
    return registry
  }

  /// Starts `lesson` (a number or an id); nil when there is no such lesson, with the events
  /// that say why.
  public static func begin(_ session: inout ShellSession, lesson: String) -> (
    events: [ShellEvent], started: Bool
  ) {
    let events = session.receive(.line("start \(lesson)"))
    return (events, session[state: ActiveLesson.self].run != nil)
  }

  /// Output for a room: no welcome screen, no counts of tries or "your progress is saved"
  /// (nothing is saved), nothing about the next lesson, bigger line and scatter plots.
  public static func tidy(_ events: [ShellEvent]) -> [ShellEvent] {
    var out: [ShellEvent] = []
    var afterTheEnd = false
    for (index, event) in events.enumerated() {
      switch event {
      case .welcome:
        continue
      case .lesson(.lessonComplete(let title, _)):
        afterTheEnd = true
        out.append(.lesson(.feedback("End of \(title).", tone: .good)))
      case .notice where afterTheEnd:
        continue
      case .notice where index + 1 < events.count && events[index + 1] == .goodbye:
        // "Your place is saved": it is not.
        continue
      case .plot(let plot):
        out.append(.plot(enlarged(plot)))
      case .lesson(.plot(let plot)):
        out.append(.lesson(.plot(enlarged(plot))))
      default:
        out.append(event)
      }
    }
    return out
  }

  /// A line or scatter plot drawn taller, unless it asked for its own height.
  static func enlarged(_ plot: Plot) -> Plot {
    if case .landscape = plot.content { return plot }
    guard plot.size?.rows == nil else { return plot }
    var bigger = plot
    bigger.size = PlotSize(columns: plot.size?.columns, rows: plotRows)
    return bigger
  }
}
