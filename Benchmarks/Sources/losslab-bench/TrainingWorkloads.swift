import Foundation
import LossEngine
import LossLanguage
import LossPlots

// Whole training runs and one landscape frame, through the language as the shell runs them
// (`Interpreter.run` of a `train(…)` line, `PlotBuilder` of a `landscape(…)` call). Records are
// `step` rows in milliseconds; their value is the final loss (or the grid's lowest cell), which
// numpy_peer.py and jax_peer.py compute with the same loop from the same start.

/// The logistic-regression row: `bce_logits(Xs @ w + b, malignant)` on the standardised
/// breast-cancer features, w = 0 (30), b = 0, 1,000 adam steps at lr 0.01.
let logisticSteps = 1000
let logisticTrain =
  "curve = train(bce_logits(Xs @ w + b, malignant), w, b, lr=0.01, steps=\(logisticSteps), optimizer=\"adam\")"

/// The asymmetric-loss row: a line model over n points, 50 adam steps at lr 0.05.
let asymSteps = 50
let asymTrain =
  "curve = train(asym(w * x + b, yl), w, b, lr=0.05, steps=\(asymSteps), optimizer=\"adam\")"

/// The small-data row (issue 9: 100 steps on a lesson's dataset must feel instant): a line
/// fit to `houses()` (20 points), 100 sgd steps.
let smallSteps = 100
let smallTrain =
  "curve = train(mse(w * size + b, price), w, b, lr=0.00001, steps=\(smallSteps))"

/// The landscape row: what `landscape-bench` (and the shell's `landscape`) draws.
let landscapeSetup = ["x = linspace(-2, 2, 1000)", "y = 3 * x - 1 + 0.1 * x^2", "w = 0", "b = 0"]
let landscapeSource = "landscape(mse(w * x + b, y), w, -1, 5, b, -4, 2)"

@MainActor
func reportStep(_ key: String, _ label: String, milliseconds: Double?, value: Double?) {
  if options.tsv {
    let v = value.map { String($0) } ?? ""
    print(
      [
        "step", key, label, milliseconds.map { String($0) } ?? "", v,
        milliseconds == nil ? "failed" : "",
      ]
      .joined(separator: "\t"))
  } else if let milliseconds {
    print(
      label.padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "%9.3f ms   %@", milliseconds, value.map { String($0) } ?? ""))
  } else {
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + "  failed")
  }
}

/// Runs `line` (a `train`) from the same starting parameters each time; its time and the last
/// number of the loss curve.
@MainActor
func timedTraining(_ interpreter: Interpreter, start: [(String, Tensor)], line: String)
  -> (seconds: Double, value: Double)?
{
  var session = interpreter
  return measure {
    for (name, value) in start { session.scope.set(name, .tensor(value)) }
    try session.run(line)
    guard case .tensor(let curve)? = session.scope["curve"], let last = curve.storage.last else {
      return .nan
    }
    return last
  }
}

@MainActor
func runTrainingWorkloads() {
  if !options.tsv,
    wanted("logreg") || wanted("asym_train") || wanted("train_small") || wanted("landscape")
  {
    print("\nTraining and plots, best of \(options.repetitions) (ms)")
  }
  if wanted("logreg") {
    var interpreter = Interpreter()
    do {
      try interpreter.run("X, malignant = breast_cancer()")
      try interpreter.run("Xs = standardize(X)")
    } catch { fail("breast_cancer setup: \(error)") }
    let zeros = (try? Tensor(vector: [Double](repeating: 0, count: 30))) ?? Tensor(scalar: 0)
    let result = timedTraining(
      interpreter, start: [("w", zeros), ("b", Tensor(scalar: 0))], line: logisticTrain)
    reportStep(
      "logreg", "logistic regression 569×30, 1,000 adam steps (train)",
      milliseconds: result.map { $0.seconds * 1000 }, value: result?.value)
  }
  if wanted("asym_train") {
    // x uniform in (−2, 2), y = 2x − 1 + noise uniform in (−1, 1): the same on every side.
    let yLine = zip(regressionP, regressionY).map { 2 * $0 - 1 + 0.5 * $1 }
    let interpreter = loaded([("x", p), ("yl", tensor(yLine))], definitions: [asymDefinition])
    let result = timedTraining(
      interpreter, start: [("w", Tensor(scalar: 0)), ("b", Tensor(scalar: 0))], line: asymTrain)
    reportStep(
      "asym_train", "asym line model, n points: ms per adam step (train, 50)",
      milliseconds: result.map { $0.seconds * 1000 / Double(asymSteps) }, value: result?.value)
  }
  if wanted("train_small") {
    var interpreter = Interpreter()
    do { try interpreter.run("size, price = houses()") } catch { fail("houses setup: \(error)") }
    let result = timedTraining(
      interpreter, start: [("w", Tensor(scalar: 0)), ("b", Tensor(scalar: 0))], line: smallTrain)
    reportStep(
      "train_small", "train: 100 sgd steps of a line on houses() (20 points)",
      milliseconds: result.map { $0.seconds * 1000 }, value: result?.value)
  }
  if wanted("landscape") {
    var interpreter = Interpreter()
    do { for line in landscapeSetup { try interpreter.run(line) } } catch {
      fail("landscape setup: \(error)")
    }
    let call: LossLanguage.Expression
    do { call = try Parser.parseExpression(landscapeSource) } catch { fail("\(error)") }
    let builder = PlotBuilder(interpreter: interpreter)
    let result = measure {
      let plot = try builder.build(call, source: landscapeSource)
      guard case .landscape(let landscape) = plot.content else { return .nan }
      return landscape.values.filter(\.isFinite).min() ?? .nan
    }
    reportStep(
      "landscape", "landscape frame 60×20 over 1,000 points (mse)",
      milliseconds: result.map { $0.seconds * 1000 }, value: result?.value)
  }
}
