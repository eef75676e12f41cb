import LossEngine

/// Turns numbers and values into text learners read: a few significant digits, no
/// floating-point noise (`0.1 + 0.2` shows as 0.3), exponents only for very large or small.
public enum ValueFormatter {
  /// A number as a learner writes it, with up to `significantDigits` significant digits:
  /// `2` rather than `2.0`, `0.375`, `1.5e-07`, `nan`. Every message and value uses this one.
  public static func number(_ x: Double, significantDigits: Int = 6) -> String {
    guard let exact = ExactDecimal(x) else { return nonFinite(x) }
    guard let exponent = exact.rounded(significantDigits: significantDigits).leadingExponent
    else { return "0" }
    if exponent >= 15 || exponent < -5 {
      return exact.scientificText(significantDigits: significantDigits)
    }
    return exact.fixedText(decimals: max(0, significantDigits - 1 - exponent), padded: false)
  }

  /// Fixed-point with at most `decimals` decimals (exactly `decimals` when `padded`), exact for
  /// every finite double: `fixed(1e300, decimals: 2)` is 1 followed by 300 zeros.
  public static func fixed(_ x: Double, decimals: Int, padded: Bool = false) -> String {
    guard let exact = ExactDecimal(x) else { return nonFinite(x) }
    return exact.fixedText(decimals: decimals, padded: padded)
  }

  /// `1.5e-07` style with trimmed mantissa.
  public static func scientific(_ x: Double, significantDigits: Int) -> String {
    guard let exact = ExactDecimal(x) else { return nonFinite(x) }
    return exact.scientificText(significantDigits: significantDigits)
  }

  /// A number with thousands separators when it is a large whole number (`1,000,000,000`).
  public static func grouped(_ x: Double) -> String {
    guard x.isFinite, Swift.abs(x) >= 10_000, Swift.abs(x) < 1e15, x == x.rounded() else {
      return number(x)
    }
    return groupingThousands(fixed(x, decimals: 0))
  }

  /// Puts commas between the thousands of a number's leading whole digits (`-1234567.5` →
  /// `-1,234,567.5`); anything after them (decimals, an exponent) is kept as it is. The one
  /// digit grouping of LossLab.
  public static func groupingThousands(_ text: String) -> String {
    let sign = text.prefix(while: { $0 == "-" || $0 == "+" })
    let rest = text.dropFirst(sign.count)
    let whole = rest.prefix(while: { $0.isASCII && $0.isNumber })
    var out = String(sign)
    for (index, digit) in whole.enumerated() {
      if index > 0 && (whole.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out + rest.dropFirst(whole.count)
  }

  private static func nonFinite(_ x: Double) -> String {
    x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
  }

  /// A whole value on one line: `0.375`, `[0.25, 0, -0.25]`, `[[1, 2], [3, 4]]`, `"adam"`.
  ///
  /// A tensor of more than `elementLimit` numbers is summarised instead, without formatting
  /// the rest: its first elements, `…`, its last two, and its size, as in
  /// `[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, …, 9.9, 10] (101 values)`.
  public static func compact(
    _ value: Value, significantDigits: Int = 6, elementLimit: Int = .max
  ) -> String {
    switch value {
    case .tensor(let t) where t.count > elementLimit:
      let storage = t.storage
      let head = storage.prefix(7).map { number($0, significantDigits: significantDigits) }
      let tail = storage.suffix(2).map { number($0, significantDigits: significantDigits) }
      let size = t.rank == 2 ? "\(t.shapeDescription), row by row" : "\(t.count) values"
      return "[" + (head + ["…"] + tail).joined(separator: ", ") + "] (\(size))"
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
        + items.map {
          compact($0, significantDigits: significantDigits, elementLimit: elementLimit)
        }.joined(separator: ", ") + ")"
    }
  }
}
