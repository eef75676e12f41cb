import Foundation
import Testing

/// `losslab lesson check`, as a teacher runs it on a copied and edited lesson.
@Suite("losslab lesson check (the real binary)")
struct LessonCheckCommandTests {
  @Test func theBuiltinLessonsAllPass() throws {
    let run = try LossLabBinary.run(["lesson", "check"])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(run.stdout.contains("0 errors"))
    #expect(run.lines.filter { $0.hasPrefix("ok  Lessons/") }.count >= 4, "\(run.stdout)")
  }

  @Test func anEditedCopyIsToldPreciselyWhatIsWrong() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lesson-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = """
      format_version: 1
      id: my-lesson
      title: Mine
      summary: A teacher's copy.
      minutes: 5
      setup: |
        pred = [2.5, 5, 3, 8]
        actual = [3, 5, 2.5, 7]
      steps:
        - kind: sya
          text: Hello.
        - kind: compute
          text: What is the MSE?
          answer: "mse(pred, actual"
          tolerance: 1e-6
      """
    try lesson.write(
      to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    let run = try LossLabBinary.run(["lesson", "check", folder.path])
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(
      run.stderr.contains("mine.yaml:10:11: unknown step kind 'sya' — did you mean 'say'?"),
      "\(run.stderr)")

    let fixedKind = lesson.replacingOccurrences(of: "kind: sya", with: "kind: say")
    try fixedKind.write(
      to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    let second = try LossLabBinary.run(["lesson", "check", folder.path])
    #expect(second.exited(with: 1), "\(second.summary)")
    #expect(second.stderr.contains("mine.yaml:14:"), "\(second.stderr)")
    #expect(
      second.stderr.contains("expected ',' or ')' to close the call to mse"), "\(second.stderr)")

    let fixed = fixedKind.replacingOccurrences(
      of: "\"mse(pred, actual\"", with: "\"mse(pred, actual)\"")
    try fixed.write(
      to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    let third = try LossLabBinary.run(["lesson", "check", folder.path])
    #expect(third.exited(with: 0), "\(third.summary)")
  }

  @Test func aTeachersFolderJoinsTheCourse() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "teacher-\(UUID().uuidString)")
    let state = folder.appendingPathComponent("state")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = """
      format_version: 1
      id: class-warmup
      title: Our class warm-up
      summary: A teacher's own lesson.
      minutes: 3
      steps:
        - kind: compute
          text: What is mse([1, 2], [1, 4])?
          answer: "mse([1, 2], [1, 4])"
          tolerance: 1e-9
      """
    try lesson.write(
      to: folder.appendingPathComponent("warmup.yaml"), atomically: true, encoding: .utf8)
    let environment = ["LOSSLAB_STATE_DIR": state.path]
    let byOption = try LossLabBinary.run(
      ["--lessons", folder.path, "--learner", "pupil"], stdin: "lessons\nstart class-warmup\n2\n\n",
      environment: environment)
    #expect(byOption.exited(with: 0), "\(byOption.summary)")
    #expect(byOption.stdout.contains("Our class warm-up"), "\(byOption.stdout)")
    #expect(byOption.stdout.contains("(your lesson)"))
    #expect(byOption.stdout.contains("Correct: 2."))
    #expect(byOption.stdout.contains("You finished Our class warm-up!"))
    let byEnvironment = try LossLabBinary.run(
      ["--learner", "pupil"], stdin: "lessons\n",
      environment: environment.merging(["LOSSLAB_LESSONS": folder.path]) { _, new in new })
    #expect(byEnvironment.stdout.contains("Our class warm-up"))
    #expect(byEnvironment.stdout.contains("[done]"), "\(byEnvironment.stdout)")
  }

  @Test func aLessonReplacingABuiltinIsWarnedAboutAndOnlyTheTeachersFilesAreReported() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lesson-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try """
    format_version: 1
    id: darts
    title: My darts
    summary: Replaces the built-in.
    minutes: 1
    steps:
      - kind: say
        text: Hello.
    """.write(to: folder.appendingPathComponent("darts.yaml"), atomically: true, encoding: .utf8)
    let run = try LossLabBinary.run(["lesson", "check", folder.path])
    #expect(run.exited(with: 0), "\(run.summary)")
    #expect(
      run.stderrLines == [
        "\(folder.path)/darts.yaml:2:5: warning: lesson 'darts' replaces the built-in lesson with"
          + " the same id (Lessons/01-darts.yaml); expected a new id unless replacing it is intended"
      ])
    #expect(run.stdout.contains("1 lesson file checked: 0 errors, 1 warning"), "\(run.stdout)")
  }
}
