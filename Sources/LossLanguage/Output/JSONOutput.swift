import LossEngine

/// The `losslab eval --json` contract: one JSON object per expression, one per line.
///
/// `{"value": V, "grad": G}` where V is a number, an array or an array of arrays and G is the
/// gradient of a top-level loss call with respect to its first argument (or null);
/// `{"defined": NAME, "value": null, "grad": null}` for a `def`; `{"error": MESSAGE}` on failure.
/// Numbers print in Swift's shortest round-trip form; non-finite ones as "nan", "inf", "-inf".
///
/// A value of 10^7 elements is about 200 MB of text, so ``write(_:chunkBytes:to:)`` streams it in
/// pieces of about `chunkBytes` and never holds the whole line; ``line(for:)`` collects the same
/// pieces for small results and tests.
public enum JSONOutput {
  public static func line(for outcome: Outcome) -> String? {
    var line = ""
    write(outcome) { line += $0 }
    return line.isEmpty ? nil : line
  }

  public static func line(for error: LanguageError) -> String {
    "{\"error\": \(string(Diagnostic(error, source: nil).oneLine))}"
  }

  /// The line for `outcome` (nothing for ``Outcome/nothing``), without its newline, handed to
  /// `sink` in pieces of about `chunkBytes` UTF-8 bytes.
  public static func write<Failure: Error>(
    _ outcome: Outcome, chunkBytes: Int = 1 << 16, to sink: (String) throws(Failure) -> Void
  ) throws(Failure) {
    var out = Chunks<Failure>(limit: chunkBytes)
    switch outcome {
    case .nothing:
      return
    case .value(let value, let loss):
      try out.append("{\"value\": ", sink)
      try encode(value, into: &out, sink)
      try out.append(", \"grad\": ", sink)
      if let gradient = loss?.gradient {
        try encode(.tensor(gradient), into: &out, sink)
      } else {
        try out.append("null", sink)
      }
      try out.append("}", sink)
    case .assigned(_, let value):
      try out.append("{\"value\": ", sink)
      try encode(value, into: &out, sink)
      try out.append(", \"grad\": null}", sink)
    case .assignedSeveral(_, let values):
      try out.append("{\"value\": ", sink)
      try encode(.list(values), into: &out, sink)
      try out.append(", \"grad\": null}", sink)
    case .defined(let function):
      try out.append(
        "{\"defined\": \(string(function.name)), \"value\": null, \"grad\": null}", sink)
    }
    try out.flush(sink)
  }

  public static func encode(_ value: Value) -> String {
    var text = ""
    var out = Chunks<Never>(limit: .max)
    let collect: (String) -> Void = { text += $0 }
    encode(value, into: &out, collect)
    out.flush(collect)
    return text
  }

  private static func encode<Failure: Error>(
    _ value: Value, into out: inout Chunks<Failure>, _ sink: (String) throws(Failure) -> Void
  ) throws(Failure) {
    switch value {
    case .tensor(let t):
      if t.isScalar { return try out.append(number(t.storage[0]), sink) }
      let matrix = t.shape.count == 2
      let columns = matrix ? t.shape[1] : t.count
      let rows = matrix ? t.shape[0] : 1
      try out.append("[", sink)
      for row in 0..<rows {
        if matrix { try out.append(row == 0 ? "[" : ", [", sink) }
        for column in 0..<columns {
          if column > 0 { try out.append(", ", sink) }
          try out.append(number(t.storage[row * columns + column]), sink)
        }
        if matrix { try out.append("]", sink) }
      }
      try out.append("]", sink)
    case .string(let s):
      try out.append(string(s), sink)
    case .list(let items):
      try out.append("[", sink)
      for (index, item) in items.enumerated() {
        if index > 0 { try out.append(", ", sink) }
        try encode(item, into: &out, sink)
      }
      try out.append("]", sink)
    }
  }

  /// Text gathered until it reaches `limit` bytes, then handed to the sink.
  private struct Chunks<Failure: Error> {
    let limit: Int
    var pending = ""

    mutating func append(_ text: String, _ sink: (String) throws(Failure) -> Void) throws(Failure) {
      pending += text
      if pending.utf8.count >= limit { try flush(sink) }
    }

    mutating func flush(_ sink: (String) throws(Failure) -> Void) throws(Failure) {
      guard !pending.isEmpty else { return }
      let text = pending
      pending = ""
      try sink(text)
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
