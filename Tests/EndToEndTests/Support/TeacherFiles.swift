import Foundation

/// A small lesson folder for the teacher's tests (presenter mode, record and replay): a seeded
/// number, a compute step answered by a loss call, a plot.
struct TeacherFiles {
  let scratch: Scratch

  var lessons: URL { scratch.folder.appendingPathComponent("lessons") }
  var lessonFile: URL { lessons.appendingPathComponent("01-tiny.yaml") }
  var progressFile: URL {
    scratch.folder.appendingPathComponent("state").appendingPathComponent("progress.json")
  }

  init() throws {
    scratch = try Scratch()
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try write(targets: "[2.5, 5, 3]")
  }

  /// The lesson, with `targets` as the compute step's y (change it to change the answer).
  func write(targets: String) throws {
    let text = """
      format_version: 1
      id: tiny
      order: 1
      title: Tiny
      summary: A tiny lesson.
      minutes: 1
      setup: |
        p = [3, 5, 2.5]
        y = \(targets)
      steps:
        - kind: say
          title: Seeded
          text: "The seed is {{ seed }}."
        - kind: compute
          title: The MSE
          text: What is the MSE of p against y?
          answer: "mse(p, y)"
          tolerance: 1e-9
        - kind: plot
          title: The parabola
          text: Squared error.
          plot: {expr: "mse(e, 0)", var: e, from: -3, to: 3}
        - kind: say
          title: Done
          text: That is all.
      """
    try Data(text.utf8).write(to: lessonFile)
  }

  func remove() { try? FileManager.default.removeItem(at: scratch.folder) }

  func path(_ name: String) -> String { scratch.folder.appendingPathComponent(name).path }
}
