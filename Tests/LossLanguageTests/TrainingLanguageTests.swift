import LossEngine
import LossLanguage
import Synchronization
import TestSupport
import Testing

/// The language features training needs, each checked by hand-computed numbers.
@Suite("Training in the language")
struct TrainingLanguageTests {
  static let data = ["x = [1, 2, 3]", "y = [2, 4, 6]", "w = 0", "b = 0"]

  func session(_ extra: String...) throws -> Session {
    var session = Session()
    for line in Self.data + extra { try session.run(line) }
    return session
  }

  // MARK: grad in a def, indexing, several assignments, `;`, defaults

  @Test func gradInsideADefDifferentiatesTheFunctionsParameter() throws {
    // d(w²)/dw at the parameter w = 3, not at the global w = 2.
    #expect(try tensor("w = 2", "def g(w) = grad(w^2, w)", "g(3)") == Tensor(scalar: 6))
    // ∂/∂x mean((p·x − 1)²) = 2(p·x − 1)·p = 20 at p = 2, x = 3; p is the function's own.
    #expect(try tensor("x = 3", "def k(p) = grad(mse(p * x, 1), x)", "k(2)") == Tensor(scalar: 20))
  }

  @Test func gradResultsCanBeIndexed() throws {
    var s = try session("b = 1", "g = grad(mse(w * x + b, y), w, b)")
    // e = [−1, −3, −5]: ∂/∂w = mean(2e·x) = −44/3, ∂/∂b = mean(2e) = −6.
    expectClose(try s.scalar("g[1]"), -44.0 / 3)
    expectClose(try s.scalar("g[2]"), -6)
    #expect(try s.failure("g[0]").message.contains("indices start at 1"))
    #expect(try s.failure("g[3]").message.contains("outside 1…2"))
  }

