import ArgumentParser
import Foundation
import LineEditor
import LossLessons
import LossShell

/// `losslab lesson new ID`: a lesson file to start from, with every step kind explained.
struct LessonNewSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write ID.yaml: a lesson with one example of every step kind, each field explained.",
    discussion: """
      The file passes `losslab lesson check` as written; edit it from there. It is never \
      overwritten: an existing ID.yaml is left as it is.
      """
  )

  @Argument(help: "The new lesson's id: lowercase letters, digits and dashes (at most 48).")
  var id: String

  @Option(help: "The folder to write it in (default: the current folder).")
  var dir: String = "."

  func run() throws {
    guard let lessonID = LessonID(validating: id) else {
      throw ValidationError(
        "'\(TranscriptEcho.shown(id))' is not a lesson id: use lowercase letters, digits and dashes, starting with a letter or digit, at most \(LessonID.maximumLength) characters (like my-lesson)"
      )
    }
    let path = URL(fileURLWithPath: dir).appendingPathComponent("\(lessonID.rawValue).yaml").path
    let shownPath = TranscriptEcho.shown(path)
    guard !FileManager.default.fileExists(atPath: path) else {
      StandardStreams.report(
        "losslab lesson new: \(shownPath) already exists; it is left as it is (pick another id or --dir)\n"
      )
      throw ExitCode.failure
    }
    do {
      let file = try OutputFile(path: path, exclusive: true)
      try file.write(NewLesson.text(id: lessonID))
      try file.close()
    } catch {
      StandardStreams.report("losslab lesson new: cannot write \(shownPath): \(error.reason)\n")
      throw ExitCode.failure
    }
    do {
      try StandardStreams.write(
        """
        wrote \(shownPath): one step of each kind, every field explained in a comment.
        Next: `losslab lesson check \(shownPath)` plays it with its own answers;
        `losslab --lessons \(TranscriptEcho.shown(dir))` puts it in the course; \
        `losslab present \(lessonID.rawValue) --lessons \(TranscriptEcho.shown(dir))` shows it to a class.

        """)
    } catch {
      StandardStreams.exit(after: error)
    }
  }
}
