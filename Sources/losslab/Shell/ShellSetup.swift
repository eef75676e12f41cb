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
  /// A session ready to run, what to show first, and what a recording's header says of it.
  struct Start {
    var session: ShellSession
    var greeting: [ShellEvent]
    /// Draws a running `train`; nil in a replay.
    var live: LiveTrainingDisplay?
    var recordingBase: TranscriptHeader
  }

  /// The learner's session. `replaying` rebuilds a recorded one instead: its learner and seed,
  /// its starting progress held in memory (a replay never writes the progress file), its
  /// style, no live output.
  static func session(
    _ options: ShellOptions, interactive: Bool, recording: Bool = false,
    replaying header: TranscriptHeader? = nil
  ) -> Start {
    let environment = ProcessInfo.processInfo.environment
    let library = library(lessons: options.lessons)
    let learner =
      header?.learner ?? options.learner.flatMap(LearnerName.cleaned)
      ?? LearnerName.default(environment: environment)
    let store =
      header == nil
      ? ProgressStore.standard(environment: environment, lockWait: ProgressLimits.shellLockWait)
      : nil
    let keeper: LessonProgressKeeper
    if let header {
      keeper = .inMemory(startingProgress(header) ?? .new(at: Date()))
    } else {
      keeper = store.map { LessonProgressKeeper.store($0, learner: learner) } ?? .inMemory()
    }
    let context = LessonContext(
      library: library, learner: learner, progress: keeper, seed: header?.seed)
    var greeting: [ShellEvent] = []
    var resume: String?
    var progressText: String?
    if interactive {
      let (progress, notice) = keeper.load()
      if let notice { greeting.append(.notice(notice)) }
      if store == nil, header == nil { greeting.append(.notice(noStateFolder)) }
      resume = resumeText(progress, library: library)
      progressText = encoded(progress, learner: learner)
      let broken = library.diagnostics.filter { $0.severity == .error }
      if !broken.isEmpty {
        greeting.append(
          .notice(
            "\(broken.count) problem\(broken.count == 1 ? "" : "s") in lesson files; `lessons` lists them"
          ))
      }
    }
    if recording, !interactive {
      progressText = encoded(keeper.load().progress, learner: learner)
    }
    let names = library.entries.flatMap { ["\($0.menuNumber)", $0.id.rawValue] }
    var configuration = ShellConfiguration(
      interactive: interactive, isInterrupted: { Interrupts.isRequested }, resume: resume,
      lessonNames: { names })
    configuration.fileReader = DiskFiles.reader
    let plain = header?.plain ?? (style(plain: options.plain) == .plain)
    var live: LiveTrainingDisplay?
    if header == nil {
      let display = LiveTrainingDisplay(
        style: style(plain: options.plain), interactive: interactive)
      configuration.liveEvents = display.sink
      live = display
    }
    let base = TranscriptHeader(
      width: Terminal.width, height: Terminal.height, learner: learner, interactive: interactive,
      plain: plain, progress: progressText)
    return Start(
      session: ShellSession(configuration: configuration, commands: .withLessons(context)),
      greeting: greeting, live: live, recordingBase: base)
  }

  /// A recording's starting progress for its learner (the codec has checked it).
  static func startingProgress(_ header: TranscriptHeader) -> LearnerProgress? {
    guard let text = header.progress,
      let file = try? ProgressFile(decoding: Data(text.utf8))
    else { return nil }
    return file.learners[header.learner]
  }

  /// `progress` as the progress file a transcript's header carries.
  static func encoded(_ progress: LearnerProgress, learner: String) -> String? {
    guard let data = try? ProgressFile(learners: [learner: progress]).encoded() else { return nil }
    return String(decoding: data, as: UTF8.self)
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
