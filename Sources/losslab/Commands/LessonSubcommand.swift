import ArgumentParser
import BuiltinLessons
import LineEditor
import LossLessons

/// `losslab lesson …`: tools for people who write lessons.
struct LessonSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Tools for lesson authors.",
    subcommands: [LessonCheckSubcommand.self]
  )
}

/// `losslab lesson check [PATH...]`: validates lesson files and plays each one through.
struct LessonCheckSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check lesson files: schema, expressions, and a play-through with their own answers.",
    discussion: """
      PATHs are lesson files or folders (searched recursively for *.yaml); with none, the \
      built-in lessons are checked. Problems print as file:line:column: message. Exits 1 when \
      any lesson has an error.
      """
  )

  @Argument(help: "Lesson files or folders to check (default: the built-in lessons).")
  var paths: [String] = []

  func run() throws {
    do {
      try check()
    } catch let failure as StandardStreams.Failure {
      StandardStreams.exit(after: failure)
    }
  }

  private func check() throws {
    let library =
      paths.isEmpty
      ? LessonLibrary(builtinFiles: BuiltinLessons.files, extraPaths: [])
      : LessonLibrary(builtinFiles: [], extraPaths: paths)
    var errors = 0
    var warnings = 0
    var report = ""
    for diagnostic in library.diagnostics {
      report += diagnostic.description + "\n"
      if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
    }
    for entry in library.entries {
      let found = LessonChecker.check(entry.lesson)
      for diagnostic in found {
        report += diagnostic.description + "\n"
        if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
      }
      if found.isEmpty {
        try StandardStreams.write(
          "ok  \(entry.file)  (\(entry.lesson.steps.count) steps, played through)\n")
      }
    }
    StandardStreams.report(report)
    let files = library.reports.count
    try StandardStreams.write(
      "\(files) lesson file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    )
    if files == 0 {
      StandardStreams.report("no lesson files found\n")
      throw ExitCode.failure
    }
    if errors > 0 { throw ExitCode.failure }
  }
}
