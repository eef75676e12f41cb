import LossLanguage
import LossPlots
import TestSupport
import Testing

/// `landscape` over two weights draws, without `path=`, the path the last `train` (or run of
/// `step`s) over those same two weights took.
@Suite("The descent path drawn after training")
struct DescentPathTests {
  private let data = ["x = [1, 2, 3]", "y = [2, 5, 6]", "w = 0", "b = 0"]
  private let call = "landscape(mse(w * x + b, y), w, -1, 4, b, -2, 2)"

  /// The landscape a call draws after running `lines`, with the interpreter that ran them.
  private func landscape(after lines: [String], call: String? = nil) throws -> (
    Landscape, Interpreter
  ) {
    var interpreter = Interpreter()
    for line in data + lines { try interpreter.run(line) }
    let text = call ?? self.call
    let plot = try PlotBuilder(interpreter: interpreter).build(
      Parser.parseExpression(text), source: text)
    guard case .landscape(let landscape) = plot.content else {
      throw Failure("expected a landscape, got \(plot.content)")
    }
    return (landscape, interpreter)
  }

  /// Plain gradient descent on mse(w·x + b, y), written out: the (w, b) after each update.
  private func descent(steps: Int, lr: Double, from start: (Double, Double) = (0, 0)) -> [Point] {
    let xs = [1.0, 2, 3]
    let ys = [2.0, 5, 6]
    var (w, b) = start
    var points = [Point(x: w, y: b)]
    for _ in 0..<steps {
      var dw = 0.0
      var db = 0.0
      for (x, y) in zip(xs, ys) {
        let error = w * x + b - y
        dw += 2 * error * x / Double(xs.count)
        db += 2 * error / Double(xs.count)
      }
      w -= lr * dw
      b -= lr * db
      points.append(Point(x: w, y: b))
    }
    return points
  }

  private func expectPath(_ path: [Point], _ expected: [Point]) {
    #expect(path.count == expected.count)
    for (point, reference) in zip(path, expected) {
      expectClose(point.x, reference.x, relative: 1e-12, absolute: 1e-15)
      expectClose(point.y, reference.y, relative: 1e-12, absolute: 1e-15)
    }
  }

  @Test("after train, the path is every (w, b) train went through, ending where w and b are")
  func pathMatchesTrain() throws {
    let (l, interpreter) = try landscape(after: [
      "c = train(mse(w*x + b, y), w, b, lr=0.05, steps=25)"
    ])
    expectPath(l.path, descent(steps: 25, lr: 0.05))
    #expect(l.descentSteps == 25)
    let end = try #require(l.path.last)
    #expect(interpreter.scope["w"]?.scalar == end.x)
    #expect(interpreter.scope["b"]?.scalar == end.y)
    #expect(l.current?.point == end)
    #expect(PlotDescription.text(Plot(title: "", content: .landscape(l))).contains("in 25 steps."))
  }

  @Test("trained as (b, w), the path is still drawn as (w, b) on a w-by-b landscape")
  func pathFollowsTheLandscapesOrder() throws {
    let (l, _) = try landscape(after: ["train(mse(w*x + b, y), b, w, lr=0.05, steps=10)"])
    expectPath(l.path, descent(steps: 10, lr: 0.05))
  }

  @Test("a train over other weights, or over more than these two, draws no path")
  func otherWeightsDrawNoPath() throws {
    #expect(try landscape(after: ["train(mse(w*x + b, y), w, lr=0.05)"]).0.path.isEmpty)
    #expect(
      try landscape(after: ["c = 0", "train(mse(w*x + b + c, y), w, b, c, lr=0.05)"]).0.path
        .isEmpty)
    #expect(
      try landscape(
        after: ["v = 0", "train(mse(v*x + b, y), v, b, lr=0.05)"]
      ).0.path.isEmpty)
    #expect(try landscape(after: []).0.path.isEmpty)
  }

  @Test("path= given explicitly is drawn instead of the last train's")
  func explicitPathWins() throws {
    let (l, _) = try landscape(
      after: ["train(mse(w*x + b, y), w, b, lr=0.05, steps=10)", "P = [[0, 0], [1, 1]]"],
      call: "landscape(mse(w * x + b, y), w, -1, 4, b, -2, 2, path=P)")
    #expect(l.path == [Point(x: 0, y: 0), Point(x: 1, y: 1)])
    #expect(l.descentSteps == 1)
  }

  @Test("repeated steps from where the last one ended make one path; moving a weight starts anew")
  func stepsMakeAPath() throws {
    let step = "step(mse(w*x + b, y), w, b, lr=0.05)"
    let (three, _) = try landscape(after: [step, step, step])
    expectPath(three.path, descent(steps: 3, lr: 0.05))
    #expect(three.descentSteps == 3)

    let (moved, _) = try landscape(after: [step, step, "w = 1", step])
    expectPath(moved.path, descent(steps: 1, lr: 0.05, from: (1, moved.path.first?.y ?? .nan)))
    #expect(moved.path.first?.x == 1)

    let (otherRate, _) = try landscape(after: [step, "step(mse(w*x + b, y), w, b, lr=0.01)"])
    #expect(otherRate.descentSteps == 1)

    let (afterTrain, _) = try landscape(
      after: ["train(mse(w*x + b, y), w, b, lr=0.05, steps=4)", step])
    expectPath(afterTrain.path, descent(steps: 5, lr: 0.05))
  }

  @Test(
    "a train longer than the kept points says its real number of steps, and ends where it ended")
  func longTrainKeepsItsStepCount() throws {
    let (l, interpreter) = try landscape(
      after: ["train(mse(w*x + b, y), w, b, lr=0.01, steps=10001)"])
    #expect(l.path.count <= 10_000)
    #expect(l.descentSteps == 10_001)
    #expect(l.path.last?.x == interpreter.scope["w"]?.scalar)
    #expect(l.path.last?.y == interpreter.scope["b"]?.scalar)
  }
}
