import LossEngine
import TestSupport
import Testing

/// One loss with a recipe for random inputs that stay ≥ 1e-3 away from its kinks and clip
/// bounds, for the finite-difference sweeps.
struct LossCase: Sendable, CustomTestStringConvertible {
  let label: String
  let make: @Sendable () throws -> any Loss
  /// Averages over rows (cce, cce_logits), so sizes map to matrices of whole rows.
  let isCategorical: Bool
  /// Whether ∂L/∂y exists and y can move by ±h while staying valid (soft labels).
  let checksTargetGradient: Bool
  let draw:
    @Sendable (inout SeededGenerator, _ shape: [Int]) -> (prediction: Tensor, target: Tensor)

  var testDescription: String { label }

  /// The shape to test a size with: a scalar, vectors and a matrix for element-wise losses;
  /// whole rows of classes for the categorical ones.
  func shape(forSize size: Int) -> [Int] {
    switch (size, isCategorical) {
    case (1, false): return []
    case (1000, false): return [100, 10]
    case (4, true): return [2, 2]
    case (1000, true): return [200, 5]
    default: return [size]
    }
  }

  /// A seed that depends on the case and size only (Swift's `hashValue` changes per run).
  func seed(size: Int) -> UInt64 {
    label.utf8.reduce(UInt64(size) &* 1_000_003) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }
}

extension LossCase {
  static let all: [LossCase] = [
    regression("mse") { MeanSquaredError() },
    regression("mae") { MeanAbsoluteError() },
    regression("rmse") { RootMeanSquaredError() },
    regression("logcosh", errors: -4...4) { LogCoshLoss() },
    regression("huber delta=1", kinks: [-1, 1]) { try HuberLoss(delta: 1) },
    regression("huber delta=0.3", kinks: [-0.3, 0.3]) { try HuberLoss(delta: 0.3) },
    LossCase(
      label: "mape", make: { MeanAbsolutePercentageError() }, isCategorical: false,
      checksTargetGradient: true
    ) { random, shape in
      let count = shape.reduce(1, *)
      let y = (0..<count).map { _ in
        random.uniform(in: 0.05...3) * (random.next() % 2 == 0 ? 1 : -1)
      }
      let e = (0..<count).map { _ in random.uniform(in: -2...2, avoiding: [0]) }
      return (Tensor(testShape: shape, zip(y, e).map(+)), Tensor(testShape: shape, y))
    },
    probabilities("bce hard labels", labels: .hard) { BinaryCrossEntropy() },
    probabilities("bce soft labels", labels: .soft) { BinaryCrossEntropy() },
    logits("bce_logits hard labels", labels: .hard) { BinaryCrossEntropyWithLogits() },
    logits("bce_logits soft labels", labels: .soft) { BinaryCrossEntropyWithLogits() },
    categorical("cce one-hot", labels: .hard, predictions: 0.05...0.95) {
      CategoricalCrossEntropy()
    },
    categorical("cce soft", labels: .soft, predictions: 0.05...0.95) { CategoricalCrossEntropy() },
    categorical("cce_logits one-hot", labels: .hard, predictions: -4...4) {
      CategoricalCrossEntropyWithLogits()
    },
    categorical("cce_logits soft", labels: .soft, predictions: -4...4) {
      CategoricalCrossEntropyWithLogits()
    },
    LossCase(
      label: "hinge", make: { HingeLoss() }, isCategorical: false, checksTargetGradient: false
    ) { random, shape in
      // The kink 1 − y·s = 0 sits at s = ±1 for labels ±1.
      let s = (0..<shape.reduce(1, *)).map { _ in random.uniform(in: -3...3, avoiding: [-1, 1]) }
      return (Tensor(testShape: shape, s), random.labels(shape, from: [-1, 0, 1]))
    },
    probabilities("focal gamma=2 alpha=0.25", labels: .hard) {
      try FocalLoss(gamma: 2, alpha: 0.25)
    },
    probabilities("focal gamma=0.5 alpha=0.6", labels: .hard) {
      try FocalLoss(gamma: 0.5, alpha: 0.6)
    },
    probabilities("focal gamma=0 alpha=0.25", labels: .hard) {
      try FocalLoss(gamma: 0, alpha: 0.25)
    },
  ]

  enum Labels { case hard, soft }

  /// y uniform in [−3, 3], p = y + e with e away from 0 and from `kinks`.
  static func regression(
    _ label: String, errors: ClosedRange<Double> = -2...2, kinks: [Double] = [],
    make: @escaping @Sendable () throws -> any Loss
  ) -> LossCase {
    LossCase(label: label, make: make, isCategorical: false, checksTargetGradient: true) {
      random, shape in
      let count = shape.reduce(1, *)
      let y = random.uniformValues(count, in: -3...3)
      let e = (0..<count).map { _ in random.uniform(in: errors, avoiding: [0] + kinks) }
      return (Tensor(testShape: shape, zip(y, e).map(+)), Tensor(testShape: shape, y))
    }
  }

  /// p in (0.05, 0.95), labels 0/1 or soft labels in (0.05, 0.95).
  static func probabilities(
    _ label: String, labels: Labels, make: @escaping @Sendable () throws -> any Loss
  ) -> LossCase {
    LossCase(label: label, make: make, isCategorical: false, checksTargetGradient: labels == .soft)
    { random, shape in
      let p = random.tensor(shape, in: 0.05...0.95)
      let y =
        labels == .hard
        ? random.labels(shape, from: [0, 1]) : random.tensor(shape, in: 0.05...0.95)
      return (p, y)
    }
  }

  /// Logits in [−6, 6], labels 0/1 or soft.
  static func logits(
    _ label: String, labels: Labels, make: @escaping @Sendable () throws -> any Loss
  ) -> LossCase {
    LossCase(label: label, make: make, isCategorical: false, checksTargetGradient: labels == .soft)
    { random, shape in
      let z = random.tensor(shape, in: -6...6)
      let y =
        labels == .hard
        ? random.labels(shape, from: [0, 1]) : random.tensor(shape, in: 0.05...0.95)
      return (z, y)
    }
  }

  /// Rows of predictions in `predictions`, one-hot or soft label rows.
  static func categorical(
    _ label: String, labels: Labels, predictions: ClosedRange<Double>,
    make: @escaping @Sendable () throws -> any Loss
  ) -> LossCase {
    LossCase(label: label, make: make, isCategorical: true, checksTargetGradient: labels == .soft) {
      random, shape in
      let rows = shape.count == 2 ? shape[0] : 1
      let columns = shape.last ?? 1
      let p = random.tensor(shape, in: predictions)
      let y =
        labels == .hard
        ? random.oneHot(rows: rows, columns: columns, shape: shape)
        : random.tensor(shape, in: 0.05...0.95)
      return (p, y)
    }
  }
}
