import LossEngine
import TestSupport
import Testing

/// One differentiable tape operation with a recipe for inputs away from its kinks.
struct OpCase: Sendable, CustomTestStringConvertible {
  let label: String
  let inputs: @Sendable (inout SeededGenerator) -> [Tensor]
  let build: @Sendable (Tape, [Variable]) throws -> Variable

  var testDescription: String { label }

  var seed: UInt64 {
    label.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }
}

extension OpCase {
  typealias Binary = @Sendable (Tape, Variable, Variable) throws -> Variable
  typealias Unary = @Sendable (Tape, Variable) throws -> Variable

  /// Same shapes, scalar over vector (both ways), row over matrix (both ways), column over
  /// matrix.
  static let broadcastShapes: [([Int], [Int])] = [
    ([4], [4]), ([], [4]), ([4], []), ([3], [2, 3]), ([2, 3], [3]), ([2, 3], [2, 3]),
    ([2, 1], [2, 3]),
  ]

  static func binary(
    _ name: String, left: ClosedRange<Double> = -2...2, right: ClosedRange<Double> = -2...2,
    rightAwayFromZero: Bool = false, separated: Bool = false, _ op: @escaping Binary
  ) -> [OpCase] {
    broadcastShapes.map { shapes in
      OpCase(label: "\(name) \(describe(shapes.0)) with \(describe(shapes.1))") { random in
        while true {
          let a = random.tensor(shapes.0, in: left)
          let b =
            rightAwayFromZero
            ? random.awayFromZero(shapes.1, in: right) : random.tensor(shapes.1, in: right)
          // Ties are kinks for max and min: keep every broadcast pair apart.
          if !separated || smallestBroadcastGap(a, b) >= 0.05 { return [a, b] }
        }
      } build: { tape, v in
        try op(tape, v[0], v[1])
      }
    }
  }

  static func unary(
    _ name: String, in range: ClosedRange<Double>, awayFromZero: Bool = false, _ op: @escaping Unary
  ) -> [OpCase] {
    [[5], [2, 3]].map { shape in
      OpCase(label: "\(name) \(describe(shape))") { random in
        [awayFromZero ? random.awayFromZero(shape, in: range) : random.tensor(shape, in: range)]
      } build: { tape, v in
        try op(tape, v[0])
      }
    }
  }

