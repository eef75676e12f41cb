import LossEngine
import TestSupport
import Testing

/// The engine's own guards behind the language's checks, and reference values of the label
/// helpers.
@Suite("Slices, axes and class labels in the engine")
struct SlicingAndLabelTests {
  @Test func slicesOutsideTheValueAreErrorsNotTraps() throws {
    let tape = Tape()
    let x = try tape.leaf(Tensor(testMatrix: [[1, 2], [3, 4]]))
    for picks: [AxisPick] in [
      [.position(0), .position(1)], [.position(3), .position(1)], [.span(1...3), .position(1)],
      [.position(Int.min), .position(Int.max)], [.position(1)],
      [.span(Int.min...Int.max), .position(1)],
    ] {
      #expect(throws: EngineError.self) { try tape.slice(x, picks) }
    }
    #expect(throws: EngineError.self) { try tape.slice(tape.constant(1), []) }
    #expect(tape.value(try tape.slice(x, [.span(1...2), .position(2)])).storage == [2, 4])
  }

  @Test func axisReductionsOfEmptyAndWrongShapes() throws {
    let tape = Tape()
    let empty = try tape.leaf(Tensor(shape: [0, 3], storage: []))
    #expect(throws: EngineError.emptyInput(operation: "mean")) {
      try tape.mean(empty, axis: .rows)
    }
    #expect(tape.value(try tape.sum(empty, axis: .rows)).storage == [0, 0, 0])
    #expect(throws: EngineError.self) { try tape.sum(tape.constant(2), axis: .rows) }
    let v = try tape.leaf(Tensor(testVector: [1, 2]))
    #expect(throws: EngineError.self) { try tape.sum(v, axis: .columns) }
  }

  @Test func oneHotArgmaxAndAccuracy() throws {
    #expect(
      try Tensor.oneHot(Tensor(testVector: [2, 1]), classes: 2)
        == Tensor(testMatrix: [[0, 1], [1, 0]]))
    #expect(
      throws: EngineError.classIndex(operation: "one_hot", element: nil, value: 3, classes: 2)
    ) { try Tensor.oneHot(Tensor(scalar: 3), classes: 2) }
    #expect(throws: EngineError.self) { try Tensor.oneHot(Tensor(scalar: .nan), classes: 2) }
    #expect(throws: EngineError.self) { try Tensor.oneHot(Tensor(scalar: 1), classes: 0) }
    #expect(throws: EngineError.tooLarge([3, Tensor.maxElementCount])) {
      try Tensor.oneHot(Tensor(testVector: [1, 1, 1]), classes: Tensor.maxElementCount)
    }
    let scores = Tensor(testMatrix: [[1, 3, 3], [5, 0, 2]])
    #expect(try scores.argmax(axis: .columns).storage == [2, 1])
    #expect(try scores.argmax(axis: .rows).storage == [2, 1, 1])
    #expect(throws: EngineError.self) { try scores.argmax(axis: nil) }
    #expect(try Tensor.accuracy(scores, Tensor(testVector: [2, 3])).storage == [0.5])
  }
}
