import LossEngine
import Testing

/// Builds a scalar output on `tape` from `inputs`, one variable per tensor being checked.
public typealias TapeFunction = (_ tape: Tape, _ inputs: [Variable]) throws -> Variable

/// Checks `Tape.gradients` against central finite differences, one element at a time.
///
/// Each element xᵢ is moved by ±h with h = 1e-6 · max(1, |xᵢ|) (loss-conventions §4) and
///
///     g_fd = (f(x + h eᵢ) − f(x − h eᵢ)) / 2h
///
/// is compared with the tape's gradient normwise, per input: element i passes when
///
///     |gᵢ − g_fdᵢ| ≤ relative · max(max|g|, max|g_fd|) + absolute + 8 ε max|f(x ± h eᵢ)| / h
///
/// The last term is the rounding error of the difference quotient itself, which no gradient
/// can beat (it matters for mean-reduced gradients of size 1/n). Keep every test point at
/// least 1e-3 from kinks and clip bounds. The default `relative` is 1e-6, a thousand times
/// tighter than PyTorch's `gradcheck`; smooth Double code does far better.
public func expectGradientsMatchFiniteDifferences(
  at inputs: [Tensor], relative: Double = 1e-6, absolute: Double = 0,
  _ comment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
  _ function: TapeFunction
) throws {
  let analytic = try tapeGradients(at: inputs, function)
  for (slot, input) in inputs.enumerated() {
    var numeric = [Double](repeating: 0, count: input.count)
    var noise = [Double](repeating: 0, count: input.count)
    for i in 0..<input.count {
      let x = input.storage[i]
      let h = 1e-6 * Swift.max(1, Swift.abs(x))
      let (above, below) = (x + h, x - h)
      let plus = try evaluate(function, at: inputs, replacing: slot, element: i, with: above)
      let minus = try evaluate(function, at: inputs, replacing: slot, element: i, with: below)
      // Divide by the step actually taken (x ± h rounds).
      numeric[i] = (plus - minus) / (above - below)
      noise[i] = 8 * Double.ulpOfOne * Swift.max(Swift.abs(plus), Swift.abs(minus)) / h
    }
    let gradient = analytic[slot].storage
    let scale = Swift.max(largestMagnitude(gradient), largestMagnitude(numeric))
    let errors = (0..<input.count).map { i in
      (error: Swift.abs(gradient[i] - numeric[i]), allowed: relative * scale + absolute + noise[i])
    }
    let excess = errors.map { $0.error / $0.allowed }
    if let worst = excess.indices.max(by: { excess[$0] < excess[$1] }),
      !(errors[worst].error <= errors[worst].allowed)
    {
      recordFailure(
        "input \(slot + 1) of shape \(input.shapeDescription): element \(worst) (0-based) has "
          + "gradient \(gradient[worst]) but finite differences give \(numeric[worst]) "
          + "(error \(errors[worst].error), allowed \(errors[worst].allowed))\n"
          + "  tape   \(gradient)\n  finite \(numeric)", comment, sourceLocation)
    }
  }
}