  static let all: [OpCase] =
    binary("add") { try $0.add($1, $2) }
    + binary("subtract") { try $0.subtract($1, $2) }
    + binary("multiply") { try $0.multiply($1, $2) }
    + binary("divide", right: 0.5...2, rightAwayFromZero: true) { try $0.divide($1, $2) }
    + binary("power", left: 0.5...2, right: -1.5...2.5) { try $0.power($1, $2) }
    + binary("maximum", separated: true) { try $0.maximum($1, $2) }
    + binary("minimum", separated: true) { try $0.minimum($1, $2) }
    + unary("negate", in: -2...2) { try $0.negate($1) }
    + unary("exp", in: -2...2) { try $0.exp($1) }
    + unary("log", in: 0.2...3) { try $0.log($1) }
    + unary("log2", in: 0.2...3) { try $0.log2($1) }
    + unary("sqrt", in: 0.2...3) { try $0.sqrt($1) }
    + unary("abs", in: 0.05...2, awayFromZero: true) { try $0.abs($1) }
    + unary("square", in: -2...2) { try $0.square($1) }
    + unary("sigmoid", in: -6...6) { try $0.sigmoid($1) }
    + unary("tanh", in: -3...3) { try $0.tanh($1) }
    + unary("sin", in: -3...3) { try $0.sin($1) }
    + unary("cos", in: -3...3) { try $0.cos($1) }
    + unary("log1p", in: -0.5...3) { try $0.log1p($1) }
    + unary("expm1", in: -2...2) { try $0.expm1($1) }
    + unary("relu", in: 0.05...2, awayFromZero: true) { try $0.relu($1) }
    + unary("sum", in: -2...2) { try $0.sum($1) }
    + unary("mean", in: -2...2) { try $0.mean($1) }
    + unary("softmax", in: -3...3) { try $0.softmax($1) }
    + unary("transpose", in: -2...2) { try $0.transpose($1) }
    + unary("power with exponent 2", in: -2...2) { try $0.power($1, $0.constant(2)) }
    + unary("power with exponent 3, negative bases", in: 0.5...2, awayFromZero: true) {
      try $0.power($1, $0.constant(3))
    }
    + unary("power with exponent 0.5", in: 0.2...3) { try $0.power($1, $0.constant(0.5)) }
    + [
      OpCase(label: "sum of a scalar") { random in
        [random.tensor([], in: -2...2)]
      } build: {
        try $0.sum($1[0])
      },
      OpCase(label: "maxReduce [6]") { random in
        [random.distinct([6])]
      } build: {
        try $0.maxReduce($1[0])
      },
      OpCase(label: "maxReduce [2, 3]") { random in
        [random.distinct([2, 3])]
      } build: {
        try $0.maxReduce($1[0])
      },
      OpCase(label: "minReduce [6]") { random in
        [random.distinct([6])]
      } build: {
        try $0.minReduce($1[0])
      },
      OpCase(label: "minReduce [2, 3]") { random in
        [random.distinct([2, 3])]
      } build: {
        try $0.minReduce($1[0])
      },
      OpCase(label: "select [2, 3]") { random in
        [random.tensor([2, 3], in: -2...2), random.tensor([2, 3], in: -2...2)]
      } build: { tape, v in
        try tape.select(tape.leaf(Tensor(testMatrix: [[1, 0, 1], [0, 0, 1]])), v[0], v[1])
      },
      OpCase(label: "select with a scalar branch") { random in
        [random.tensor([2, 3], in: -2...2), random.tensor([], in: -2...2)]
      } build: { tape, v in
        try tape.select(tape.leaf(Tensor(testMatrix: [[1, 0, 1], [0, 0, 1]])), v[0], v[1])
      },
      OpCase(label: "clip between scalars") { random in
        [random.tensor([2, 4], in: -2...2, avoiding: [-1, 1], margin: 0.05)]
      } build: { tape, v in
        try tape.clip(v[0], tape.constant(-1), tape.constant(1))
      },
      OpCase(label: "clip between rows") { random in
        [random.tensor([2, 3], in: -2...2, avoiding: [-0.5, 0, 0.5, 1, 1.5], margin: 0.05)]
      } build: { tape, v in
        try tape.clip(
          v[0], tape.leaf(Tensor(testVector: [-0.5, 0, 0.5])),
          tape.leaf(Tensor(testVector: [0.5, 1, 1.5])))
      },
      OpCase(label: "index of a vector") { random in
        [random.tensor([5], in: -2...2)]
      } build: {
        try $0.index($1[0], 2)
      },
      OpCase(label: "index of a matrix row") { random in
        [random.tensor([3, 4], in: -2...2)]
      } build: {
        try $0.index($1[0], 3)
      },
      OpCase(label: "slice of a vector") { random in
        [random.tensor([6], in: -2...2)]
      } build: {
        try $0.slice($1[0], [.span(2...5)])
      },
      OpCase(label: "block of a matrix") { random in
        [random.tensor([3, 4], in: -2...2)]
      } build: {
        try $0.slice($1[0], [.span(2...3), .span(1...3)])
      },
      OpCase(label: "column of a matrix") { random in
        [random.tensor([3, 4], in: -2...2)]
      } build: {
        try $0.slice($1[0], [.span(1...3), .position(4)])
      },
      OpCase(label: "element of a matrix") { random in
        [random.tensor([3, 4], in: -2...2)]
      } build: {
        try $0.slice($1[0], [.position(2), .position(3)])
      },
      OpCase(label: "sum along axis 0") { random in
        [random.tensor([3, 4], in: -2...2)]
      } build: {
        try $0.sum($1[0], axis: .rows)
      },
      OpCase(label: "sum along axis 1") { random in
        [random.tensor([3, 4], in: -2...2)]
      } build: {
        try $0.sum($1[0], axis: .columns)
      },
      OpCase(label: "mean along axis 0") { random in
        [random.tensor([3, 4], in: -2...2)]
      } build: {
        try $0.mean($1[0], axis: .rows)
      },
      OpCase(label: "mean along axis 1") { random in
        [random.tensor([3, 4], in: -2...2)]
      } build: {
        try $0.mean($1[0], axis: .columns)
      },
      OpCase(label: "mean of a vector along axis 0") { random in
        [random.tensor([5], in: -2...2)]
      } build: {
        try $0.mean($1[0], axis: .rows)
      },
      matmul([2, 3], [3, 4]), matmul([2, 3], [3]), matmul([3], [3, 4]), matmul([3], [3]),
      OpCase(label: "transpose then matmul") { random in
        [random.tensor([3, 2], in: -2...2), random.tensor([3, 4], in: -2...2)]
      } build: { tape, v in
        try tape.matmul(tape.transpose(v[0]), v[1])
      },
    ]

  static func matmul(_ left: [Int], _ right: [Int]) -> OpCase {
    OpCase(label: "matmul \(describe(left)) @ \(describe(right))") { random in
      [random.tensor(left, in: -2...2), random.tensor(right, in: -2...2)]
    } build: { tape, v in
      try tape.matmul(v[0], v[1])
    }
  }

  /// The smallest |a − b| over the broadcast pairs.
  static func smallestBroadcastGap(_ a: Tensor, _ b: Tensor) -> Double {
    guard let gaps = try? Tensor.zip(a, b, operation: "gap", { Swift.abs($0 - $1) }) else {
      return 0
    }
    return gaps.storage.min() ?? 0
  }

  static func describe(_ shape: [Int]) -> String {
    shape.isEmpty ? "scalar" : "\(shape)"
  }
}

extension SeededGenerator {
  /// Magnitudes in `range` with random signs.
  mutating func awayFromZero(_ shape: [Int], in range: ClosedRange<Double>) -> Tensor {
    let count = shape.reduce(1, *)
    return Tensor(
      testShape: shape, (0..<count).map { _ in uniform(in: range) * (next() % 2 == 0 ? 1 : -1) })
  }

  /// Elements at least 0.05 apart, so max and min have no ties.
  mutating func distinct(_ shape: [Int]) -> Tensor {
    let count = shape.reduce(1, *)
    var values = (0..<count).map { Double($0) * 0.3 + uniform(in: 0...0.1) }
    values.shuffle(using: &self)
    return Tensor(testShape: shape, values)
  }

  /// Uniform elements at least `margin` away from every point of `kinks`.
  mutating func tensor(
    _ shape: [Int], in range: ClosedRange<Double>, avoiding kinks: [Double], margin: Double
  ) -> Tensor {
    Tensor(
      testShape: shape,
      (0..<shape.reduce(1, *)).map { _ in uniform(in: range, avoiding: kinks, margin: margin) })
  }
}
