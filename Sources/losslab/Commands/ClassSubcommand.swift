import ArgumentParser
import BuiltinLessons
import LineEditor
import LossLanguage
import LossLessons
import LossTerminal

/// `losslab class …`: tools for teachers who hand lessons to a class.
struct ClassSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract: "Tools for teachers: check a class file before handing it out.",
    discussion: """
      A class file (see Lessons/CLASS-FORMAT.md) sets which lessons a class sees and in what \
      order, turns skip off or limits it, asks for tries before an answer is shown, enforces \
      requires, fixes seeds and names a folder for the learners' progress exports. Learners \
      run `losslab --class FILE` (or set LOSSLAB_CLASS=FILE).
      """,
    subcommands: [ClassCheckSubcommand.self]
  )
}

/// `losslab class check FILE...`: a class file's mistakes as file:line:column messages, and its
/// own lesson files played through.
struct ClassCheckSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check class files: fields, lesson ids, requires order, the export folder.",
    discussion: """
      Problems print as file:line:column: message, as `lesson check` prints them; the lesson \
      files a class file adds are played through with their own answers. Exits 1 when any \
      file has an error. `losslab lesson check` hands a class file here too.
      """
  )

  @Argument(help: "Class files to check.")
  var files: [String]

  func run() throws {
    do {
      var errors = 0
      for file in files { errors += try Self.check(file) }
      if errors > 0 { throw ExitCode.failure }
    } catch let failure as StandardStreams.Failure {
      StandardStreams.exit(after: failure)
    }
  }

  /// Checks one class file and prints what was found; the number of errors.
  static func check(_ path: String) throws -> Int {
    let file = ClassFile.load(path: path, builtinFiles: BuiltinLessons.files)
    var found = file.allDiagnostics
    for entry in file.library.entries where !entry.isBuiltin {
      found += LessonChecker.check(entry.lesson, drawing: Renderer.plotProblem)
    }
    let errors = found.filter { $0.severity == .error }.count
    let warnings = found.count - errors
    StandardStreams.report(found.map { $0.description + "\n" }.joined())
    let shown = PrintableText.sanitized(path, keepingNewlines: false)
    if errors == 0 {
      let count = file.library.entries.count
      try StandardStreams.write("ok  \(shown)  (\(count) lesson\(count == 1 ? "" : "s"))\n")
    }
    try StandardStreams.write(
      "class file \(shown) checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    )
    return errors
  }
}
