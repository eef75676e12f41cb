import LossEngine

/// The `losslab eval --json` contract: one JSON object per expression, one per line.
///
/// `{"value": V, "grad": G}` where V is a number, an array or an array of arrays and G is the
/// gradient of a top-level loss call with respect to its first argument (or null);
/// `{"defined": NAME, "value": null, "grad": null}` for a `def`; `{"error": MESSAGE}` on failure.
/// Numbers print in Swift's shortest round-trip form; non-finite ones as "nan", "inf", "-inf".
public enum JSONOutput {
  public static func line(for outcome: Outcome) -> String? {
    switch outcome {
    case .nothing:
      return nil
    case .value(let value, let loss):
      return
        "{\"value\": \(encode(value)), \"grad\": \(loss?.gradient.map { encode(.tensor($0)) } ?? "null")}"
    case .assigned(_, let value):
      return "{\"value\": \(encode(value)), \"grad\": null}"
    case .defined(let function):
      return "{\"defined\": \(string(function.name)), \"value\": null, \"grad\": null}"
    }
  }

  public static func line(for error: LanguageError) -> String {
    "{\"error\": \(string(error.oneLine))}"
  }

  public static func encode(_ value: Value) -> String {
    switch value {
    case .tensor(let t):
      switch t.nested {
      case .scalar(let x): return number(x)
      case .vector(let xs): return "[" + xs.map(number).joined(separator: ", ") + "]"
      case .matrix(let rows):
        return "["
          + rows.map { "[" + $0.map(number).joined(separator: ", ") + "]" }.joined(separator: ", ")
          + "]"
      }
    case .string(let s): return string(s)
    case .list(let items): return "[" + items.map(encode).joined(separator: ", ") + "]"
    }
  }

  public static func number(_ x: Double) -> String {
    if x.isNaN { return "\"nan\"" }
    if x.isInfinite { return x < 0 ? "\"-inf\"" : "\"inf\"" }
    return "\(x)"
  }

  /// A JSON string literal with the required escapes.
  public static func string(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
