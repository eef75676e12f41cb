/// `+ - * / ^` and negation, with broadcasting and their backward rules.
///
/// Overflow from finite operands (`10^10^10`, `1e300 * 1e300`) and division by an exact zero
/// are errors rather than silent infinities: a learner should hear where it went wrong.
extension Tape {
  public func add(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let out = try checkedFinite(Tensor.zip(value(a), value(b), operation: "+") { $0 + $1 },
      operation: "+", inputs: [a, b])
    return try record(out, parents: [a, b], label: "+") { g, _ in [g, g] }
  }

  public func subtract(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let out = try checkedFinite(Tensor.zip(value(a), value(b), operation: "-") { $0 - $1 },
      operation: "-", inputs: [a, b])
    return try record(out, parents: [a, b], label: "-") { g, needed in
      [g, needed[1] ? g.map { -$0 } : nil]
    }
  }

  public func multiply(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    let y = value(b)
    let out = try checkedFinite(Tensor.zip(x, y, operation: "*") { $0 * $1 },
      operation: "*", inputs: [a, b])
    return try record(out, parents: [a, b], label: "*") { g, needed throws(EngineError) in
      [
        needed[0] ? try Tensor.zip(g, y, operation: "*") { $0 * $1 } : nil,
        needed[1] ? try Tensor.zip(g, x, operation: "*") { $0 * $1 } : nil,
      ]
    }
  }

  public func divide(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    let y = value(b)
    if y.storage.contains(0) { throw .divisionByZero }
    let out = try checkedFinite(Tensor.zip(x, y, operation: "/") { $0 / $1 },
      operation: "/", inputs: [a, b])
    return try record(out, parents: [a, b], label: "/") { g, needed throws(EngineError) in
      [
        needed[0] ? try Tensor.zip(g, y, operation: "/") { $0 / $1 } : nil,
        needed[1]
          ? try Tensor.zip(try Tensor.zip(g, out, operation: "*") { $0 * $1 }, y, operation: "/") {
            -$0 / $1
          } : nil,
      ]
    }
  }

  /// `a ^ b`. ∂/∂a = b·a^(b−1); ∂/∂b = a^b·ln a where a > 0, else 0 (the real power of a
  /// non-positive base is only defined for fixed exponents, so its slope in b is taken as 0).
  public func power(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    let y = value(b)
    let out: Tensor
    if let exponent = y.scalarValue, exponent == 2, y.isScalar {
      out = x.map { $0 * $0 }
    } else {
      out = try Tensor.zip(x, y, operation: "^") { Glibc.pow($0, $1) }
    }
    try checkedFinite(out, operation: "^", inputs: [a, b])
    return try record(out, parents: [a, b], label: "^") { g, needed throws(EngineError) in
      var result: [Tensor?] = [nil, nil]
      if needed[0] {
        let local: Tensor
        if let exponent = y.scalarValue, y.isScalar {
          local = exponent == 2 ? x.map { 2 * $0 } : x.map { exponent * Glibc.pow($0, exponent - 1) }
        } else {
          local = try Tensor.zip(x, y, operation: "^") { $1 * Glibc.pow($0, $1 - 1) }
        }
        result[0] = try Tensor.zip(g, local, operation: "*") { $0 * $1 }
      }
      if needed[1] {
        let local = try Tensor.zip(x, out, operation: "^") { base, power in
          base > 0 ? power * Glibc.log(base) : 0
        }
        result[1] = try Tensor.zip(g, local, operation: "*") { $0 * $1 }
      }
      return result
    }
  }

  public func negate(_ a: Variable) throws(EngineError) -> Variable {
    try record(value(a).map { -$0 }, parents: [a], label: "neg") { g, _ in [g.map { -$0 }] }
  }

  /// Throws ``EngineError/overflow(operation:)`` when `result` holds an infinity that its
  /// inputs did not.
  @discardableResult
  func checkedFinite(_ result: Tensor, operation: String, inputs: [Variable]) throws(EngineError)
    -> Tensor
  {
    if result.storage.contains(where: { $0.isInfinite })
      && !inputs.contains(where: { value($0).storage.contains(where: { $0.isInfinite }) })
    {
      throw .overflow(operation: operation)
    }
    return result
  }
}
