import LossEngine

/// A function the learner defined with `def`. A user function is a custom loss: it is
/// differentiated like the built-ins.
public struct UserFunction: Equatable, Sendable {
  public let name: String
  public let parameters: [String]
  public let body: Expression
  /// Default values of the trailing parameters that have one (`tau=0.9`), computed when the
  /// function was defined.
  public var defaults: [String: Value] = [:]
  /// The source text of the definition, for `vars` and `help`.
  public let source: String
  /// The user functions this one calls, as they were when it was defined. Binding calls
  /// early makes recursion impossible, so no definition can loop forever.
  let callees: [String: UserFunction]
  /// 1 plus the largest `callHeight` among ``callees``: how deeply its calls can nest. Bounded
  /// at definition time, so redefining two functions in turn (`def a(x) = b(x)`,
  /// `def b(x) = a(x)`, …) cannot build an arbitrarily long chain of old versions, whose
  /// release would recurse once per version and overflow the stack.
  let callHeight: Int
}

/// The learner's variables and functions. A value type: copying it is a snapshot, which is
/// how lessons restore a step (`back`) and sandbox `explore`.
public struct Scope: Equatable, Sendable {
  public private(set) var variables: [String: Value] = [:]
  public private(set) var functions: [String: UserFunction] = [:]

  public init() {}

  /// Sets a variable. Names of built-ins are refused by the interpreter before this.
  public mutating func set(_ name: String, _ value: Value) {
    functions[name] = nil
    variables[name] = value
  }

  public mutating func define(_ function: UserFunction) {
    variables[function.name] = nil
    functions[function.name] = function
  }

  public mutating func remove(_ name: String) {
    variables[name] = nil
    functions[name] = nil
  }

  public subscript(name: String) -> Value? { variables[name] }

  /// 2 GiB of numbers kept in variables at once (on top of one evaluation's 1 GiB, see
  /// `MemoryBudget`): about 27 values of the largest size.
  public static let maximumStoredBytes = 2 << 30

  /// Bytes of numbers the variables hold, each buffer counted once (a list holding the same
  /// vector twice).
  /// `replacing` leaves out what those names hold now: their values are about to go.
  func storedBytes(replacing names: Set<String> = [], adding values: [Value] = []) -> Int {
    var seen: Set<UInt> = []
    var bytes = 0
    func count(_ value: Value) {
      switch value {
      case .tensor(let t):
        let address = t.storage.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        if t.count < 1024 || seen.insert(address).inserted {
          bytes &+= t.count &* MemoryLayout<Double>.stride
        }
      case .list(let items): items.forEach(count)
      case .string(let text): bytes &+= text.utf8.count
      }
    }
    for (name, value) in variables where !names.contains(name) { count(value) }
    values.forEach(count)
    return bytes
  }

  /// Every name the learner has made, sorted (for `vars` and completion).
  public var names: [String] { (Array(variables.keys) + Array(functions.keys)).sorted() }
}

extension Value {
  /// Bytes of numbers (and text) this value holds, shared buffers counted in full.
  var byteCount: Int {
    switch self {
    case .tensor(let t): return t.count &* MemoryLayout<Double>.stride
    case .list(let items): return items.reduce(0) { $0 &+ $1.byteCount }
    case .string(let text): return text.utf8.count
    }
  }
}
