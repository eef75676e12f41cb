import BuiltinLessons
import Foundation
import LineEditor
import LossLessons
import LossShell
import LossTerminal
import Synchronization

/// Builds a session with the lessons, the learner's progress, the welcome screen and the live
/// display of a running `train`.
enum ShellSetup {
  static func session(_ options: ShellOptions, interactive: Bool) -> (
    ShellSession, greeting: [ShellEvent], live: LiveTrainingDisplay
  ) {
    let environment = ProcessInfo.processInfo.environment
    let library = library(lessons: options.lessons)
    let learner =
      options.learner.flatMap(LearnerName.cleaned)
      ?? LearnerName.default(environment: environment)
    let store = ProgressStore.standard(
      environment: environment, lockWait: ProgressLimits.shellLockWait)
    let keeper = store.map { LessonProgressKeeper.store($0, learner: learner) } ?? .inMemory()
    let context = LessonContext(library: library, learner: learner, progress: keeper)
    var greeting: [ShellEvent] = []
    var resume: String?
    if interactive {
      let (progress, notice) = keeper.load()
      if let notice { greeting.append(.notice(notice)) }
      if store == nil { greeting.append(.notice(noStateFolder)) }
      resume = resumeText(progress, library: library)
      let broken = library.diagnostics.filter { $0.severity == .error }
      if !broken.isEmpty {
        greeting.append(
          .notice(
            "\(broken.count) problem\(broken.count == 1 ? "" : "s") in lesson files; `lessons` lists them"
          ))
      }
    }
    let names = library.entries.flatMap { ["\($0.menuNumber)", $0.id.rawValue] }
    var configuration = ShellConfiguration(
      interactive: interactive, isInterrupted: { Interrupts.isRequested }, resume: resume,
      lessonNames: { names })
    configuration.fileReader = DiskFiles.reader
    let live = LiveTrainingDisplay(style: style(plain: options.plain), interactive: interactive)
    configuration.liveEvents = live.sink
    return (
      ShellSession(configuration: configuration, commands: .withLessons(context)), greeting, live
    )
  }

  /// The built-in lessons and the folders `--lessons` and `LOSSLAB_LESSONS` add.
  static func library(lessons: [String]) -> LessonLibrary {
    LessonLibrary(
      builtinFiles: BuiltinLessons.files,
      extraPaths: LessonLibrary.extraPaths(
        lessonsOptions: lessons,
        environment: ProcessInfo.processInfo.environment))
  }

  /// Why nothing will be saved (``StateFolder``'s last rule).
  static let noStateFolder =
    "no home folder to keep your state in (HOME is not set): history and progress last only for this session"

  /// "You were on lesson 1 (…), step 4 of 9: type `start` to continue."
  static func resumeText(_ progress: LearnerProgress, library: LessonLibrary) -> String? {
    let done = library.entries.filter { progress.completedLessons.contains($0.id.rawValue) }
    if !library.entries.isEmpty, done.count == library.entries.count {
      return
        "Welcome back! You have finished the whole course (\(done.count) lessons). `start N` revisits lesson N; `help` shows everything the free shell can do."
    }
    guard let id = progress.position.lesson,
      let entry = library.entries.first(where: {
        $0.id.rawValue == id && !progress.completedLessons.contains(id)
      })
    else {
      if !progress.completedLessons.isEmpty {
        return
          "Welcome back! You have finished \(done.count) of \(library.entries.count) lessons. Type `start` for the next one."
      }
      return nil
    }
    return
      "Welcome back! You were on lesson \(entry.menuNumber) (\(entry.lesson.title)), step \(progress.position.step + 1) of \(entry.lesson.steps.count). Type `start` to continue."
  }

  static func style(plain: Bool) -> Renderer.Style {
    Renderer.Style.detect(
      environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1,
      plainRequested: plain)
  }
}
