import ArgumentParser
import BuiltinLessons
import Foundation
import LineEditor
import LossLessons

/// `losslab report DIR`: a class summary from a folder of progress exports.
struct ReportSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Summarise a class from a folder of progress exports.",
    discussion: """
      Reads every *.json file in FOLDER (as written by `losslab progress --export`) and prints \
      who finished what, the median time per lesson, the steps where most learners needed a \
      hint or skipped, and the most common wrong answers per step. A malformed or tampered \
      file is named and skipped; a learner who handed in twice counts once (the newest export).
      """
  )

  @Argument(help: "The folder of exports.")
  var folder: String

  @Option(help: "table, csv, markdown or json.")
  var format: ClassReport.Format = .table

  @Option(
    name: .customLong("lessons"),
    help: "A folder of your own lessons, for their titles (repeatable; also LOSSLAB_LESSONS).")
  var lessons: [String] = []

  func run() throws {
    let exports: ExportFolder
    do { exports = try ExportFolder(path: folder) } catch {
      StandardStreams.report("losslab report: \(error.description)\n")
      throw ExitCode.failure
    }
    let library = LessonLibrary(
      builtinFiles: BuiltinLessons.files,
      extraPaths: LessonLibrary.extraPaths(
        lessonsOptions: lessons, environment: ProcessInfo.processInfo.environment))
    let catalog = library.entries.map { entry in
      ClassReport.LessonInfo(
        id: entry.id.rawValue, title: entry.lesson.title, order: entry.menuNumber,
        stepTitles: Dictionary(
          uniqueKeysWithValues: entry.lesson.steps.enumerated().compactMap { index, step in
            step.title.map { (index + 1, $0) }
          }))
    }
    let report = ClassReport(exports, catalog: catalog)
    do { try StandardStreams.write(report.formatted(format)) } catch {
      StandardStreams.exit(after: error)
    }
  }
}

extension ClassReport.Format: ExpressibleByArgument {}
