import Foundation
import Testing

/// A class file as a teacher writes, checks and hands it out, through the real binary.
@Suite("losslab --class and class check (the real binary)")
struct ClassCommandTests {
  /// TeacherFiles' lesson `tiny` in a class with skipping off, an export folder and `extra`.
  private func classFile(_ files: TeacherFiles, extra: String = "") throws -> String {
    let exports = files.scratch.folder.appendingPathComponent("exports")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    let path = files.path("class.yaml")
    try Data(
      """
      format_version: 1
      kind: class
      title: Test class
      lesson_files: [lessons]
      skip: false
      export: exports
      lessons: [tiny]
      \(extra)
      """.utf8
    ).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func theExampleClassFilePasses() throws {
    let run = try LossLabBinary.run(["class", "check", examplePath])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stdout.contains("ok  \(examplePath)  (4 lessons)"), "\(run.stdout)")
  }

  @Test func mistakesAreToldByLineAndColumnAndFailTheCheck() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let path = try classFile(files, extra: "reveal_aftr: 2\n")
    let run = try LossLabBinary.run(["class", "check", path])
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(
      run.stderr.contains(
        "\(path):8:1: unknown field 'reveal_aftr' in the class file — did you mean 'reveal_after'?"
      ), "\(run.stderr)")
    #expect(run.stdout.contains("1 error"), "\(run.stdout)")
  }

  @Test func lessonCheckRecognisesAClassFile() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let run = try LossLabBinary.run(["lesson", "check", try classFile(files)])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stdout.contains("(1 lesson)"), "\(run.stdout)")
  }

  @Test func aBrokenClassFileStopsTheShellWithItsMessages() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let path = try classFile(files, extra: "seed: -3\n")
    let run = try LossLabBinary.run(
      ["--class", path], stdin: "1 + 1\n", environment: files.scratch.environment)
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(run.stderr.contains("\(path):8:7: seed: found '-3'"), "\(run.stderr)")
    #expect(run.stderr.contains("losslab class check"), "\(run.stderr)")
  }

  @Test func aFinishedLessonIsHandedInAndTheReportReadsIt() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let path = try classFile(files)
    let input = "start tiny\n\nskip\nmse(p, y)\n\n\n\n"
    let run = try LossLabBinary.run(
      ["--class", path, "--learner", "ada"], stdin: input,
      environment: files.scratch.environment)
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stdout.contains("turned skipping off"), "\(run.stdout)")
    let export = files.scratch.folder.appendingPathComponent("exports/ada.json")
    #expect(FileManager.default.fileExists(atPath: export.path), "\(run.stdout)")
    let report = try LossLabBinary.run(
      ["report", files.path("exports"), "--format", "csv", "--lessons", files.lessons.path])
    #expect(report.exited(with: 0), "\(report.summary)")
    #expect(report.stdout.contains("ada"), "\(report.stdout)")
  }

  @Test func theEnvironmentNamesTheClassAndTheOptionWins() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let path = try classFile(files)
    var environment = files.scratch.environment
    environment["LOSSLAB_CLASS"] = path
    let fromEnvironment = try LossLabBinary.run(
      [], stdin: "start 2\n", environment: environment)
    #expect(
      fromEnvironment.stdout.contains("There is no lesson 2: the course has lessons 1 to 1"),
      "\(fromEnvironment.summary)")
    environment["LOSSLAB_CLASS"] = files.path("missing.yaml")
    let optionWins = try LossLabBinary.run(
      ["--class", path], stdin: "start 1\n", environment: environment)
    #expect(optionWins.exited(with: 0), "\(optionWins.summary)")
    #expect(optionWins.stdout.contains("The seed is"), "\(optionWins.stdout)")
  }

  @Test func aLessonFolderCannotReplaceAClassLesson() throws {
    let files = try TeacherFiles()
    defer { files.remove() }
    let path = try classFile(files)
    let mine = files.scratch.folder.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try Data(
      """
      format_version: 1
      id: tiny
      title: Tiny
      summary: A replacement with nothing to answer.
      minutes: 1
      steps:
        - kind: say
          text: Replaced.
      """.utf8
    ).write(to: mine.appendingPathComponent("tiny.yaml"))
    var environment = files.scratch.environment
    environment["LOSSLAB_LESSONS"] = mine.path
    let run = try LossLabBinary.run(
      ["--class", path, "--lessons", mine.path], stdin: "start tiny\n\nskip\n",
      environment: environment)
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(!run.stdout.contains("Replaced."), "\(run.stdout)")
    #expect(run.stdout.contains("turned skipping off"), "\(run.stdout)")
  }

  @Test func helpNamesTheClassOptionAndCommand() throws {
    let help = try LossLabBinary.run(["shell", "--help"])
    #expect(help.stdout.contains("--class <FILE>"), "\(help.stdout)")
    #expect(help.stdout.contains("LOSSLAB_CLASS"), "\(help.stdout)")
    let top = try LossLabBinary.run(["--help"])
    #expect(top.stdout.contains("class"), "\(top.stdout)")
  }

  private var examplePath: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/class-example.yaml").path
  }
}
