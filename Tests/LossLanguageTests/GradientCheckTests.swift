import LossEngine
import LossLanguage
import Testing

/// `grad(...)` against central finite differences computed by re-running the interpreter
/// with perturbed variables (no tape involved in the reference), on seeded random inputs of
/// several sizes, kept away from kinks (the loss conventions, §4).
@Suite("grad agrees with finite differences")
struct GradientCheckTests {
  /// How a variable's shape follows the size `n` of a run.
  enum Shape: Sendable {
    case scalar, vector, matrix(rows: Int)
    func dimensions(_ n: Int) -> [Int] {
      switch self {
      case .scalar: return []
      case .vector: return [n]
      case .matrix(let rows): return [rows, n]
      }
    }
  }

  struct Input: Sendable {
    let name: String
    let shape: Shape
    let range: ClosedRange<Double>
    /// Values this input's elements keep at least 0.02 away from (kinks of the expression).
    var kinks: [Double] = []
  }

  /// `a - b` (element-wise, same shape) keeps at least 0.05 away from each of `kinks`.
  struct Separation: Sendable {
    let a: String, b: String
    let kinks: [Double]
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    var setup: [String] = []
    let expression: String
    let inputs: [Input]
    var separations: [Separation] = []
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "mse", expression: "mse(p, y)",
      inputs: [
        Input(name: "p", shape: .vector, range: -3...3),
        Input(name: "y", shape: .vector, range: -3...3),
      ]),
    Case(
      name: "user function with where (asymmetric loss)",
      setup: ["def asym(p, y) = mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2))"],
      expression: "asym(p, y)",
      inputs: [
        Input(name: "p", shape: .vector, range: -2...2),
        Input(name: "y", shape: .vector, range: -2...2),
      ],
      separations: [Separation(a: "p", b: "y", kinks: [0])]),
    Case(
      name: "user functions calling user functions (huber by hand)",
      setup: [
        "def sq(e) = e^2",
        "def huberish(p, y) = mean(where(abs(p - y) < 1, 0.5 * sq(p - y), abs(p - y) - 0.5))",
      ],
      expression: "huberish(p, y) * w",
      inputs: [
        Input(name: "p", shape: .vector, range: -3...3),
        Input(name: "y", shape: .vector, range: -3...3),
        Input(name: "w", shape: .scalar, range: 0.5...2),
      ],
      separations: [Separation(a: "p", b: "y", kinks: [0, -1, 1])]),
    Case(
      name: "where, clip and sigmoid",
      expression: "mean(where(p > y, clip(p, -0.5, 0.5)^2, sigmoid(p) * y))",
      inputs: [
        Input(name: "p", shape: .vector, range: -2...2, kinks: [-0.5, 0.5]),
        Input(name: "y", shape: .vector, range: -2...2),
      ],
      separations: [Separation(a: "p", b: "y", kinks: [0])]),
    Case(
      name: "max (element-wise and reduction) and sigmoid",
      expression: "sum(max(p, y) * sigmoid(p - y)) + max(p) - min(y) + sum(min(p, 0.3))",
      inputs: [
        Input(name: "p", shape: .vector, range: -2...2, kinks: [0.3]),
        Input(name: "y", shape: .vector, range: -2...2),
      ],
      separations: [Separation(a: "p", b: "y", kinks: [0])]),
    Case(
      name: "softmax per row of a matrix and of a vector",
      expression: "sum(softmax(P) * Y) + sum(log(softmax(P[1])) * Y[2])",
      inputs: [
        Input(name: "P", shape: .matrix(rows: 2), range: -3...3),
        Input(name: "Y", shape: .matrix(rows: 2), range: 0...1),
      ]),
    Case(
      name: "matrix rows and indexing",
      expression: "P[1][1] * sum(P[2]^2) + mean(P) * P[2][len(P[1])] + sum(P[1] * v)",
      inputs: [
        Input(name: "P", shape: .matrix(rows: 2), range: -2...2),
        Input(name: "v", shape: .vector, range: -2...2),
      ]),
    Case(
      name: "vectors built from elements",
      expression: "sum([p[1] * y[1], p[1] + 2, sum(p * y)] ^ 2)",
      inputs: [
        Input(name: "p", shape: .vector, range: -2...2),
        Input(name: "y", shape: .vector, range: -2...2),
      ]),
    Case(
      name: "smooth element-wise functions",
      expression:
        "mean(tanh(p) * exp(-p^2)) + sqrt(sum(p^2) + 1) + sum(log(sigmoid(p))) + sum(square(p) * log2(q))",
      inputs: [
        Input(name: "p", shape: .vector, range: -3...3),
        Input(name: "q", shape: .vector, range: 0.5...3),
      ]),
    Case(
      name: "abs and relu off their kinks",
      expression: "mean(abs(p - y)^3) + sum(relu(p)) + sum(abs(y))",
      inputs: [
        Input(name: "p", shape: .vector, range: -2...2, kinks: [0]),
        Input(name: "y", shape: .vector, range: -2...2, kinks: [0]),
      ],
      separations: [Separation(a: "p", b: "y", kinks: [0])]),
    Case(
      name: "division and powers",
      expression: "sum(p / (1 + y^2)) + mean(p ^ y) + sum(2 ^ y) + sum(1 / p)",
      inputs: [
        Input(name: "p", shape: .vector, range: 0.5...2),
        Input(name: "y", shape: .vector, range: -2...2),
      ]),
    Case(
      name: "broadcasting a row and scalars over a matrix",
      expression: "mean((P - v)^2 * w + b)",
      inputs: [
        Input(name: "P", shape: .matrix(rows: 3), range: -2...2),
        Input(name: "v", shape: .vector, range: -2...2),
        Input(name: "w", shape: .scalar, range: -2...2),
        Input(name: "b", shape: .scalar, range: -2...2),
      ]),
    Case(
      name: "matrix products and transpose",
      expression: "sum((P @ transpose(P))^2) / 10 + sum(P @ v) + v @ v",
      inputs: [
        Input(name: "P", shape: .matrix(rows: 2), range: -2...2),
        Input(name: "v", shape: .vector, range: -2...2),
      ]),
    Case(
      name: "slices, matrix elements, rows and columns",
      expression:
        "sum(P[1, :] * P[2, :]) + P[2, 1] * sum(P[:, 1:1]^2) + sum(v[1:len(v)] * P[1]) + sum(P[1:2, 1:len(v)]^3)",
      inputs: [
        Input(name: "P", shape: .matrix(rows: 3), range: -2...2),
        Input(name: "v", shape: .vector, range: -2...2),
      ]),
    Case(
      name: "sums and means along each axis",
      expression:
        "sum(mean(P, axis=1)^2) + sum(sum(P, axis=0) * v) + mean(sum(P^2, 1)) + sum(v, axis=0)^2",
      inputs: [
        Input(name: "P", shape: .matrix(rows: 3), range: -2...2),
        Input(name: "v", shape: .vector, range: -2...2),
      ]),
    Case(
      name: "cce_logits with class-index targets",
      expression: "cce_logits(P, argmax(P, axis=1)) + cce_logits(P[:, 1], 2)",
      inputs: [Input(name: "P", shape: .matrix(rows: 3), range: -3...3)]),
    Case(
      name: "standardize a vector and the columns of a matrix",
      expression: "sum(standardize(P) * Q) + sum(standardize(P[:, 1]) * Q[:, 1]^2)",
      inputs: [
        Input(name: "P", shape: .matrix(rows: 3), range: -2...2),
        Input(name: "Q", shape: .matrix(rows: 3), range: -2...2),
      ]),
    Case(
      name: "a linear model through a built-in loss",
      expression: "mse(w * x + b, y) + mse(sigmoid(x * w), clip(y, 0, 1))",
      inputs: [
        Input(name: "w", shape: .scalar, range: -2...2),
        Input(name: "b", shape: .scalar, range: -1...1),
        Input(name: "x", shape: .vector, range: -2...2),
        Input(name: "y", shape: .vector, range: -2...2, kinks: [0, 1]),
      ]),
  ]

  static let sizes = [1, 3, 8]

  /// Random inputs for `n`, resampled until every kink and separation is respected.
  static func inputs(for c: Case, n: Int, seed: UInt64) throws -> [String: Tensor] {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<1000 {
      var values: [String: Tensor] = [:]
      for input in c.inputs {
        let shape = input.shape.dimensions(n)
        let count = shape.reduce(1, *)
        var elements: [Double] = []
        while elements.count < count {
          let x = Double.random(in: input.range, using: &generator)
          if input.kinks.allSatisfy({ Swift.abs(x - $0) > 0.02 }) { elements.append(x) }
        }
        values[input.name] = try Tensor(shape: shape, storage: elements)
      }
      let separated = c.separations.allSatisfy { s in
        zip(values[s.a]?.storage ?? [], values[s.b]?.storage ?? []).allSatisfy { a, b in
          s.kinks.allSatisfy { Swift.abs(a - b - $0) > 0.05 }
        }
      }
      if separated { return values }
    }
    throw DrawFailure(description: "could not draw inputs for \(c.name)")
  }

  private static func session(for c: Case, with values: [String: Tensor]) throws -> Session {
    var session = Session()
    for line in c.setup { try session.run(line) }
    for (name, value) in values { session.interpreter.scope.set(name, .tensor(value)) }
    return session
  }

  /// The central difference (f(x+h) − f(x−h)) / 2h for every element of every input.
  static func finiteDifferences(for c: Case, at values: [String: Tensor]) throws -> [String:
    [Double]]
  {
    var session = try session(for: c, with: values)
    var result: [String: [Double]] = [:]
    for input in c.inputs {
      let x = try #require(values[input.name])
      var slopes: [Double] = []
      for i in 0..<x.count {
        let h = 1e-6 * Swift.max(1, Swift.abs(x.storage[i]))
        var plus = x.storage, minus = x.storage
        plus[i] += h
        minus[i] -= h
        session.interpreter.scope.set(
          input.name, .tensor(try Tensor(shape: x.shape, storage: plus)))
        let up = try session.scalar(c.expression)
        session.interpreter.scope.set(
          input.name, .tensor(try Tensor(shape: x.shape, storage: minus)))
        let down = try session.scalar(c.expression)
        slopes.append((up - down) / (plus[i] - minus[i]))
      }
      session.interpreter.scope.set(input.name, .tensor(x))
      result[input.name] = slopes
    }
    return result
  }

  @Test(arguments: cases)
  func gradMatchesCentralDifferences(_ c: Case) throws {
    for (sizeIndex, n) in Self.sizes.enumerated() {
      let values = try Self.inputs(for: c, n: n, seed: UInt64(1000 + sizeIndex))
      var session = try Self.session(for: c, with: values)
      let f = try session.scalar(c.expression)
      let names = c.inputs.map(\.name)
      let result = try session.value("grad(\(c.expression), \(names.joined(separator: ", ")))")
      let analytic: [Value]
      if names.count == 1 {
        analytic = [result]
      } else {
        guard case .list(let items) = result else {
          Issue.record("grad with \(names.count) names gave \(result), not a list")
          return
        }
        analytic = items
      }
      try #require(analytic.count == names.count)
      let numeric = try Self.finiteDifferences(for: c, at: values)
      let atol = 1e-7 * Swift.max(1, Swift.abs(f))
      for (input, gradient) in zip(c.inputs, analytic) {
        let g = try #require(gradient.tensor, "\(input.name): \(gradient)")
        #expect(
          g.shape == values[input.name]!.shape, "∂/∂\(input.name) must have \(input.name)'s shape")
        let fd = numeric[input.name]!
        for (i, (a, b)) in zip(g.storage, fd).enumerated() {
          #expect(
            Swift.abs(a - b) <= atol + 1e-6 * Swift.abs(b),
            "n=\(n) ∂/∂\(input.name)[\(i)]: grad \(a), finite differences \(b)")
        }
      }
    }
  }

  /// The gradient `eval` prints for a top-level loss call (∂/∂ first argument) agrees too.
  @Test(arguments: ["mse(p, y)", "asym(p, y)", "huberish(p, y)", "mse(p, 0.5)"])
  func lossCallGradientMatchesCentralDifferences(_ expression: String) throws {
    let c = Case(
      name: expression,
      setup: [
        "def asym(p, y) = mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2))",
        "def huberish(p, y) = mean(where(abs(p - y) < 1, 0.5 * (p - y)^2, abs(p - y) - 0.5))",
      ],
      expression: expression,
      inputs: [
        Input(name: "p", shape: .matrix(rows: 2), range: -3...3),
        Input(name: "y", shape: .matrix(rows: 2), range: -3...3),
      ],
      separations: [Separation(a: "p", b: "y", kinks: [0, 1, -1])])
    for n in Self.sizes {
      let values = try Self.inputs(for: c, n: n, seed: UInt64(n))
      var session = try Self.session(for: c, with: values)
      let (_, loss) = try session.loss(expression)
      let gradient = try #require(loss.gradient)
      #expect(gradient.shape == [2, n])
      let fd = try Self.finiteDifferences(for: c, at: values)["p"]!
      for (i, (a, b)) in zip(gradient.storage, fd).enumerated() {
        #expect(Swift.abs(a - b) <= 1e-7 + 1e-6 * Swift.abs(b), "n=\(n) [\(i)]: \(a) vs \(b)")
      }
    }
  }

  /// The checker itself catches a wrong gradient (a gradient test that cannot fail proves nothing).
  @Test func finiteDifferencesDisagreeWithAWrongGradient() throws {
    let c = Case(
      name: "x^3", expression: "sum(x^3)", inputs: [Input(name: "x", shape: .vector, range: 1...2)])
    let values = try Self.inputs(for: c, n: 4, seed: 7)
    let fd = try Self.finiteDifferences(for: c, at: values)["x"]!
    let x = values["x"]!.storage
    for (xi, slope) in zip(x, fd) {
      #expect(Swift.abs(slope - 3 * xi * xi) < 1e-7)  // the right derivative
      #expect(Swift.abs(slope - 2 * xi * xi) > 0.5)  // a wrong one is far off
    }
  }
}

/// Inputs that keep off every kink could not be drawn (the case's ranges are too narrow).
struct DrawFailure: Error, CustomStringConvertible {
  let description: String
}
