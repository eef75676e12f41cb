import LossEngine
import Synchronization

/// What one `train` did, kept by the interpreter as its last training run: the loss curve, the
/// parameter values along the way (the path a landscape draws) and why it stopped.
public struct TrainingRun: Equatable, Sendable {
  /// Why the loop ended.
  public enum Stop: Equatable, Sendable {
    /// All the steps asked for were taken.
    case completed
    /// `until=` was reached: the training loss fell to the threshold at this step.
    case reachedThreshold(step: Int)
    /// Ctrl-C between steps: the parameters are those after `step` updates.
    case interrupted(step: Int)
    /// The loss, a gradient or a parameter became non-finite at `step`; the parameters are
    /// those after `step − 1` updates (the last finite ones).
    case diverged(step: Int, cause: TrainingProblem.Divergence)
  }

  /// One point of the path: the parameters after `step` updates.
  public struct PathPoint: Equatable, Sendable {
    public let step: Int
    public let values: [Tensor]
  }

  public let parameters: [String]
  public let optimizer: OptimizerKind
  public let learningRate: Double
  /// The number of steps asked for (for repeated `step`s, the number taken).
  public internal(set) var steps: Int
  /// The training loss after 0, 1, 2, … updates.
  public internal(set) var losses: [Double] = []
  /// The `val=` loss at the same points, when one was given.
  public internal(set) var validation: [Double]?
  /// The parameters at each step (every step up to ``maxPathPoints``; then every k-th step
  /// and the last, so a million steps keep a bounded path).
  public internal(set) var path: [PathPoint] = []
  public internal(set) var stop: Stop = .completed

  /// The most points kept in ``path``.
  public static let maxPathPoints = 10_000
  /// The most numbers the path keeps in all (80 MB): a model of a million weights keeps 10
  /// points of its path, not 10,000 copies of itself.
  public static let maxPathNumbers = 10_000_000

  /// Points of ``path`` kept for parameters like `values`: at most ``maxPathPoints``, and at most
  /// ``maxPathNumbers`` numbers in all (never fewer than the start and the end).
  public static func pathPoints(for values: [Tensor]) -> Int {
    let numbers = max(1, values.reduce(0) { $0 + $1.count })
    return max(2, min(maxPathPoints, maxPathNumbers / numbers))
  }

  /// The parameters at the end (those the scope holds after the run).
  public var finalValues: [Tensor] { path.last?.values ?? [] }
}

/// Sent while `train` runs, once per step (the shell passes on a bounded number per second).
public struct TrainingProgress: Equatable, Sendable {
  /// Updates done so far (0 for the starting point).
  public let step: Int
  public let steps: Int
  public let loss: Double
  public let validation: Double?
  public let parameters: [String]
  public let values: [Tensor]
  /// `every=`: the shell prints a line each this many steps where it cannot draw.
  public let every: Int?

  public init(
    step: Int, steps: Int, loss: Double, validation: Double?, parameters: [String],
    values: [Tensor], every: Int?
  ) {
    self.step = step
    self.steps = steps
    self.loss = loss
    self.validation = validation
    self.parameters = parameters
    self.values = values
    self.every = every
  }
}

/// What one `step(...)` did: the learning loop's five parts with their numbers.
public struct StepReport: Equatable, Sendable {
  /// One parameter's update: `name ← before − lr·gradient = after`.
  public struct Update: Equatable, Sendable {
    public let name: String
    public let before: Tensor
    public let gradient: Tensor
    public let after: Tensor
  }

  /// The model's predictions (the loss call's first argument), when the loss is a call.
  public let predictions: Tensor?
  public let lossBefore: Double
  public let learningRate: Double
  public let updates: [Update]
  public let lossAfter: Double
}

/// What training did during one statement, collected by the evaluators and applied by the
/// interpreter afterwards (also when the statement then fails).
final class TrainingRecord {
  /// Parameter values to store, in the order they were set.
  var updates: [(name: String, value: Tensor)] = []
  var runs: [TrainingRun] = []
  var steps: [StepReport] = []
  let observer: (@Sendable (TrainingProgress) -> Void)?
  /// Set when `train` stopped at a Ctrl-C: that Ctrl-C has done its job, so the rest of the
  /// statement (storing the curve) is not interrupted by it too.
  let interruptionHandled = Latch()

  init(observer: (@Sendable (TrainingProgress) -> Void)? = nil) { self.observer = observer }

  /// A flag that, once set, stays set; readable from the interrupt poll.
  final class Latch: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
  }

  func set(_ names: [String], _ values: [Tensor]) {
    for (name, value) in zip(names, values) { updates.append((name, value)) }
  }
}
