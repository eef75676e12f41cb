import Foundation
import LossLanguage
import Testing

/// A JSON value as the comparison needs it: numbers, strings ("nan", "inf", an error), arrays,
/// null, and objects (only to report that an object appeared where a number was expected).
indirect enum JSONTree: Sendable, Equatable, CustomStringConvertible {
  case number(Double)
  case string(String)
  case array([JSONTree])
  case object([String: JSONTree])
  case null

  init(_ any: Any) throws {
    switch any {
    case is NSNull: self = .null
    case let n as NSNumber: self = .number(n.doubleValue)
    case let s as String: self = .string(s)
    case let a as [Any]: self = .array(try a.map(JSONTree.init))
    case let d as [String: Any]: self = .object(try d.mapValues(JSONTree.init))
    default: throw ReferenceError.malformed("unexpected JSON value \(any)")
    }
  }

  /// Parses one JSON text (an object line of `eval --json`).
  init(parsing text: String) throws {
    let object = try JSONSerialization.jsonObject(
      with: Data(text.utf8), options: [.fragmentsAllowed])
    try self.init(object)
  }

  subscript(key: String) -> JSONTree? {
    if case .object(let d) = self { return d[key] }
    return nil
  }

  var keys: Set<String> {
    if case .object(let d) = self { return Set(d.keys) }
    return []
  }

  /// Every number inside, depth first.
  var numbers: [Double] {
    switch self {
    case .number(let x): return [x]
    case .array(let items): return items.flatMap(\.numbers)
    case .object(let d): return d.values.flatMap(\.numbers)
    case .string, .null: return []
    }
  }

  var description: String {
    switch self {
    case .number(let x): return "\(x)"
    case .string(let s): return "\"\(s)\""
    case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .object(let d):
      return "{"
        + d.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        + "}"
    case .null: return "null"
    }
  }
}

enum ReferenceError: Error, CustomStringConvertible {
  case malformed(String)
  var description: String {
    switch self {
    case .malformed(let why): return why
    }
  }
}

/// One line of `Fixtures/losses.jsonl`.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
  let id: String
  let exprs: [String]
  let expectedValue: JSONTree
  /// nil when the case checks the value only (`grad` absent); `.null` when grad must be null.
  let expectedGrad: JSONTree?
  let tol: Double
  let source: String

  var testDescription: String { id }

  init(line: String) throws {
    let tree = try JSONTree(parsing: line)
    guard case .string(let id)? = tree["id"] else {
      throw ReferenceError.malformed("no id in \(line)")
    }
    guard case .array(let exprs)? = tree["exprs"], !exprs.isEmpty else {
      throw ReferenceError.malformed("\(id): no exprs")
    }
    self.id = id
    self.exprs = try exprs.map { expr in
      guard case .string(let s) = expr else {
        throw ReferenceError.malformed("\(id): an expr is not a string")
      }
      return s
    }
    guard let expect = tree["expect"], let value = expect["value"] else {
      throw ReferenceError.malformed("\(id): no expect.value")
    }
    expectedValue = value
    expectedGrad = expect["grad"]
    guard case .number(let tol)? = tree["tol"], tol > 0 else {
      throw ReferenceError.malformed("\(id): no positive tol")
    }
    self.tol = tol
    if case .string(let source)? = tree["source"] {
      self.source = source
    } else {
      self.source = "?"
    }
  }

  /// The fixture text, shipped as a resource of this test target.
  static func fixtureText() throws -> String {
    guard
      let url = Bundle.module.url(
        forResource: "losses", withExtension: "jsonl", subdirectory: "Fixtures")
    else {
      throw ReferenceError.malformed("Fixtures/losses.jsonl is not in the test bundle")
    }
    return try String(contentsOf: url, encoding: .utf8)
  }

  static func fixtureLines() throws -> [String] {
    try fixtureText().split(separator: "\n", omittingEmptySubsequences: true)
      .map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
  }

  /// Every case, or none when the file cannot be read (a separate test fails then, so the
  /// parameterised test can never pass by running zero cases unnoticed).
  static let all: [ReferenceCase] = (try? fixtureLines().map(ReferenceCase.init(line:))) ?? []

  /// Runs the expressions in one scope as `eval --json` does; the last printed line.
  func lastOutputLine() -> String? {
    var session = Session()
    return session.jsonLines(exprs).last
  }
}

/// The fixture README's rule: per field, equal shapes, and every number within `tol × S`,
/// where S is the largest |expected| number in that field. Returns the problems found.
enum ReferenceComparison {
  static func problems(output: JSONTree, case reference: ReferenceCase) -> [String] {
    if let error = output["error"] { return ["eval failed: \(error)"] }
    var found: [String] = []
    guard let value = output["value"] else { return ["no \"value\" in \(output)"] }
    found += compare(
      field: "value", actual: value, expected: reference.expectedValue, tol: reference.tol)
    if let expectedGrad = reference.expectedGrad {
      if let grad = output["grad"] {
        found += compare(field: "grad", actual: grad, expected: expectedGrad, tol: reference.tol)
      } else {
        found.append("no \"grad\" in \(output)")
      }
    }
    return found
  }

  static func compare(field: String, actual: JSONTree, expected: JSONTree, tol: Double) -> [String]
  {
    let scale = expected.numbers.map { Swift.abs($0) }.max() ?? 0
    var found: [String] = []
    walk(actual, expected, path: field, allowed: tol * scale, into: &found)
    return found
  }

  private static func walk(
    _ actual: JSONTree, _ expected: JSONTree, path: String, allowed: Double,
    into found: inout [String]
  ) {
    switch (actual, expected) {
    case (.number(let a), .number(let e)):
      if !(Swift.abs(a - e) <= allowed) {
        found.append(
          "\(path): got \(a), expected \(e) (difference \(Swift.abs(a - e)) > allowed \(allowed))")
      }
    case (.array(let a), .array(let e)):
      guard a.count == e.count else {
        found.append("\(path): got \(a.count) elements, expected \(e.count) (got \(actual))")
        return
      }
      for (i, (x, y)) in zip(a, e).enumerated() {
        walk(x, y, path: "\(path)[\(i)]", allowed: allowed, into: &found)
      }
    case (.null, .null):
      return
    case (.string(let a), .string(let e)) where a == e:
      return
    default:
      found.append("\(path): got \(actual), expected \(expected)")
    }
  }
}
