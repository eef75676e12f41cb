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
  /// The bytes the variables hold with shared buffers counted each time: an upper bound of
  /// ``storedBytes(replacing:adding:)`` kept as variables change, so that an assignment
  /// checks the memory bound in constant time and counts exactly only near the limit.
  private(set) var bytesUpperBound = 0

  public init() {}

  /// Sets a variable. Names of built-ins are refused by the interpreter before this.
  public mutating func set(_ name: String, _ value: Value) {
    functions[name] = nil
    bytesUpperBound &+=
      value.byteCount &- (variables.updateValue(value, forKey: name)?.byteCount ?? 0)
  }

  public mutating func define(_ function: UserFunction) {
    forget(variable: function.name)
    functions[function.name] = function
  }

  public mutating func remove(_ name: String) {
    forget(variable: name)
    functions[name] = nil
  }

  private mutating func forget(variable name: String) {
    bytesUpperBound &-= variables.removeValue(forKey: name)?.byteCount ?? 0
  }

  /// Whether keeping `values` under `names` stays within `limit` bytes; exact (each buffer
  /// counted once) only when the running upper bound says it might not.
  func fits(replacing names: [String], adding values: [Value], limit: Int) -> Bool {
    let replaced = names.reduce(0) { $0 &+ (variables[$1]?.byteCount ?? 0) }
    let added = values.reduce(0) { $0 &+ $1.byteCount }
    if bytesUpperBound &- replaced &+ added <= limit { return true }
    return storedBytes(replacing: Set(names), adding: values) <= limit
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
