import ArgumentParser
import BuiltinLessons
import Foundation
import LineEditor
import LossLanguage
import LossLessons
import LossTerminal

/// `losslab lesson …`: tools for people who write lessons.
struct LessonSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Tools for lesson authors.",
    subcommands: [
      LessonCheckSubcommand.self, LessonNewSubcommand.self, LessonShowSubcommand.self,
    ]
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
    // A class file among the paths is checked as one (`class check`), not as a lesson.
    let classFiles = paths.filter(Self.isClassFile)
    var classErrors = 0
    for file in classFiles { classErrors += try ClassCheckSubcommand.check(file) }
    let paths = self.paths.filter { !classFiles.contains($0) }
    guard !paths.isEmpty || classFiles.isEmpty else {
      if classErrors > 0 { throw ExitCode.failure }
      return
    }
    // The built-in lessons are always loaded, so a teacher's lesson is checked as learners
    // will meet it: replacing a built-in id is warned about, `requires` may name built-ins.
    let library = LessonLibrary(builtinFiles: BuiltinLessons.files, extraPaths: paths)
    let checksBuiltins = paths.isEmpty
    var errors = 0
    var warnings = 0
    var report = ""
    // A teacher's check reports on the teacher's files only.
    let builtinFiles = Set(library.reports.dropLast(library.folderReports.count).map(\.file))
    for diagnostic in library.diagnostics
    where checksBuiltins || !builtinFiles.contains(diagnostic.position.file) {
      report += diagnostic.description + "\n"
      if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
    }
    for entry in library.entries where checksBuiltins || !entry.isBuiltin {
      let found = LessonChecker.check(entry.lesson, drawing: Renderer.plotProblem)
      for diagnostic in found {
        report += diagnostic.description + "\n"
        if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
      }
      if found.isEmpty {
        let file = PrintableText.sanitized(entry.file, keepingNewlines: false)
        try StandardStreams.write(
          "ok  \(file)  (\(entry.lesson.steps.count) steps, played through)\n")
      }
    }
    StandardStreams.report(report)
    let files = checksBuiltins ? library.reports.count : library.folderReports.count
    try StandardStreams.write(
      "\(files) lesson file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    )
    if files == 0 {
      StandardStreams.report("no lesson files found\n")
      throw ExitCode.failure
    }
    if errors > 0 || classErrors > 0 { throw ExitCode.failure }
  }

  /// A single file whose text has a top-level `kind: class` line.
  private static func isClassFile(_ path: String) -> Bool {
    guard path.hasSuffix(".yaml") || path.hasSuffix(".yml"),
      let handle = FileHandle(forReadingAtPath: path)
    else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
    return ClassFileLoader.looksLikeClassFile(Array(head))
  }
}
