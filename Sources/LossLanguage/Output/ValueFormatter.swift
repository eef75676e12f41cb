import LossEngine

/// Turns numbers and values into text learners read: a few significant digits, no
/// floating-point noise (`0.1 + 0.2` shows as 0.3), exponents only for very large or small.
public enum ValueFormatter {
  /// A number with up to `significantDigits` significant digits.
  public static func number(_ x: Double, significantDigits: Int = 6) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return "0" }
    let magnitude = Swift.abs(x)
    if magnitude >= 1e15 || magnitude < 1e-5 {
      return scientific(x, significantDigits: significantDigits)
    }
    let exponent = Int(CMath.log10(magnitude).rounded(.down))
    let decimals = max(0, significantDigits - 1 - exponent)
    return fixed(x, decimals: min(decimals, 17))
  }

  /// Fixed-point with at most `decimals` decimals, trailing zeros removed.
  public static func fixed(_ x: Double, decimals: Int) -> String {
    let scale = CMath.pow(10.0, Double(decimals))
    let rounded = (x * scale).rounded() / scale
    var text = "\(rounded)"
    if text.contains("e") { return scientific(x, significantDigits: decimals + 1) }
    if text.hasSuffix(".0") { text.removeLast(2) }
    if text == "-0" { text = "0" }
    // Swift prints the shortest round-trip form; trim to the requested decimals.
    if let dot = text.firstIndex(of: ".") {
      let available = text.distance(from: dot, to: text.endIndex) - 1
      if available > decimals { text = String(text[..<text.index(dot, offsetBy: decimals + 1)]) }
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// `1.5e-07` style with trimmed mantissa.
  public static func scientific(_ x: Double, significantDigits: Int) -> String {
    let exponent = Int(CMath.log10(Swift.abs(x)).rounded(.down))
    // Two steps for subnormals, where 10^exponent itself would underflow to 0.
    var mantissa =
      exponent < -300
      ? x * 1e300 / CMath.pow(10.0, Double(exponent + 300)) : x / CMath.pow(10.0, Double(exponent))
    var e = exponent
    let scale = CMath.pow(10.0, Double(max(0, significantDigits - 1)))
    mantissa = (mantissa * scale).rounded() / scale
    if Swift.abs(mantissa) >= 10 {
      mantissa /= 10
      e += 1
    }
    return
      "\(fixed(mantissa, decimals: max(0, significantDigits - 1)))e\(e < 0 ? "-" : "+")\(Swift.abs(e) < 10 ? "0" : "")\(Swift.abs(e))"
  }

  /// A number with thousands separators when it is a large whole number (`1,000,000,000`).
  public static func grouped(_ x: Double) -> String {
    guard x.isFinite, Swift.abs(x) >= 10_000, Swift.abs(x) < 1e15, x == x.rounded() else {
      return number(x)
    }
    let digits = String(Int64(Swift.abs(x)))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return x < 0 ? "-" + out : out
  }

  /// A whole value on one line: `0.375`, `[0.25, 0, -0.25]`, `[[1, 2], [3, 4]]`, `"adam"`.
  public static func compact(_ value: Value, significantDigits: Int = 6) -> String {
    switch value {
    case .tensor(let t):
      switch t.nested {
      case .scalar(let x): return number(x, significantDigits: significantDigits)
      case .vector(let xs):
        return "["
          + xs.map { number($0, significantDigits: significantDigits) }.joined(separator: ", ")
          + "]"
      case .matrix(let rows):
        return "["
          + rows.map {
            "["
              + $0.map { number($0, significantDigits: significantDigits) }.joined(separator: ", ")
              + "]"
          }
          .joined(separator: ", ") + "]"
      }
    case .string(let s): return "\"\(s)\""
    case .list(let items):
      return "("
        + items.map { compact($0, significantDigits: significantDigits) }.joined(separator: ", ")
        + ")"
    }
  }
}
