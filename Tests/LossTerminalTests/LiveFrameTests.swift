import LossEngine
import LossLanguage
import LossShell
import Testing

@testable import LossTerminal

/// The frame a running `train` redraws in place must fit the terminal line by line: the
/// redraw moves up by the number of lines it drew, and a wrapped line would break that.
@Suite("The live training frame")
struct LiveFrameTests {
  static func curve(steps: Int, through last: Int, validation: Bool) -> TrainingCurveSoFar {
    var curve = TrainingCurveSoFar(steps: steps, hasValidation: validation)
    for step in 0...last {
      curve.record(
        step: step, loss: 10 / Double(step + 1),
        validation: validation ? 12 / Double(step + 1) : nil)
    }
    return curve
  }

  @Test(arguments: [40, 80, 200])
  func everyLineFitsAndTheProgressLineComesLast(_ width: Int) {
    let progress = TrainingProgress(
      step: 300, steps: 5000, loss: 10.0 / 301, validation: 12.0 / 301,
      parameters: ["w1", "w2"], values: [Tensor(scalar: 1), Tensor(scalar: 2)], every: nil)
    let renderer = Renderer(style: .color, width: width)
    let frame = renderer.liveTrainingFrame(
      progress, curve: Self.curve(steps: 5000, through: 300, validation: true))
    let visible = frame.map(Self.withoutEscapes)
    #expect(visible.allSatisfy { $0.count <= width }, "\(visible)")
    #expect(visible.first?.contains("training w1, w2") == true)
    #expect(visible.last?.contains("step 300 of 5000") == true)
    #expect(visible.contains { $0.contains("validation") }, "the legend names both curves")
    // The x axis already reaches the last step (5000), so the frame does not rescale as it grows.
    #expect(visible.contains { $0.contains("4000") }, "\(visible.joined(separator: "\n"))")
    #expect(frame.count <= Renderer.liveCurveRows + 8, "small enough for a 24-row terminal")
  }

  @Test func theFinalFrameDrawsTheWholeRunWithoutTheProgressLine() throws {
    var session = ShellSession()
    for line in ["x = [1, 2, 3]", "y = [2, 4, 6]", "w = 0", "train(mse(w * x, y), w, steps=40)"] {
      _ = session.handle(line: line)
    }
    let run = try #require(session.lastTraining)
    let frame = Renderer(style: .color, width: 80).finalTrainingFrame(run).map(
      Self.withoutEscapes)
    #expect(frame.first?.contains("training w") == true)
    #expect(!frame.contains { $0.contains("step 40 of 40") })
    #expect(frame.contains { $0.contains("40") })
  }

  static func withoutEscapes(_ line: String) -> String {
    line.replacing(/\u{1B}\[[0-9;]*m/, with: "")
  }
}
