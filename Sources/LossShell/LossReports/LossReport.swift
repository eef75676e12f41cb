import LossEngine
import LossLanguage

/// Everything needed to explain one top-level loss call to a learner: the value, the
/// gradient with respect to the prediction, where the loss comes from, and which way to move.
///
/// Built by the session from the interpreter's ``LossCall``; no formula of any loss is known
/// here: per-element terms come from evaluating the same loss on each element alone.
public struct LossReport: Equatable, Sendable {
  /// `mse`, or the learner's function name.
  public let function: String
  public let isBuiltin: Bool
  /// The first parameter's name (`p`, `z` for logits, `s` for scores, or the learner's own).
  public let predictionName: String
  public let value: Double
  public let prediction: Tensor
  /// The second argument, when it was numbers.
  public let target: Tensor?
  /// ∂loss/∂prediction, in the prediction's shape.
  public let gradient: Tensor?
  /// Per element (vector) or per row (matrix); nil for a single prediction.
  public let breakdown: Breakdown?
  /// The one thing to say about it ("you are 0.4 too high — move down").
  public let reading: Reading?
  /// Findings: where a non-finite value came from, a slope that points away from the target.
  public let notes: [String]
}

/// Which way to move a prediction to lower the loss (the sign of −gradient).
public enum Direction: Equatable, Sendable {
  case up, down
  /// The slope is 0: the loss gives no direction here.
  case stay

  /// From a slope: a positive slope means lowering the input lowers the loss.
  public init(slope: Double) {
    if slope > 0 {
      self = .down
    } else if slope < 0 {
      self = .up
    } else {
      self = .stay
    }
  }
}

/// How a vector or matrix prediction contributes to the loss.
public struct Breakdown: Equatable, Sendable {
  public enum Unit: Equatable, Sendable {
    /// One row per element of a vector.
    case element
    /// One row per row of a matrix (row-wise losses such as categorical cross-entropy).
    case row
  }

  /// How the terms add up to the loss.
  public enum Reduction: Equatable, Sendable { case mean, sum }

  public let unit: Unit
  /// The number of elements (or rows), shown or not.
  public let count: Int
  /// nil when the loss could not be split into per-element terms.
  public let reduction: Reduction?
  /// The rows to show, in index order: all of them for short predictions, otherwise the
  /// first and last few and the one that matters most, so output stays bounded.
  public let rows: [BreakdownRow]
  /// The largest term over all rows (shown or not), for scaling bars.
  public let largestTerm: Double?

  /// True when `rows` leaves some out.
  public var isSummarised: Bool { rows.count < count }
}

/// One element (or row) of a ``Breakdown``.
public struct BreakdownRow: Equatable, Sendable {
  /// 1-based, as learners index.
  public let index: Int
  /// One number for an element, a row's numbers for a row.
  public let prediction: [Double]
  public let target: [Double]?
  /// This element's loss evaluated alone; nil when the loss does not split.
  public let term: Double?
  /// ∂loss/∂prediction for this element (or row).
  public let slope: [Double]?
  /// prediction − target, when both are single numbers on the same scale.
  public let error: Double?
  /// A probability clipped at a bound its target calls impossible: its slope of 0 is the
  /// clip's doing, not a flat loss (the report's note explains it).
  public let isClipped: Bool
  /// For a class-index target (`cce(p, 2)`, `cce_logits(Z, [1, 3, 2])`): the class and the
  /// probability the prediction gives it, the number the loss term is −log of.
  public var trueClass: TrueClass? = nil

  /// The true class of one example and its predicted probability.
  public struct TrueClass: Equatable, Sendable {
    /// 1-based, as the learner wrote it.
    public let index: Int
    public let probability: Double
  }

  /// Which way to move this element, for single-number slopes.
  public var direction: Direction? {
    guard let slope, slope.count == 1 else { return nil }
    return Direction(slope: slope[0])
  }
}

/// The one-line reading of a loss report, as data; the renderer words it.
public struct Reading: Equatable, Sendable {
  public enum Focus: Equatable, Sendable {
    /// A single prediction.
    case whole
    /// The element (1-based) that matters most.
    case element(Int)
    /// The row (1-based) that matters most.
    case row(Int)
    /// Every element is on target: nothing to correct.
    case allOnTarget
  }

  /// Why the focus was chosen.
  public enum Basis: Equatable, Sendable {
    /// A single prediction: nothing to choose.
    case only
    /// Its loss term is the largest.
    case largestTerm(Double)
    /// The loss did not split into terms; its slope is the steepest.
    case steepestSlope
  }

  public let focus: Focus
  public let basis: Basis
  /// prediction − target at the focus, when meaningful.
  public let error: Double?
  /// The slope at the focus, when one number.
  public let slope: Double?
  /// Which way to move it to lower the loss; nil when the slope is not one number.
  public let direction: Direction?
  /// The slope points away from the target (error and slope of opposite signs): the loss
  /// gets smaller as the prediction moves away, which is usually a sign mistake.
  public var pointsAway: Bool {
    guard let error, let slope, error != 0, slope != 0 else { return false }
    return (error > 0) != (slope > 0)
  }
}