/// Checks the gradient along random directions: for big inputs where one finite difference
/// per element would be slow (the idea of PyTorch's `fast_mode` and JAX's `check_grads`).
///
/// For a direction u (independent normal elements, scaled to max |uᵢ| = 1, for every input
/// at once) it compares ⟨∇f, u⟩ with D(h) = (f(x + h u) − f(x − h u)) / 2h,
/// h = 1e-6 · max(1, max|x|), allowing `relative` · |D(h)| plus the difference quotient's own
/// error: its rounding, and its truncation estimated as |D(h) − D(2h)| (Richardson: the
/// error of D(2h) is four times that of D(h)). The allowance is not relative to Σ|∇f ⊙ u|,
/// which at n = 1000 would hide a gradient that is wrong by 1e-5 in every element.
public func expectDirectionalDerivativesMatch(
  at inputs: [Tensor], directions: Int = 3, seed: UInt64 = 1, relative: Double = 1e-6,
  _ comment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
  _ function: TapeFunction
) throws {
  let analytic = try tapeGradients(at: inputs, function)
  var random = SeededGenerator(seed: seed)
  let largestInput = inputs.map { largestMagnitude($0.storage) }.max() ?? 0
  let h = 1e-6 * Swift.max(1, largestInput)
  for direction in 1...directions {
    let raw = inputs.map { random.normalValues($0.count) }
    let largest = Swift.max(raw.map(largestMagnitude).max() ?? 1, .leastNormalMagnitude)
    let u = raw.map { $0.map { $0 / largest } }
    var predicted = 0.0
    for slot in inputs.indices {
      for (g, ui) in zip(analytic[slot].storage, u[slot]) { predicted += g * ui }
    }
    var largestValue = 0.0
    func differenceQuotient(step: Double) throws -> Double {
      let plus = try evaluate(function, at: shifted(inputs, by: step, along: u))
      let minus = try evaluate(function, at: shifted(inputs, by: -step, along: u))
      largestValue = Swift.max(largestValue, Swift.abs(plus), Swift.abs(minus))
      return (plus - minus) / (2 * step)
    }
    let numeric = try differenceQuotient(step: h)
    let truncation = Swift.abs(numeric - (try differenceQuotient(step: 2 * h)))
    let rounding = 8 * Double.ulpOfOne * largestValue / h
    let allowed = relative * Swift.abs(numeric) + truncation + rounding
    if !(Swift.abs(predicted - numeric) <= allowed) {
      recordFailure(
        "direction \(direction): the tape predicts a slope of \(predicted) but finite "
          + "differences give \(numeric) (error \(Swift.abs(predicted - numeric)), allowed \(allowed))",
        comment, sourceLocation)
    }
  }
}

/// Element-wise finite differences for small inputs, random directions for large ones.
public func expectGradientsCorrect(
  at inputs: [Tensor], relative: Double = 1e-6, _ comment: String? = nil,
  sourceLocation: SourceLocation = #_sourceLocation, _ function: TapeFunction
) throws {
  if inputs.map(\.count).reduce(0, +) <= elementwiseCheckLimit {
    try expectGradientsMatchFiniteDifferences(
      at: inputs, relative: relative, comment, sourceLocation: sourceLocation, function)
  } else {
    try expectDirectionalDerivativesMatch(
      at: inputs, relative: relative, comment, sourceLocation: sourceLocation, function)
  }
}

/// Up to this many elements in all, ``expectGradientsCorrect`` checks every element.
public let elementwiseCheckLimit = 200

/// The gradients the tape computes for `function` at `inputs`.
public func tapeGradients(at inputs: [Tensor], _ function: TapeFunction) throws -> [Tensor] {
  let tape = Tape()
  let variables = try inputs.map { try tape.leaf($0, needsGradient: true, label: "input") }
  let output = try function(tape, variables)
  return try tape.gradients(of: output, withRespectTo: variables)
}

/// The scalar value of `function` at `inputs`, on a fresh tape.
public func evaluate(_ function: TapeFunction, at inputs: [Tensor]) throws -> Double {
  let tape = Tape()
  let variables = try inputs.map { try tape.leaf($0, needsGradient: true, label: "input") }
  let output = tape.value(try function(tape, variables))
  guard let value = output.scalarValue else {
    throw EngineError.notDifferentiable(
      operation: "gradient check", message: "the function must give one number")
  }
  return value
}

private func evaluate(
  _ function: TapeFunction, at inputs: [Tensor], replacing slot: Int, element: Int,
  with value: Double
) throws -> Double {
  var storage = inputs[slot].storage
  storage[element] = value
  var moved = inputs
  moved[slot] = Tensor(testShape: inputs[slot].shape, storage)
  return try evaluate(function, at: moved)
}

/// x + step · u for every input.
private func shifted(_ inputs: [Tensor], by step: Double, along u: [[Double]]) -> [Tensor] {
  zip(inputs, u).map { input, direction in
    Tensor(testShape: input.shape, zip(input.storage, direction).map { $0 + step * $1 })
  }
}

private func largestMagnitude(_ values: [Double]) -> Double {
  values.lazy.map(Swift.abs).max() ?? 0
}
