import ArgumentParser
import LineEditor
import LossLanguage
import LossLessons
import LossShell

/// `losslab lesson show ID`: a lesson as a handout, for learners or (with answers) a teacher.
struct LessonShowSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a lesson as a handout: text, questions, options and plots, numbers computed.",
    discussion: """
      Every number is computed by the engine for --seed (default \(Presenter.defaultSeed), as \
      `losslab present` uses), so the handout matches a presentation with the same seed.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown
  }

  @Argument(help: "The lesson: its number in the course or its id.")
  var lesson: String

  @Flag(help: "The teacher's copy: each step's hints and answer too.")
  var answers = false

  @Option(help: "text (as the terminal shows it, plain) or markdown.")
  var format: Format = .text

  @Option(help: "The seed for the lesson's random data (0 to 2147483646).")
  var seed: Int = Presenter.defaultSeed

  @Option(
    name: .customLong("lessons"),
    help: "A folder of your own lessons to add (repeatable; also LOSSLAB_LESSONS).")
  var lessons: [String] = []

  func validate() throws {
    guard LessonRun.seedRange.contains(seed) else {
      throw ValidationError(
        "--seed must be from \(LessonRun.seedRange.lowerBound) to \(LessonRun.seedRange.upperBound), not \(seed)"
      )
    }
  }

  func run() throws {
    let library = ShellSetup.library(lessons: lessons)
    let entry: LessonLibrary.Entry
    switch library.find(lesson) {
    case .found(let found): entry = found
    case .noSuchNumber(let number, let count):
      throw ValidationError("there is no lesson \(number): the course has lessons 1 to \(count)")
    case .noSuchLesson(let query, let suggestion):
      throw ValidationError(
        "there is no lesson '\(TranscriptEcho.shown(query))'"
          + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
    }
    let handout: LessonHandout
    do { handout = try LessonHandout(lesson: entry.lesson, seed: seed) } catch {
      StandardStreams.report(
        "losslab lesson show: lesson \(entry.id.rawValue) cannot start: \(error.message)\n")
      throw ExitCode.failure
    }
    let text =
      format == .markdown
      ? handout.markdown(answers: answers) : handout.text(answers: answers, width: 80)
    do { try StandardStreams.write(text) } catch { StandardStreams.exit(after: error) }
  }
}
