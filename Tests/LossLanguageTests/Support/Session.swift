import Foundation
import LossEngine
import LossLanguage
import Testing

/// Runs lines in one scope through the same path as `losslab eval --json`:
/// `Interpreter.run`, then `JSONOutput.line` for the outcome or the error.
struct Session {
  var interpreter = Interpreter()

  /// The JSON line `eval --json` prints for `line` (nil for blank and comment-only lines).
  mutating func json(_ line: String) -> String? {
    do {
      return JSONOutput.line(for: try interpreter.run(line))
    } catch {
      return JSONOutput.line(for: error)
    }
  }

  /// Every JSON line printed for `lines`, in order.
  mutating func jsonLines(_ lines: [String]) -> [String] {
    lines.compactMap { json($0) }
  }

  /// Runs a line that must succeed and returns its outcome.
  @discardableResult
  mutating func run(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Outcome
  {
    do {
      return try interpreter.run(line)
    } catch {
      Issue.record(
        "'\(line.prefix(80))' failed: \(Diagnostic(error, source: nil).oneLine)",
        sourceLocation: sourceLocation)
      throw error
    }
  }

  /// The value of a line that must succeed (an expression or an assignment).
  mutating func value(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Value
  {
    switch try run(line, sourceLocation: sourceLocation) {
    case .value(let value, _), .assigned(_, let value): return value
    case let other:
      Issue.record("'\(line)' gave \(other), not a value", sourceLocation: sourceLocation)
      throw TestFailure.unexpectedOutcome
    }
  }

  /// The tensor value of a line that must succeed.
  mutating func tensor(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Tensor
  {
    let value = try value(line, sourceLocation: sourceLocation)
    guard case .tensor(let t) = value else {
      Issue.record("'\(line)' gave \(value), not numbers", sourceLocation: sourceLocation)
      throw TestFailure.unexpectedOutcome
    }
    return t
  }

  /// The single number a line must give.
  mutating func scalar(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Double
  {
    let t = try tensor(line, sourceLocation: sourceLocation)
    guard t.isScalar else {
      Issue.record(
        "'\(line)' gave shape \(t.shapeDescription), not a scalar", sourceLocation: sourceLocation)
      throw TestFailure.unexpectedOutcome
    }
    return t.storage[0]
  }

  /// The loss report of a top-level loss call.
  mutating func loss(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (
    Value, LossCall
  ) {
    guard case .value(let value, let loss?) = try run(line, sourceLocation: sourceLocation) else {
      Issue.record("'\(line)' was not a loss call", sourceLocation: sourceLocation)
      throw TestFailure.unexpectedOutcome
    }
    return (value, loss)
  }

  /// The error of a line that must fail (throws, with a recorded issue, when it succeeds).
  mutating func failure(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> LanguageError
  {
    do {
      let outcome = try interpreter.run(line)
      Issue.record(
        "'\(line.prefix(80))' should fail but gave \(outcome)", sourceLocation: sourceLocation)
      throw TestFailure.unexpectedOutcome
    } catch let error as LanguageError {
      return error
    }
  }
}

enum TestFailure: Error {
  case unexpectedOutcome
}

/// A fresh session's error for `lines`: every line but the last must succeed, the last must fail.
func failure(
  _ lines: String..., sourceLocation: SourceLocation = #_sourceLocation
) throws -> LanguageError {
  var session = Session()
  for line in lines.dropLast() { try session.run(line, sourceLocation: sourceLocation) }
  return try session.failure(try #require(lines.last), sourceLocation: sourceLocation)
}

/// The value of the last of `lines`, run in one fresh session.
func tensor(_ lines: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Tensor
{
  var session = Session()
  for line in lines.dropLast() { try session.run(line, sourceLocation: sourceLocation) }
  return try session.tensor(try #require(lines.last), sourceLocation: sourceLocation)
}

func scalar(_ lines: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Double
{
  var session = Session()
  for line in lines.dropLast() { try session.run(line, sourceLocation: sourceLocation) }
  return try session.scalar(try #require(lines.last), sourceLocation: sourceLocation)
}

/// Shape and elements of a tensor, for compact expectations: `#expect(t.parts == ([2], [1, 2]))`.
extension Tensor {
  var parts: Parts { Parts(shape: shape, elements: storage) }

  struct Parts: Equatable, CustomStringConvertible {
    let shape: [Int]
    let elements: [Double]
    init(shape: [Int], elements: [Double]) {
      self.shape = shape
      self.elements = elements
    }
    var description: String { "shape \(shape) \(elements)" }
  }
}

func parts(_ shape: [Int], _ elements: [Double]) -> Tensor.Parts {
  Tensor.Parts(shape: shape, elements: elements)
}

/// |a − b| ≤ tolerance · max(1, |b|) element-wise, with equal shapes.
func isClose(_ a: Tensor, _ b: Tensor, tolerance: Double = 1e-12) -> Bool {
  a.shape == b.shape
    && zip(a.storage, b.storage).allSatisfy {
      Swift.abs($0 - $1) <= tolerance * Swift.max(1, Swift.abs($1))
    }
}

func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
  Swift.abs(a - b) <= tolerance * Swift.max(1, Swift.abs(b))
}

/// A small seeded generator (SplitMix64), so random test inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The columns a marker line points at: `"    ^~~"` under `"1 + foo"` marks `foo`, 0-based
/// and half-open like ``SourceRange``.
func markedSpan(_ marker: String) -> Range<Int>? {
  let scalars = Array(marker.unicodeScalars)
  guard let start = scalars.firstIndex(of: "^") else { return nil }
  var end = start + 1
  while end < scalars.count, scalars[end] == "~" { end += 1 }
  return start..<end
}
