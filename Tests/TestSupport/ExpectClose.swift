import LossEngine
import Testing

/// Tolerant comparison of numbers and tensors, after swift-numerics' `isApproximatelyEqual`.
///
/// A finite `actual` matches `expected` when
///
///     |actual − expected| ≤ absolute + relative · scale
///
/// where `scale` is |expected| for a number and the largest finite |expected| element for a
/// tensor (a normwise rule: tiny gradient elements carry rounding of the size of the large
/// ones, as in the shared reference cases). NaN matches nothing, not even NaN, so a NaN
/// regression cannot hide behind an expected NaN (expect one with `#expect(x.isNaN)`); an
/// infinity matches only the same infinity. On failure both values are printed. Returns whether they matched, so a caller can
/// stop early.
@discardableResult
public func expectClose(
  _ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0,
  _ comment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  if matches(actual, expected, tolerance: absolute + relative * Swift.abs(expected)) {
    return true
  }
  recordFailure(
    "expected \(expected), got \(actual) (difference \(actual - expected); "
      + "relative \(relative), absolute \(absolute))", comment, sourceLocation)
  return false
}

/// Compares shapes, then every element with one normwise tolerance (see the number version).
@discardableResult
public func expectClose(
  _ actual: Tensor, _ expected: Tensor, relative: Double = 1e-12, absolute: Double = 0,
  _ comment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard actual.shape == expected.shape else {
    recordFailure(
      "expected shape \(expected.shapeDescription), got \(actual.shapeDescription): "
        + "\(actual.storage)", comment, sourceLocation)
    return false
  }
  let scale = expected.storage.lazy.filter(\.isFinite).map(Swift.abs).max() ?? 0
  let tolerance = absolute + relative * scale
  guard
    let index = expected.storage.indices.first(where: {
      !matches(actual.storage[$0], expected.storage[$0], tolerance: tolerance)
    })
  else { return true }
  recordFailure(
    "element \(index) (0-based) differs: expected \(expected.storage[index]), got "
      + "\(actual.storage[index]) (tolerance \(tolerance))\n  expected \(expected.storage)\n"
      + "  actual   \(actual.storage)", comment, sourceLocation)
  return false
}

/// A vector written inline as the expectation.
@discardableResult
public func expectClose(
  _ actual: Tensor, _ expected: [Double], relative: Double = 1e-12, absolute: Double = 0,
  _ comment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  expectClose(
    actual, Tensor(testVector: expected), relative: relative, absolute: absolute, comment,
    sourceLocation: sourceLocation)
}

/// A matrix written inline as the expectation.
@discardableResult
public func expectClose(
  _ actual: Tensor, _ expected: [[Double]], relative: Double = 1e-12, absolute: Double = 0,
  _ comment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  expectClose(
    actual, Tensor(testMatrix: expected), relative: relative, absolute: absolute, comment,
    sourceLocation: sourceLocation)
}

private func matches(_ actual: Double, _ expected: Double, tolerance: Double) -> Bool {
  if expected.isNaN || actual.isNaN { return false }
  if expected.isInfinite || actual.isInfinite { return expected == actual }
  return Swift.abs(actual - expected) <= tolerance
}

/// Records a failed expectation at the caller's location, prefixed by its comment.
func recordFailure(_ message: String, _ comment: String?, _ sourceLocation: SourceLocation) {
  let text = comment.map { "\($0): \(message)" } ?? message
  Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
}
