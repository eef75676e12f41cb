/// The losses a running `train` has reported so far, for its live curve.
///
/// A long run keeps every `stride`-th step only (the stride doubles whenever ``capacity`` is
/// passed), so memory and the cost of each redraw stay bounded however many steps it takes.
public struct TrainingCurveSoFar: Equatable, Sendable {
  public private(set) var losses: [Double] = []
  /// Nil when the run has no `val=`.
  public private(set) var validation: [Double]?
  /// The steps between two kept losses.
  public private(set) var stride = 1
  /// The steps the run will take (the x axis of its curve).
  public let steps: Int

  /// Kept points; a terminal is at most a few hundred columns wide, two dots per column.
  public static let capacity = 1024

  public init(steps: Int, hasValidation: Bool) {
    self.steps = steps
    self.validation = hasValidation ? [] : nil
  }

  /// Adds the loss of `step` (steps arrive in order, from 0) when it falls on the stride.
  public mutating func record(step: Int, loss: Double, validation value: Double?) {
    guard step % stride == 0 else { return }
    losses.append(loss)
    if validation != nil { validation?.append(value ?? .nan) }
    if losses.count > Self.capacity {
      stride *= 2
      losses = Self.everyOther(losses)
      validation = validation.map(Self.everyOther)
    }
  }

  private static func everyOther(_ values: [Double]) -> [Double] {
    Swift.stride(from: 0, to: values.count, by: 2).map { values[$0] }
  }
}
