import ArgumentParser
import Foundation
import LineEditor
import LossLessons

/// `losslab progress --export FILE`: the learner's record, for the teacher.
struct ProgressSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress",
    abstract: "Export your progress for your teacher (`losslab report` reads a folder of them).",
    discussion: """
      The export is JSON (format_version 1): for each lesson the steps reached, attempts, hints, \
      skips and time, and per step the known wrong answers you hit and the answers you typed \
      at compute steps. It is written atomically; an existing file is replaced.
      """
  )

  @Option(help: "The file to write (use - for standard output).")
  var export: String

  @Option(help: "Whose progress to export (default: your user name).")
  var learner: String?

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let name =
      learner.flatMap(LearnerName.cleaned) ?? LearnerName.default(environment: environment)
    guard let store = ProgressStore.standard(environment: environment) else {
      StandardStreams.report(
        "losslab progress: there is no state folder (HOME is not set), so no progress\n")
      throw ExitCode.failure
    }
    let snapshot: ProgressSnapshot
    do { snapshot = try store.load(learner: name) } catch {
      StandardStreams.report("losslab progress: \(error)\n")
      throw ExitCode.failure
    }
    if let notice = snapshot.notice { StandardStreams.report(notice + "\n") }
    let data = try ProgressExportCoding.encode(
      ProgressExport(learner: name, progress: snapshot.learner, at: Date()))
    if export == "-" {
      do { try StandardStreams.write(String(decoding: data, as: UTF8.self)) } catch {
        StandardStreams.exit(after: error)
      }
      return
    }
    do { try ProgressExportCoding.write(data, to: export) } catch {
      StandardStreams.report("losslab progress: cannot write \(export): \(error)\n")
      throw ExitCode.failure
    }
    StandardStreams.report("Exported \(name)'s progress to \(export).\n")
  }
}
