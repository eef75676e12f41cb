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

  /// A count or a size as messages give it, grouped: `10,000,000`.
  public static func groupedCount(_ n: Int) -> String { groupingThousands(String(n)) }

  /// A whole number that came from the learner (an index, an axis) in full and grouped
  /// (`9,223,372,036,854,775,808` for 2^63, where six digits would show 9.22337e+18 and hide
  /// that it is whole); in scientific form from 1e21 on.
  public static func wholeNumber(_ x: Double) -> String {
    Swift.abs(x) < 1e21 ? groupingThousands(fixed(x, decimals: 0)) : number(x)
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
  /// A tensor of more than `elementLimit` numbers is ``summary(_:significantDigits:ellipsis:)``
  /// instead, without formatting the rest.
  public static func compact(
    _ value: Value, significantDigits: Int = 6, elementLimit: Int = .max
  ) -> String {
    switch value {
    case .tensor(let t) where t.count > elementLimit:
      return summary(t, significantDigits: significantDigits)
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

  /// A value on one line with long vectors and matrices cut short, reading only the elements
  /// it shows: `[1, 2, 3, 4, 5, 6, 7, …, 99, 100] (100 values)`; a matrix shows at most 6
  /// numbers of a row and, past 6 rows, its first 3 rows and its last, then its shape.
  public static func summary(
    _ value: Value, significantDigits: Int = 6, ellipsis: String = "…"
  ) -> String {
    switch value {
    case .tensor(let t): return summary(t, significantDigits: significantDigits, ellipsis: ellipsis)
    case .string(let s): return "\"\(s)\""
    case .list(let items):
      return "("
        + items.map { summary($0, significantDigits: significantDigits, ellipsis: ellipsis) }
        .joined(separator: ", ") + ")"
    }
  }

  /// ``summary(_:significantDigits:ellipsis:)`` of a tensor.
  public static func summary(
    _ tensor: Tensor, significantDigits: Int = 6, ellipsis: String = "…"
  ) -> String {
    let storage = tensor.storage
    func elements(_ range: Range<Int>, limit: Int) -> String {
      summarisedElements(
        storage[range], limit: limit, significantDigits: significantDigits, ellipsis: ellipsis)
    }
    switch tensor.rank {
    case 0: return number(storage.first ?? 0, significantDigits: significantDigits)
    case 1:
      let body = "[" + elements(0..<storage.count, limit: 10) + "]"
      return storage.count > 10 ? body + " (\(storage.count) values)" : body
    default:
      let rows = tensor.shape[0]
      let columns = tensor.shape[1]
      let row = { (r: Int) in "[" + elements(r * columns..<(r + 1) * columns, limit: 6) + "]" }
      var parts = (0..<(rows > 6 ? 3 : rows)).map(row)
      if rows > 6 { parts += [ellipsis, row(rows - 1)] }
      let body = "[" + parts.joined(separator: ", ") + "]"
      return rows > 6 || columns > 6 ? body + " (\(tensor.shapeDescription))" : body
    }
  }

  /// At most `limit` of `values`, the first ones, `ellipsis` and the last two: `1, 2, …, 9, 10`.
  public static func summarisedElements<Numbers: RandomAccessCollection<Double>>(
    _ values: Numbers, limit: Int = 10, significantDigits: Int = 6, ellipsis: String = "…"
  ) -> String {
    let shown = { (x: Double) in number(x, significantDigits: significantDigits) }
    guard values.count > limit else { return values.map(shown).joined(separator: ", ") }
    return (values.prefix(max(0, limit - 3)).map(shown) + [ellipsis] + values.suffix(2).map(shown))
      .joined(separator: ", ")
  }
}
