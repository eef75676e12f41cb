import Foundation
import LossEngine
import LossLanguage
import TestSupport
import Testing

/// `x[2:5]`, `X[i, j]`, `X[i, :]`, `X[:, j]`: 1-based, both ends of a span included.
@Suite("Slicing and matrix indexing")
struct SubscriptTests {
  static let setup = ["x = [10, 20, 30, 40, 50, 60]", "X = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]"]

  func value(_ line: String) throws -> Tensor {
    var s = Session()
    for l in Self.setup { try s.run(l) }
    return try s.tensor(line)
  }

  @Test func spansIncludeBothEnds() throws {
    #expect(try value("x[2:5]").parts == .init(shape: [4], elements: [20, 30, 40, 50]))
    #expect(try value("x[3:3]").parts == .init(shape: [1], elements: [30]))
    #expect(try value("x[:2]").parts == .init(shape: [2], elements: [10, 20]))
    #expect(try value("x[5:]").parts == .init(shape: [2], elements: [50, 60]))
    #expect(try value("x[:]").storage == [10, 20, 30, 40, 50, 60])
    #expect(try value("x[len(x) - 1:len(x)]").storage == [50, 60])
  }

  @Test func matrixSubscripts() throws {
    #expect(try value("X[2, 3]").parts == .init(shape: [], elements: [6]))
    #expect(try value("X[2, :]").parts == .init(shape: [3], elements: [4, 5, 6]))
    #expect(try value("X[2]").parts == .init(shape: [3], elements: [4, 5, 6]))
    #expect(try value("X[:, 2]").parts == .init(shape: [3], elements: [2, 5, 8]))
    #expect(try value("X[2:3]").parts == .init(shape: [2, 3], elements: [4, 5, 6, 7, 8, 9]))
    #expect(try value("X[1:2, 2:3]").parts == .init(shape: [2, 2], elements: [2, 3, 5, 6]))
    #expect(try value("X[:, 3:3]").parts == .init(shape: [3, 1], elements: [3, 6, 9]))
    #expect(try value("X[3][1]") == Tensor(scalar: 7))
  }

  /// The gradient flows into the picked block only (hand-computed: ∂ sum(v²)/∂v = 2v there).
  @Test func gradientFillsThePickedBlock() throws {
    var s = Session()
    for l in Self.setup { try s.run(l) }
    #expect(
      try s.tensor("grad(sum(X[1:2, 2:3]^2), X)").storage == [0, 4, 6, 0, 10, 12, 0, 0, 0])
    #expect(try s.tensor("grad(sum(x[2:3] * x[3:4]), x)").storage == [0, 30, 60, 30, 0, 0])
  }

  static let errors: [(line: String, problem: DataProblem)] = [
    ("x[0]", .indexZero(.elements, count: 6)),
    ("x[7]", .indexOutOfRange(.elements, index: 7, count: 6)),
    ("x[-1]", .indexOutOfRange(.elements, index: -1, count: 6)),
    ("x[0:2]", .indexZero(.elements, count: 6)),
    ("x[2:9]", .indexOutOfRange(.elements, index: 9, count: 6)),
    ("x[4:2]", .emptySpan(from: 4, to: 2)),
    ("x[1, 1]", .tooManySubscripts(shape: [6], given: 2)),
    ("X[1, 2, 3]", .tooManySubscripts(shape: [3, 3], given: 3)),
    ("X[:, 0]", .indexZero(.columns, count: 3)),
    ("X[4, 1]", .indexOutOfRange(.rows, index: 4, count: 3)),
    ("X[1, 4]", .indexOutOfRange(.columns, index: 4, count: 3)),
    ("(5)[1]", .tooManySubscripts(shape: [], given: 1)),
    ("grad(sum(x), x, X)[1:2]", .listTakesOnePosition),
  ]

  @Test(arguments: errors.indices)
  func badSubscriptsAreTypedErrorsWithACaret(_ i: Int) throws {
    let (line, problem) = Self.errors[i]
    var s = Session()
    for l in Self.setup { try s.run(l) }
    let error = try s.failure(line)
    #expect(error.problem == .data(problem), "\(line)")
    #expect(error.range != nil, "\(line) points at the subscript")
  }

  /// Hostile numbers as indices: never a trap, always "a whole number".
  @Test(arguments: [
    "x[2^63]", "x[-2^63]", "x[2^64:]", "x[:1e300]", "x[log(-1)]", "x[1/3]", "x[exp(1000)]",
    "X[2^63, 1]", "X[1, -2^63:]", "x[[1, 2]]",
  ])
  func hostileIndicesAreErrors(_ line: String) throws {
    var s = Session()
    for l in Self.setup { try s.run(l) }
    let error = try s.failure(line)
    #expect(error.range != nil)
    #expect(try s.scalar("x[1]") == 10)
  }

  @Test func zeroMessageSaysIndicesStartAtOne() throws {
    var s = Session()
    for l in Self.setup { try s.run(l) }
    #expect(try s.failure("x[0]").message.contains("indices start at 1"))
    #expect(try s.failure("x[-1]").message.contains("the last is [6]"))
  }
}

/// `shape`, `mean`/`sum` with `axis`, `one_hot`, `argmax`, `accuracy`, class-index targets.
@Suite("Axes and class labels")
struct AxisAndLabelTests {
  @Test func shapeOfVectorsAndMatrices() throws {
    #expect(try tensor("shape([[1, 2, 3], [4, 5, 6]])").storage == [2, 3])
    #expect(try tensor("shape([1, 2])").storage == [2])
    #expect(try failure("shape(3)").problem == .data(.shapeOfNumber))
  }

