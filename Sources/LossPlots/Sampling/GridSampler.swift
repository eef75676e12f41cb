import Dispatch
import LossLanguage
import Synchronization

/// The loss at every cell of a landscape's grid, the rows split into contiguous bands that
/// Dispatch runs on the cores there are. Each band has its own copy of the interpreter and evaluates its cells exactly as a
/// one-thread pass would (same expression, scope and order of operations), so the values are
/// bit-identical to it; what the pass reports about failures is the first in row order.
struct GridSampler {
  let interpreter: Interpreter
  let expression: Expression
  let names: [String]

  /// The values, row-major (`values[row * xs.count + column]`), and what went wrong first.
  struct Sample {
    var values: [Double]
    var firstFailure: LanguageError?
    var nonScalarShape: String?
    /// Ctrl-C was pressed: some rows were not evaluated.
    var interrupted: Bool
  }

  private struct Band: Sendable {
    var values: [Double] = []
    var firstFailure: LanguageError?
    var nonScalarShape: String?
    var interrupted = false
  }

  /// Enough bands to keep four cores busy (two on this project's machines); on one core they
  /// simply run in turn.
  static let bands = 4

  func sample(xs: [Double], ys: [Double]) -> Sample {
    let bandCount = max(1, min(ys.count, Self.bands))
    let bands = Mutex([Band?](repeating: nil, count: bandCount))
    let (interpreter, expression, names) = (self.interpreter, self.expression, self.names)
    let rowsPerBand = (ys.count + bandCount - 1) / bandCount
    DispatchQueue.concurrentPerform(iterations: bandCount) { band in
      let rows = min(ys.count, band * rowsPerBand)..<min(ys.count, (band + 1) * rowsPerBand)
      var evaluator = PointEvaluator(interpreter, expression: expression)
      var result = Band()
      result.values.reserveCapacity(rows.count * xs.count)
      for row in rows {
        if evaluator.isInterrupted {
          result.interrupted = true
          break
        }
        for x in xs { result.values.append(evaluator.value(names, [x, ys[row]])) }
      }
      result.firstFailure = evaluator.firstFailure
      result.nonScalarShape = evaluator.nonScalarShape
      bands.withLock { $0[band] = result }
    }
    let done = bands.withLock { $0 }.compactMap { $0 }
    return Sample(
      values: done.flatMap(\.values),
      firstFailure: done.lazy.compactMap(\.firstFailure).first,
      nonScalarShape: done.lazy.compactMap(\.nonScalarShape).first,
      interrupted: done.contains(where: \.interrupted))
  }
}
