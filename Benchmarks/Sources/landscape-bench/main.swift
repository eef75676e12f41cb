// landscape-bench: the time of one landscape frame as the shell computes it: 60×20 cells of
// mse(w * x + b, y) over a 1,000-point dataset (1,200 loss evaluations), plus the refinement
// of the minimum. Best of R frames after warm-up.
//
//   swift run -c release --package-path Benchmarks landscape-bench [--reps R]
import Foundation
import LossLanguage
import LossPlots

var repetitions = 20
if let i = CommandLine.arguments.firstIndex(of: "--reps"), i + 1 < CommandLine.arguments.count,
  let r = Int(CommandLine.arguments[i + 1]), r > 0
{
  repetitions = r
}

var interpreter = Interpreter()
do {
  try interpreter.run("x = linspace(-2, 2, 1000)")
  try interpreter.run("y = 3 * x - 1 + 0.1 * x^2")
  try interpreter.run("w = 0")
  try interpreter.run("b = 0")
} catch {
  print("setup failed: \(error)")
  exit(1)
}
let source = "landscape(mse(w * x + b, y), w, -1, 5, b, -4, 2)"
let call: LossLanguage.Expression
do { call = try Parser.parseExpression(source) } catch {
  print("parse failed: \(error)")
  exit(1)
}
let builder = PlotBuilder(interpreter: interpreter)

func frame(_ builder: PlotBuilder, _ call: LossLanguage.Expression) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  _ = try? builder.build(call, source: source)
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

for _ in 0..<3 { _ = frame(builder, call) }
let times = (0..<repetitions).map { _ in frame(builder, call) }.sorted()
let best = times[0]
let median = times[times.count / 2]
print(
  "landscape frame 60x20 over 1000 points (mse, line model), incl. refining the minimum: best \(String(format: "%.2f", best)) ms, median \(String(format: "%.2f", median)) ms (\(repetitions) frames)"
)
