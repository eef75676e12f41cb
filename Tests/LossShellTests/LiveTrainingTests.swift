import LossEngine
import LossLanguage
import Synchronization
import Testing

@testable import LossShell

/// What a running `train` hands the terminal: a bounded curve so far, at a bounded rate.
@Suite("Live training events")
struct LiveTrainingTests {
  @Test func aLongRunKeepsABoundedCurveWithADoublingStride() {
    var curve = TrainingCurveSoFar(steps: 10_000, hasValidation: true)
    for step in 0...10_000 {
      curve.record(step: step, loss: Double(step), validation: Double(-step))
    }
    #expect(curve.losses.count <= TrainingCurveSoFar.capacity)
    #expect(curve.losses.count > TrainingCurveSoFar.capacity / 2)
    #expect(curve.stride == 16)
    // Every kept loss is the loss of the step its position stands for.
    #expect(curve.losses.indices.allSatisfy { curve.losses[$0] == Double($0 * curve.stride) })
    #expect(curve.validation?.count == curve.losses.count)
    #expect(curve.validation?.last == -(curve.losses.last ?? 0))
  }

  @Test func aShortRunKeepsEveryStep() {
    var curve = TrainingCurveSoFar(steps: 5, hasValidation: false)
    for step in 0...5 { curve.record(step: step, loss: 1 / Double(step + 1), validation: nil) }
    #expect(curve.losses == [1, 0.5, 1 / 3, 0.25, 0.2, 1 / 6])
    #expect(curve.stride == 1 && curve.validation == nil)
  }

  /// Step 0 at once, then at most one event per 50 ms of the (injected) clock, each with every
  /// step heard so far.
  @Test func theThrottlePassesAtMostOneEventPerIntervalWithTheWholeCurve() {
    let clock = Mutex(ContinuousClock.now)
    let heard = Mutex<[(Int, Int)]>([])
    let throttle = TrainingProgressThrottle(
      interactive: true, now: { clock.withLock { $0 } },
      sink: { event in
        if case .trainingProgress(let progress, let curve) = event {
          heard.withLock { $0.append((progress.step, curve.losses.count)) }
        }
      })
    for step in 0...100 {
      throttle.receive(progress(step, of: 100, every: nil))
      clock.withLock { $0 += .milliseconds(10) }
    }
    let events = heard.withLock { $0 }
    #expect(events.first?.0 == 0)
    #expect(events.count == 21, "1 + 1000 ms / 50 ms")
    let gaps = zip(events.dropFirst(), events).map { $0.0 - $1.0 }
    #expect(gaps.allSatisfy { $0 >= 5 }, "\(gaps)")
    #expect(events.allSatisfy { $0.1 == $0.0 + 1 }, "the curve holds steps 0 through this one")
  }

  @Test func aScriptHearsOnlyTheEverySteps() {
    let heard = Mutex<[Int]>([])
    let throttle = TrainingProgressThrottle(
      interactive: false,
      sink: { event in
        if case .trainingProgress(let progress, _) = event {
          heard.withLock { $0.append(progress.step) }
        }
      })
    for step in 0...100 { throttle.receive(progress(step, of: 100, every: 25)) }
    #expect(heard.withLock { $0 } == [0, 25, 50, 75, 100])
  }

  @Test func aNewRunStartsANewCurve() {
    let lengths = Mutex<[Int]>([])
    let throttle = TrainingProgressThrottle(
      interactive: false,
      sink: { event in
        if case .trainingProgress(_, let curve) = event {
          lengths.withLock { $0.append(curve.losses.count) }
        }
      })
    for run in 0..<2 {
      for step in 0...(4 + run) { throttle.receive(progress(step, of: 4 + run, every: 4 + run)) }
    }
    #expect(lengths.withLock { $0 } == [1, 5, 1, 6])
  }

  private func progress(_ step: Int, of steps: Int, every: Int?) -> TrainingProgress {
    TrainingProgress(
      step: step, steps: steps, loss: Double(steps - step), validation: nil, parameters: ["w"],
      values: [Tensor(scalar: Double(step))], every: every)
  }
}