  @Test func severalNamesAreAssignedFromValuesComputedFirst() throws {
    var s = Session()
    try s.run("a = 1")
    try s.run("b = 2")
    #expect(
      try s.run("a, b = b, a")
        == .assignedSeveral(
          names: ["a", "b"], values: [.tensor(Tensor(scalar: 2)), .tensor(Tensor(scalar: 1))]))
    #expect(try s.scalar("a * 10 + b") == 21)
    try s.run("x = [1, 2, 3]")
    try s.run("y = [2, 4, 6]")
    try s.run("w = 0")
    try s.run("b = 0")
    try s.run("g = grad(mse(w * x + b, y), w, b)")
    try s.run("w, b = w - 0.1 * g[1], b - 0.1 * g[2]")
    expectClose(try s.scalar("w"), 56.0 / 30)  // −0.1 × (−56/3)
    expectClose(try s.scalar("b"), 0.8)  // −0.1 × (−8)
    try s.run("w, b = grad(mse(w * x + b, y), w, b)")  // a list of two unpacks
    #expect(try s.failure("w, b = 1, 2, 3").message.contains("2 names but 3 values"))
    #expect(try s.failure("w, b = [1, 2, 3]").message.contains("2 names need 2 values"))
    #expect(try s.failure("w, w = 1, 2").message.contains("assigned twice"))
  }

  @Test func semicolonsSeparateStatements() throws {
    var s = Session()
    #expect(try s.scalar("w = 1; w = w + 1; w * 10") == 20)
    #expect(try s.scalar("w") == 2)
    #expect(try s.run("w = 5;") == .assigned(name: "w", .tensor(Tensor(scalar: 5))))
    // An error stops the rest; what ran before it stays.
    _ = try s.failure("w = 7; w = nope; w = 9")
    #expect(try s.scalar("w") == 7)
  }

  @Test func defaultsInDef() throws {
    var s = Session()
    try s.run(
      "def pinball(p, y, tau=0.9) = mean(where(y - p > 0, tau * (y - p), (1 - tau) * (p - y)))")
    expectClose(try s.scalar("pinball(1, 2)"), 0.9)
    expectClose(try s.scalar("pinball(1, 2, 0.5)"), 0.5)
    expectClose(try s.scalar("pinball(3, 2, tau=0.25)"), 0.75)
    #expect(
      try s.failure("def f(a=1, b) = a + b").message.contains("parameters with defaults come last"))
  }

  // MARK: train

  @Test func trainGivesTheCurveAndLeavesTheLastValues() throws {
    var s = try session()
    let curve = try s.tensor("train(mse(w * x, y), w, lr=0.1, steps=2)")
    // L(w) = (14/3)(w − 2)²: w₁ = 0.1 × 56/3, w₂ = w₁ − 0.1 × (28/3)(w₁ − 2).
    let w1 = 0.1 * 56 / 3
    let w2 = w1 - 0.1 * (28.0 / 3) * (w1 - 2)
    let loss = { (w: Double) in 14.0 / 3 * (w - 2) * (w - 2) }
    expectClose(curve, try Tensor(vector: [loss(0), loss(w1), loss(w2)]))
    expectClose(try s.scalar("w"), w2)
    let run = try #require(s.interpreter.lastTraining)
    #expect(run.stop == .completed)
    #expect(run.path.map(\.step) == [0, 1, 2])
    expectClose(
      try Tensor(vector: run.path.map { $0.values[0].storage[0] }), try Tensor(vector: [0, w1, w2]))
  }

  @Test func untilStopsEarlyAndValAddsARow() throws {
    var s = try session()
    let short = try s.tensor("train(mse(w * x, y), w, lr=0.1, steps=100, until=0.01)")
    #expect(short.count < 101)
    #expect(short.storage.last.map { $0 <= 0.01 } == true)
    #expect(short.storage.dropLast().allSatisfy { $0 > 0.01 })
    if case .reachedThreshold(let step) = s.interpreter.lastTraining?.stop {
      #expect(step == short.count - 1)
    } else {
      Issue.record("expected a stop at the threshold")
    }
    try s.run("w = 0")
    let both = try s.tensor("train(mse(w * x, y), w, steps=3, val=mse(w * x, y + 1))")
    #expect(both.shape == [2, 4])
    try s.run("w = 0")
    let alone = try s.tensor("train(mse(w * x, y), w, steps=3)")
    #expect(Array(both.storage.prefix(4)) == alone.storage)
    expectClose(both.storage[4], 83.0 / 3)  // mean((y + 1)²) at w = 0
  }

  @Test func trainInsideADefUsesTheCallersFrame() throws {
    var s = try session("def fit(rate) = train(mse(w * x, y), w, lr=rate, steps=3)")
    let inDef = try s.tensor("fit(0.05)")
    try s.run("w = 0")
    #expect(try s.tensor("train(mse(w * x, y), w, lr=0.05, steps=3)") == inDef)
  }

  @Test func badTrainingCallsSayWhatIsWrong() throws {
    var s = try session()
    let cases: [(String, String)] = [
      ("train(w * x, w)", "must be one number"),
      ("train(mse(w * x, y), 2)", "write a variable's name"),
      ("train(mse(w * x, y), nope)", "needs 'nope' to be a variable"),
      ("train(mse(w * x, y), w, b)", "the loss does not use 'b'"),
      ("train(mse(w * x, y), w, lr=0)", "positive finite"),
      ("train(mse(w * x, y), w, lr=1/0)", "division by zero"),
      ("train(mse(w * x, y), w, steps=1000001)", "from 1 to 1,000,000"),
      ("train(mse(w * x, y), w, optimizer=\"adma\")", "did you mean 'adam'"),
      ("train(mse(w * x, y), w, optimiser=\"adam\")", "did you mean 'optimizer'"),
      ("train(mse(w * x, y), w, lr=0.1, lr=0.2)", "given twice"),
      ("train(mse(w * x, y))", "needs a loss and the variables"),
      ("grad(train(mse(w * x, y), w), w)", "cannot run inside grad"),
      ("grad(mse(w * x, y), w, lr=1)", "grad takes no named arguments"),
      ("def f(w) = train(mse(w * x, y), w)", ""),
    ]
    for (line, expected) in cases.dropLast() {
      #expect(try s.failure(line).message.contains(expected), "\(line)")
    }
    try s.run("def f(w) = train(mse(w * x, y), w)")
    #expect(try s.failure("f(1)").message.contains("is a parameter of the function"))
    #expect(try s.scalar("w") == 0, "no failed call changed w")
  }

  /// The path keeps at most 10 million numbers in all: a big model keeps few points, a small
  /// one up to 10,000, and both keep the start and the end.
  @Test func thePathOfABigModelIsBoundedInNumbers() throws {
    var s = Session()
    try s.run("w = linspace(0, 1, 1e6)")
    try s.run("train(mean(w^2), w, steps=30)")
    let run = try #require(s.interpreter.lastTraining)
    #expect(
      TrainingRun.pathPoints(for: [try Tensor(vector: Array(repeating: 0, count: 1_000_000))]) == 10
    )
    #expect(run.path.count <= 11, "\(run.path.count) points of a million numbers each")
    #expect(run.path.first?.step == 0 && run.path.last?.step == 30)
    try s.run("v = 1")
    try s.run("train(v^2, v, steps=20000)")
    #expect(try #require(s.interpreter.lastTraining).path.count <= TrainingRun.maxPathPoints + 1)
  }

  @Test func divergenceStopsAndKeepsTheLastFiniteValues() throws {
    var s = try session()
    let error = try s.failure("train(mse(w * x, y), w, lr=10, steps=1000)")
    #expect(error.message.contains("try a smaller lr than 10"))
    let run = try #require(s.interpreter.lastTraining)
    guard case .diverged(let step, _) = run.stop else {
      Issue.record("expected a divergence, got \(run.stop)")
      return
    }
    #expect(error.message.contains("step \(step) of 1000"))
    let w = try s.scalar("w")
    #expect(w.isFinite)
    #expect(run.losses.count == step)
    #expect(run.finalValues == [Tensor(scalar: w)])
  }

  @Test func interruptionBetweenStepsKeepsTheStepReached() throws {
    let flag = Flag()
    var s = try session()
    s.interpreter.isInterrupted = { flag.isSet }
    s.interpreter.onTrainingProgress = { if $0.step == 5 { flag.set() } }
    let curve = try s.tensor("train(mse(w * x, y), w, lr=0.01, steps=1000000)")
    #expect(curve.count == 6)
    #expect(s.interpreter.lastTraining?.stop == .interrupted(step: 5))
    flag.clear()  // the shell consumes a Ctrl-C before the next line
    var reference = try session()
    try reference.run("train(mse(w * x, y), w, lr=0.01, steps=5)")
    #expect(try s.scalar("w") == reference.scalar("w"))
  }

  @Test func progressArrivesForEveryStep() throws {
    let steps = Mutex<[Int]>([])
    var s = try session()
    s.interpreter.onTrainingProgress = { p in steps.withLock { $0.append(p.step) } }
    try s.run("train(mse(w * x, y), w, steps=4, every=2)")
    #expect(steps.withLock { $0 } == [0, 1, 2, 3, 4])
  }

  // MARK: step

  @Test func stepReportsTheWholeLoop() throws {
    var s = try session()
    let after = try s.scalar("step(mse(w * x, y), w, lr=0.1)")
    let report = try #require(s.interpreter.steps.first)
    #expect(report.predictions == (try Tensor(vector: [0, 0, 0])))
    expectClose(report.lossBefore, 56.0 / 3)
    #expect(report.updates.count == 1)
    expectClose(report.updates[0].gradient.storage[0], -56.0 / 3)
    expectClose(report.updates[0].after.storage[0], 5.6 / 3)
    let w1 = 5.6 / 3
    expectClose(after, 14.0 / 3 * (w1 - 2) * (w1 - 2))
    expectClose(report.lossAfter, after)
    expectClose(try s.scalar("w"), w1)
  }
}

/// A flag set from one closure and read from another.
final class Flag: Sendable {
  private let value = Mutex(false)
  var isSet: Bool { value.withLock { $0 } }
  func set() { value.withLock { $0 = true } }
  func clear() { value.withLock { $0 = false } }
}