  @Test func axisReductionsAgainstHandComputedValues() throws {
    let X = "X = [[1, 2, 3], [4, 5, 7]]"
    #expect(try tensor(X, "sum(X, axis=0)").parts == .init(shape: [3], elements: [5, 7, 10]))
    #expect(try tensor(X, "sum(X, axis=1)").parts == .init(shape: [2], elements: [6, 16]))
    #expect(try tensor(X, "mean(X, axis=0)").storage == [2.5, 3.5, 5])
    #expect(try tensor(X, "mean(X, axis=1)").storage == [2, 16.0 / 3])
    #expect(try tensor(X, "mean(X, 1)").storage == [2, 16.0 / 3])
    #expect(try scalar("sum([1, 2, 4], axis=0)") == 7)
    #expect(try scalar(X, "mean(X)") == 22.0 / 6)
  }

  @Test(
    arguments: [
      ("mean([[1, 2]], axis=2)", 2, [1, 2]), ("sum([1, 2], axis=1)", 1, [2]),
      ("sum([1, 2], axis=-1)", -1, [2]), ("sum(3, axis=0)", 0, []),
    ] as [(String, Double, [Int])])
  func badAxes(_ line: String, _ axis: Double, _ shape: [Int]) throws {
    let error = try failure(line)
    #expect(
      error.problem
        == .data(.badAxis(function: String(line.prefix { $0 != "(" }), axis: axis, shape: shape)))
  }

  @Test func oneHotRows() throws {
    #expect(
      try tensor("one_hot([1, 3, 2], 3)").parts
        == .init(shape: [3, 3], elements: [1, 0, 0, 0, 0, 1, 0, 1, 0]))
    #expect(try tensor("one_hot(2, 3)").parts == .init(shape: [3], elements: [0, 1, 0]))
    for (line, element, value) in [
      ("one_hot([1, 0], 3)", 2, 0.0), ("one_hot([1.5], 3)", 1, 1.5), ("one_hot([4], 3)", 1, 4),
    ] {
      #expect(
        try failure(line).problem
          == .engine(.classIndex(operation: "one_hot", element: element, value: value, classes: 3)))
    }
    #expect(try failure("one_hot([0], 3)").message.contains("classes count from 1"))
    #expect(
      try failure("one_hot([[1]], 3)").problem == .data(.labelsNotAVector(function: "one_hot")))
  }

  @Test func argmaxPicksTheFirstLargest() throws {
    let X = "X = [[1, 9, 9], [4, 5, 7]]"
    #expect(try tensor(X, "argmax(X, axis=1)").storage == [2, 3])
    #expect(try tensor(X, "argmax(X, axis=0)").storage == [2, 1, 1])
    #expect(try scalar("argmax([3, 9, 2, 9])") == 2)
    #expect(try scalar("argmax([3, log(-1), 9])") == 2, "NaN counts as largest, as in numpy")
    #expect(try failure(X, "argmax(X)").problem == .data(.axisNeeded(function: "argmax")))
  }

  @Test func accuracyOfLabelsAndOfScores() throws {
    #expect(try scalar("accuracy([1, 0, 1, 1], [1, 1, 1, 0])") == 0.5)
    #expect(try scalar("accuracy([[2, 0.5], [0.1, 1], [3, 1]], [1, 2, 2])") == 2.0 / 3)
    #expect(
      try failure("accuracy([1, 0], [1, 1, 1])").problem
        == .engine(.lossShapeMismatch(loss: "accuracy", prediction: [2], target: [3])))
  }

  /// `cce_logits(Z, [1, 3, 2])` is `cce_logits(Z, one_hot([1, 3, 2], 3))` exactly, value and
  /// gradient (PyTorch's CrossEntropyLoss with class indices); the labels get no slope.
  @Test func classIndexTargetsEqualOneHotRows() throws {
    let Z = "Z = [[2, 1, 0.1], [0.5, 2.5, 0.3], [0.1, 0.2, 3]]"
    for loss in ["cce_logits(Z, ", "cce(softmax(Z), "] {
      let byIndex = try scalar(Z, loss + "[1, 3, 2])")
      let byRow = try scalar(Z, loss + "one_hot([1, 3, 2], 3))")
      #expect(byIndex == byRow)
      #expect(
        try tensor(Z, "grad(\(loss)[1, 3, 2]), Z)")
          == tensor(Z, "grad(\(loss)one_hot([1, 3, 2], 3)), Z)"))
    }
    // −log softmax([2, 1, 0.1])₁ by hand.
    let expected = -(2 - Foundation.log(exp(2) + exp(1) + exp(0.1)))
    #expect(Swift.abs(try scalar("cce_logits([2, 1, 0.1], 1)") - expected) < 1e-15)
    var s = Session()
    try s.run(Z)
    try s.run("y = [1, 3, 2]")
    guard case .list(let gradients) = try s.value("grad(cce_logits(Z, y), Z, y)") else {
      Issue.record("grad of two names gives a list")
      return
    }
    #expect(gradients[1] == .tensor(Tensor(testVector: [0, 0, 0])))
    #expect(
      try s.failure("cce_logits(Z, [0, 1, 2])").problem
        == .engine(.classIndex(operation: "cce_logits", element: 1, value: 0, classes: 3)))
  }
}
