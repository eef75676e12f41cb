/// `+ - * / ^` and negation, with broadcasting and their backward rules.
///
/// Overflow from finite operands (`10^10^10`, `1e300 * 1e300`) and division by an exact zero
/// are errors rather than silent infinities: a learner should hear where it went wrong.
extension Tape {
  public func add(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let out = try sharedResult("+", [a, b]) { () throws(EngineError) in
      try finiteZip(a, b, operation: "+") { $0 + $1 }
    }
    // ∂/∂a = g, ∂/∂b = g (each summed back to its parent's shape by the sweep).
    return try record(out, parents: [a, b], label: "+") { g, _ in [g, g] }
  }

  public func subtract(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let out = try sharedResult("-", [a, b]) { () throws(EngineError) in
      try finiteZip(a, b, operation: "-") { $0 - $1 }
    }
    // ∂/∂a = g, ∂/∂b = −g.
    return try recordOwning(out, parents: [a, b], label: "-") { g, needed throws(EngineError) in
      try Tape.contributions(&g, needed: needed, overwriting: 1) { _, g in
        g
      } owner: { g in
        g.formMap { -$0 }
      }
    }
  }

  public func multiply(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    let y = value(b)
    let out = try sharedResult("*", [a, b]) { () throws(EngineError) in
      try finiteZip(a, b, operation: "*") { $0 * $1 }
    }
    // ∂/∂a = g·b, ∂/∂b = g·a.
    return try recordOwning(out, parents: [a, b], label: "*") { g, needed throws(EngineError) in
      try Tape.contributions(&g, needed: needed, overwriting: 0) {
        _, g throws(EngineError) in
        try Tensor.zip(g, x, operation: "*") { $0 * $1 }
      } owner: { g throws(EngineError) in
        try g.formZip(y, operation: "*") { $0 * $1 }
      }
    }
  }

  public func divide(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let y = value(b)
    let out = try sharedResult("/", [a, b]) { () throws(EngineError) in
      if y.containsZero { throw .divisionByZero }
      return try finiteZip(a, b, operation: "/") { $0 / $1 }
    }
    // ∂/∂a = g/b, ∂/∂b = −g·a/b² = −(g·out)/b (one pass, the same operations in the same order
    // as two).
    return try recordOwning(out, parents: [a, b], label: "/") { g, needed throws(EngineError) in
      try Tape.contributions(&g, needed: needed, overwriting: 0) {
        _, g throws(EngineError) in
        try Tensor.zip3(g, out, y, operation: "/") { -($0 * $1) / $2 }
      } owner: { g throws(EngineError) in
        try g.formZip(y, operation: "/") { $0 / $1 }
      }
    }
  }

  /// `a ^ b`. ∂/∂a = b·a^(b−1); ∂/∂b = a^b·ln a where a > 0, else 0 (the real power of a
  /// non-positive base is only defined for fixed exponents, so its slope in b is taken as 0).
  public func power(_ a: Variable, _ b: Variable) throws(EngineError) -> Variable {
    let x = value(a)
    let y = value(b)
    let out = try sharedResult("^", [a, b]) { () throws(EngineError) in
      if let exponent = y.scalarValue, exponent == 2, y.isScalar {
        var infinities = 0
        let square = x.map { v in
          let square = v * v
          infinities |= square.magnitude == .infinity ? 1 : 0
          return square
        }
        if infinities != 0 { try checkedFinite(square, operation: "^", inputs: [a, b]) }
        return square
      }
      var infinities = 0
      let power = try Tensor.zip(x, y, operation: "^") { base, exponent in
        let v = CMath.pow(base, exponent)
        infinities |= v.magnitude == .infinity ? 1 : 0
        return v
      }
      if infinities != 0 {
        // Rare: tell a pole (0 ^ -1) from a result too large (10 ^ 400).
        var poles = 0
        _ = try Tensor.zip(x, y, operation: "^") { base, exponent in
          poles |= base == 0 && exponent < 0 ? 1 : 0
          return 0
        }
        if poles != 0 { throw .zeroToNegativePower }
        try checkedFinite(power, operation: "^", inputs: [a, b])
      }
      return power
    }
    // ∂/∂a = g·b·a^(b−1), ∂/∂b = g·a^b·ln a (0 where a ≤ 0). Each is g · (local slope) in one
    // pass: the slope is computed exactly as on its own and then multiplied, so the result is
    // the same to the bit.
    return try recordOwning(out, parents: [a, b], label: "^") { g, needed throws(EngineError) in
      try Tape.contributions(&g, needed: needed, overwriting: 0) {
        _, g throws(EngineError) in
        try Tensor.zip3(g, x, out, operation: "^") { g, base, power in
          g * (base > 0 ? power * CMath.log(base) : 0)
        }
      } owner: { g throws(EngineError) in
        if let exponent = y.scalarValue, y.isScalar {
          if exponent == 2 {
            try g.formZip(x, operation: "*") { $0 * (2 * $1) }
          } else {
            try g.formZip(x, operation: "*") { $0 * (exponent * CMath.pow($1, exponent - 1)) }
          }
        } else {
          try g.formZip3(x, y, operation: "^") { $0 * ($2 * CMath.pow($1, $2 - 1)) }
        }
      }
    }
  }

  public func negate(_ a: Variable) throws(EngineError) -> Variable {
    let out = try sharedResult("neg", [a]) { () throws(EngineError) in value(a).map { -$0 } }
    // ∂/∂a = −g.
    return try recordOwning(out, parents: [a], label: "neg") { g, _ in
      g.formMap { -$0 }
      return [g]
    }
  }

  /// `Tensor.zip` of the two values, then ``checkedFinite(_:operation:inputs:)``, with the
  /// result's infinities noted while it is written instead of in a second pass over it.
  @inline(__always)
  func finiteZip(
    _ a: Variable, _ b: Variable, operation: String, _ body: (Double, Double) -> Double
  ) throws(EngineError) -> Tensor {
    var infinities = 0
    let out = try Tensor.zip(value(a), value(b), operation: operation) { x, y in
      let v = body(x, y)
      infinities |= v.magnitude == .infinity ? 1 : 0
      return v
    }
    if infinities != 0 { try checkedFinite(out, operation: operation, inputs: [a, b]) }
    return out
  }

  /// Throws ``EngineError/overflow(operation:)`` when `result` holds an infinity that its
  /// inputs did not.
  @discardableResult
  func checkedFinite(_ result: Tensor, operation: String, inputs: [Variable]) throws(EngineError)
    -> Tensor
  {
    if result.containsInfinity && !inputs.contains(where: { value($0).containsInfinity }) {
      throw .overflow(operation: operation)
    }
    return result
  }
}
