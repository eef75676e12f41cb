import ArgumentParser
import BuiltinLessons
import Foundation
import LineEditor
import LossLanguage
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
  ) throws -> Start {
    let environment = ProcessInfo.processInfo.environment
    let classFile = try classFile(options, environment: environment)
    let library = classFile?.library ?? library(lessons: options.lessons)
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
    let settings = classFile?.settings
    // A replay writes nothing: no export is handed in.
    var handIn: (@Sendable (ProgressExport) -> Result<String, HandInFailure>)?
    if header == nil, let settings, settings.exportFolder != nil {
      handIn = { @Sendable export in settings.handIn(export) }
    }
    let context = LessonContext(
      library: library, learner: learner, progress: keeper, seed: header?.seed,
      classSettings: settings, handIn: handIn)
    var greeting: [ShellEvent] = []
    if let classFile, interactive {
      greeting += classGreeting(classFile, ignoring: options.lessons, environment: environment)
    }
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

  /// The class file from `--class`, else `LOSSLAB_CLASS`; nil without one. A class file with
  /// errors stops LossLab here, its problems printed as `class check` prints them.
  static func classFile(_ options: ShellOptions, environment: [String: String]) throws -> ClassFile?
  {
    guard
      let path = options.classFile
        ?? environment["LOSSLAB_CLASS"].flatMap({ $0.isEmpty ? nil : $0 })
    else { return nil }
    let file = ClassFile.load(path: path, builtinFiles: BuiltinLessons.files)
    guard file.hasErrors || file.settings == nil else { return file }
    let errors = file.diagnostics.filter { $0.severity == .error }
    StandardStreams.report(
      errors.map { $0.description + "\n" }.joined()
        + "losslab: the class file has \(errors.count) error\(errors.count == 1 ? "" : "s");"
        + " `losslab class check \(PrintableText.sanitized(path, keepingNewlines: false))` shows"
        + " them all\n")
    throw ExitCode.failure
  }

  /// What a class's learner sees first: whose class it is, and any problem with its export folder.
  static func classGreeting(
    _ file: ClassFile, ignoring lessons: [String], environment: [String: String]
  ) -> [ShellEvent] {
    var notices: [ShellEvent] = []
    let count = file.library.entries.count
    let title = file.settings?.title.map { "\($0): " } ?? ""
    notices.append(
      .notice(
        "\(title)your teacher's class file sets \(count) lesson\(count == 1 ? "" : "s");"
          + " `lessons` lists them"))
    if !LessonLibrary.extraPaths(lessonsOptions: lessons, environment: environment).isEmpty {
      notices.append(
        .notice("the class file chooses the lessons: --lessons and LOSSLAB_LESSONS are not used"))
    }
    if let problem = file.exportProblem {
      notices.append(
        .notice(
          "your progress can't be handed in yet (\(problem.message)); it is still saved, tell your teacher"
        ))
    }
    return notices
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
