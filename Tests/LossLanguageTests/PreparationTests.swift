import Foundation
import LossEngine
import LossLanguage
import Testing

/// `split` and `standardize`.
@Suite("split and standardize")
struct PreparationTests {
  @Test func splitShufflesEveryRowIntoExactlyOnePart() throws {
    var s = Session()
    try s.run("x = linspace(1, 50, 50)")
    try s.run("tr, va = split(x, 0.8, seed=3)")
    let train = try s.tensor("tr").storage
    let val = try s.tensor("va").storage
    #expect(train.count == 40 && val.count == 10)
    #expect((train + val).sorted() == Array(1...50).map(Double.init))
    #expect(train != Array(1...40).map(Double.init), "the rows are shuffled")
    // The same seed keeps rows of x and y together; another seed gives another split.
    try s.run("yt, yv = split(3 * x, 0.8, seed=3)")
    #expect(try s.tensor("yt - 3 * tr").storage.allSatisfy { $0 == 0 })
    try s.run("other, rest = split(x, 0.8, seed=4)")
    #expect(try s.tensor("other").storage != train)
  }

  @Test func splitKeepsMatrixRowsAndListsOfColumnsTogether() throws {
    var s = Session()
    try s.run("X = [[1, 10], [2, 20], [3, 30], [4, 40]]")
    try s.run("a, b = split(X, 0.5, seed=1)")
    #expect(try s.tensor("shape(a)").storage == [2, 2])
    #expect(try s.tensor("a[:, 2] - 10 * a[:, 1]").storage == [0, 0])
    try s.run("s1, v1, s2, v2 = split(houses(n=10), 0.7)")
    #expect(try s.tensor("shape(s1)").storage == [7])
    #expect(try s.tensor("shape(v2)").storage == [3])
    #expect(try s.failure("split(X, 1.5)").problem == .data(.splitFraction(1.5)))
    #expect(try s.failure("split(X, 0)").problem == .data(.splitFraction(0)))
    #expect(try s.failure("split([1], 0.5)").problem == .data(.splitTooFewRows(1)))
    try s.run("r = [1, 2]")
    #expect(
      try s.failure("split(grad(sum(X) + sum(r), X, r), 0.5)").problem
        == .data(.splitRowsDiffer(first: 4, item: 2, shape: [2])))
  }

  @Test func standardizeAgainstHandComputedValues() throws {
    let v = try tensor("standardize([1, 2, 3, 4])").storage
    let expected = [1.0, 2, 3, 4].map { ($0 - 2.5) / Foundation.sqrt(1.25) }
    for (a, b) in zip(v, expected) { #expect(Swift.abs(a - b) < 1e-15) }
    let m = try tensor("standardize([[1, 10], [2, 20], [3, 30]])")
    #expect(m.shape == [3, 2])
    let z = Foundation.sqrt(1.5)
    for (a, b) in zip(m.storage, [-z, -z, 0, 0, z, z]) { #expect(Swift.abs(a - b) < 1e-15) }
    #expect(
      try failure("standardize([[1, 10], [1, 20]])").problem
        == .data(.cannotStandardize(column: 1, deviation: 0)))
    #expect(
      try failure("standardize([2, 2])").problem
        == .data(.cannotStandardize(column: nil, deviation: 0)))
    #expect(try failure("standardize(2)").problem == .data(.shapeOfNumber))
  }

  /// Squares of 1e308 overflow and squares of 5e-324 vanish; the answer exists for both.
  @Test func standardizeWorksAtTheEdgesOfTheDoubles() throws {
    #expect(try tensor("standardize([5e-324, 0])").storage == [1, -1])
    let huge = try tensor("standardize([1e308, 1e308, 1e307])").storage
    let expected = [1.0, 1, 0.1].map { ($0 - 0.7) / Foundation.sqrt(0.18) }
    for (a, b) in zip(huge, expected) { #expect(Swift.abs(a - b) < 1e-14) }
    let columns = try tensor("standardize([[1e308, 1e-300], [-1e308, 3e-300]])").storage
    for (a, b) in zip(columns, [1.0, -1, -1, 1]) { #expect(Swift.abs(a - b) < 1e-15) }
    // Exact powers of two leave ordinary columns bit for bit as before.
    var s = Session()
    let plain = try s.tensor("standardize([[3, 0.1], [5, 0.7], [11, 0.2]])").storage
    let centered = [[3.0, 5, 11], [0.1, 0.7, 0.2]].map { column -> [Double] in
      let mean = column.reduce(0, +) / 3
      let deviation = Foundation.sqrt(column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3)
      return column.map { ($0 - mean) / deviation }
    }
    #expect(
      plain == [
        centered[0][0], centered[1][0], centered[0][1], centered[1][1], centered[0][2],
        centered[1][2],
      ])
  }

  @Test func standardizeRefusesInfinityAndSplitRefusesANumber() throws {
    var s = Session()
    s.interpreter.scope.set("x", .tensor(try Tensor(matrix: [[1, 2], [3, .infinity]])))
    #expect(try s.failure("standardize(x)").problem == .data(.standardizeNotFinite(column: 2)))
    s.interpreter.scope.set("v", .tensor(try Tensor(vector: [1, .nan])))
    #expect(try s.failure("standardize(v)").problem == .data(.standardizeNotFinite(column: nil)))
    #expect(try failure("split(1, 0.5)").problem == .data(.splitNeedsRows(item: 1)))
    try s.run("X = [[1, 2], [3, 4]]")
    try s.run("k = 2")
    #expect(
      try s.failure("split(grad(sum(X) * k, X, k), 0.5)").problem
        == .data(.splitNeedsRows(item: 2)))
  }
}
