import Foundation
import TestSupport
import Testing

/// `losslab lesson new`, `lesson check` and `lesson show`, from an empty folder.
@Suite("Writing a lesson from scratch", .serialized)
struct LessonAuthoringTests {
  @Test func aNewLessonPassesItsCheckAndShowsAsAHandout() throws {
    let scratch = try Scratch()
    defer { try? FileManager.default.removeItem(at: scratch.folder) }
    let folder = scratch.folder.appendingPathComponent("mine").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let created = try LossLabBinary.run(
      ["lesson", "new", "demo", "--dir", folder], environment: scratch.environment)
    #expect(created.exited(with: 0), "\(created.summary)")
    let file = folder + "/demo.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    for kind in ["say", "predict", "compute", "choose", "tweak", "explore", "plot", "define"] {
      #expect(text.contains("- kind: \(kind)\n"), "no \(kind) step")
    }
    #expect(text.contains("# predict: the learner guesses"))

    let checked = try LossLabBinary.run(
      ["lesson", "check", file], environment: scratch.environment)
    #expect(checked.exited(with: 0), "\(checked.summary)")
    #expect(checked.stdout.contains("(9 steps, played through)"))

    let handout = try LossLabBinary.run(
      ["lesson", "show", "demo", "--lessons", folder, "--answers", "--format", "markdown"],
      environment: scratch.environment)
    #expect(handout.exited(with: 0), "\(handout.summary)")
    #expect(handout.stdout.hasPrefix("# My new lesson\n"))
    #expect(handout.stdout.contains("## Step 3 of 9: The mean squared error"))
    #expect(handout.stdout.contains("is 0.166667."), "a number computed by the engine")
    #expect(handout.stdout.contains("mse(p, y)   (= 0.166667)"), "the answer, with its value")
    #expect(handout.stdout.contains("2. Mean") && handout.stdout.contains("1. Mean"))
    #expect(handout.stdout.contains("```text\n  loss curve: losses"), "the plot as text")
    let learners = try LossLabBinary.run(
      ["lesson", "show", "demo", "--lessons", folder], environment: scratch.environment)
    #expect(learners.exited(with: 0), "\(learners.summary)")
    #expect(learners.stdout.contains("step 3 of 9"))
    #expect(!learners.stdout.contains("answer:"), "the learners' copy has no answers")
  }

  @Test func theHandoutsNumbersFollowTheSeed() throws {
    func hidden(seed: Int) throws -> String {
      let run = try LossLabBinary.run(["lesson", "show", "1", "--answers", "--seed", "\(seed)"])
      #expect(run.exited(with: 0), "\(run.summary)")
      return run.stdout
    }
    #expect(try hidden(seed: 3) == hidden(seed: 3))
    #expect(try hidden(seed: 3) != hidden(seed: 4))
  }

  @Test func anExistingFileIsNeverOverwrittenAndABadIdIsExplained() throws {
    let scratch = try Scratch()
    defer { try? FileManager.default.removeItem(at: scratch.folder) }
    let file = scratch.folder.appendingPathComponent("demo.yaml")
    try Data("mine\n".utf8).write(to: file)
    let again = try LossLabBinary.run(["lesson", "new", "demo", "--dir", scratch.folder.path])
    #expect(again.exited(with: 1), "\(again.summary)")
    #expect(again.stderr.contains("already exists; it is left as it is"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
    let bad = try LossLabBinary.run(["lesson", "new", "../Bad", "--dir", scratch.folder.path])
    #expect(!bad.exited(with: 0))
    #expect(bad.stderr.contains("'../Bad' is not a lesson id"))
  }
}
