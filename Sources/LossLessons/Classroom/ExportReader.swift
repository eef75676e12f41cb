import Foundation

/// Reads a well-formed progress export straight from its bytes, for `losslab report` over a
/// class of thousands: Foundation's `JSONDecoder` spends about 1 ms per export on its generic
/// containers (a class of 10,000 took over 10 s). Only the export's own shape is read, into the
/// same stored values the checked decoder makes, and then checked by the same code. Anything
/// this reader does not expect (an unknown escape, a duplicate key, a fraction where a count
/// goes, invalid UTF-8, a missing field) makes it give up with nil, and the checked decoder
/// reads the file and says what is wrong: it can change the speed, never the verdict.
struct ExportReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var at = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  static func read(_ data: Data) -> ProgressExportCoding.StoredExport? {
    data.withUnsafeBytes { raw in
      var reader = ExportReader(raw.bindMemory(to: UInt8.self))
      guard let export = reader.export() else { return nil }
      reader.skipSpace()
      return reader.at == reader.bytes.count ? export : nil
    }
  }

  // MARK: The export's shape

  private mutating func export() -> ProgressExportCoding.StoredExport? {
    var version: Int?
    var kind: String?
    var learner: String?
    var exported: Date?
    var lessons: [String: ProgressExportCoding.StoredLesson]?
    let complete = object { reader, key in
      switch key {
      case "format_version": return Self.once(&version, reader.integer())
      case "kind": return Self.once(&kind, reader.string())
      case "learner": return Self.once(&learner, reader.string())
      case "exported_at": return Self.once(&exported, reader.date())
      case "lessons": return Self.once(&lessons, reader.dictionary { $0.lesson() })
      default: return reader.skipValue()
      }
    }
    guard complete, let version, let kind, let learner, let exported, let lessons else {
      return nil
    }
    return ProgressExportCoding.StoredExport(
      formatVersion: version, kind: kind, learner: learner, exportedAt: exported,
      lessons: lessons)
  }

  private mutating func lesson() -> ProgressExportCoding.StoredLesson? {
    var completed: Date??
    var step: Int?
    var attempts: Int?
    var hints: Int?
    var skips: Int?
    var seconds: Double?
    var steps: [String: StoredStepRecord]?
    let complete = object { reader, key in
      switch key {
      case "completed_at":
        return Self.once(&completed, reader.null() ? .some(nil) : reader.date().map { $0 })
      case "step": return Self.once(&step, reader.integer())
      case "attempts": return Self.once(&attempts, reader.integer())
      case "hints": return Self.once(&hints, reader.integer())
      case "skips": return Self.once(&skips, reader.integer())
      case "seconds": return Self.once(&seconds, reader.number())
      case "steps": return Self.once(&steps, reader.dictionary { $0.stepRecord() })
      default: return reader.skipValue()
      }
    }
    guard complete, let step, let attempts, let hints, let skips, let seconds else { return nil }
    return ProgressExportCoding.StoredLesson(
      completedAt: completed ?? nil, step: step, attempts: attempts, hints: hints, skips: skips,
      seconds: seconds, steps: steps)
  }

  private mutating func stepRecord() -> StoredStepRecord? {
    var attempts: Int?
    var hints: Int?
    var skipped: Bool?
    var misconceptions: [String: Int]?
    var answers: [String]?
    let complete = object { reader, key in
      switch key {
      case "attempts": return Self.once(&attempts, reader.integer())
      case "hints": return Self.once(&hints, reader.integer())
      case "skipped": return Self.once(&skipped, reader.boolean())
      case "misconceptions": return Self.once(&misconceptions, reader.dictionary { $0.integer() })
      case "answers": return Self.once(&answers, reader.array { $0.string() })
      default: return reader.skipValue()
      }
    }
    let counts = 0...ProgressLimits.maximumCount
    guard complete, counts.contains(attempts ?? 0), counts.contains(hints ?? 0),
      StoredStepRecord.isBounded(misconceptions ?? [:])
    else { return nil }
    return StoredStepRecord(
      StoredStepRecord.record(
        attempts: attempts ?? 0, hints: hints ?? 0, skipped: skipped ?? false,
        misconceptions: misconceptions ?? [:], answers: answers ?? []))
  }

  /// Sets `slot` to `value` unless it is already set (a duplicate key) or `value` is nil.
  private static func once<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
    guard slot == nil, let value else { return false }
    slot = value
    return true
  }

  // MARK: JSON

  private mutating func skipSpace() {
    while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    skipSpace()
    guard at < bytes.count, bytes[at] == byte else { return false }
    at += 1
    return true
  }

  /// `{ "key": value, … }`, calling `field` for each key to read its value.
  private mutating func object(_ field: (inout ExportReader, String) -> Bool) -> Bool {
    guard take(UInt8(ascii: "{")) else { return false }
    if take(UInt8(ascii: "}")) { return true }
    repeat {
      guard let key = string(), take(UInt8(ascii: ":")), field(&self, key) else { return false }
    } while take(UInt8(ascii: ","))
    return take(UInt8(ascii: "}"))
  }

  /// An object read as a dictionary of `value`s; a repeated key gives up.
  private mutating func dictionary<Value>(_ value: (inout ExportReader) -> Value?) -> [String:
    Value]?
  {
    var found: [String: Value] = [:]
    let complete = object { reader, key in
      guard found[key] == nil, let item = value(&reader) else { return false }
      found[key] = item
      return true
    }
    return complete ? found : nil
  }

  private mutating func array<Value>(_ value: (inout ExportReader) -> Value?) -> [Value]? {
    guard take(UInt8(ascii: "[")) else { return nil }
    var items: [Value] = []
    if take(UInt8(ascii: "]")) { return items }
    repeat {
      guard let item = value(&self) else { return nil }
      items.append(item)
    } while take(UInt8(ascii: ","))
    return take(UInt8(ascii: "]")) ? items : nil
  }

  /// A string with the escapes JSON allows; invalid UTF-8 or a lone surrogate gives up.
  private mutating func string() -> String? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = at
    while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") {
      guard bytes[at] >= 0x20 else { return nil }
      at += 1
    }
    guard at < bytes.count else { return nil }
    if bytes[at] == UInt8(ascii: "\"") {
      at += 1
      return String(validating: bytes[start..<(at - 1)], as: UTF8.self)
    }
    var scalars = String.UnicodeScalarView()
    guard let plain = String(validating: bytes[start..<at], as: UTF8.self) else { return nil }
    scalars.append(contentsOf: plain.unicodeScalars)
    while at < bytes.count {
      let byte = bytes[at]
      if byte == UInt8(ascii: "\"") {
        at += 1
        return String(scalars)
      }
      if byte == UInt8(ascii: "\\") {
        guard let scalar = escape() else { return nil }
        scalars.append(scalar)
        continue
      }
      guard byte >= 0x20 else { return nil }
      let runStart = at
      while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"),
        bytes[at] >= 0x20
      {
        at += 1
      }
      guard let run = String(validating: bytes[runStart..<at], as: UTF8.self) else { return nil }
      scalars.append(contentsOf: run.unicodeScalars)
    }
    return nil
  }

  private mutating func escape() -> Unicode.Scalar? {
    guard at + 1 < bytes.count else { return nil }
    let letter = bytes[at + 1]
    at += 2
    switch letter {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      guard let high = hex4() else { return nil }
      if (0xD800..<0xDC00).contains(high) {
        guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"),
          bytes[at + 1] == UInt8(ascii: "u")
        else { return nil }
        at += 2
        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      }
      return Unicode.Scalar(high)
    default: return nil
    }
  }

  private mutating func hex4() -> UInt32? {
    guard at + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = Self.hexDigit(bytes[at]) else { return nil }
      value = value << 4 | digit
      at += 1
    }
    return value
  }

  private static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// The bytes of a JSON number (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`), or nil.
  private mutating func numberToken() -> (text: Substring, isWhole: Bool)? {
    skipSpace()
    let start = at
    func digits() -> Int {
      let first = at
      while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) {
        at += 1
      }
      return at - first
    }
    if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
    let leading = at
    let count = digits()
    guard count > 0, count == 1 || bytes[leading] != UInt8(ascii: "0") else { return nil }
    var isWhole = true
    if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
      at += 1
      isWhole = false
      guard digits() > 0 else { return nil }
    }
    if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
      at += 1
      isWhole = false
      if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") {
        at += 1
      }
      guard digits() > 0 else { return nil }
    }
    let text = String(decoding: bytes[start..<at], as: UTF8.self)
    return (Substring(text), isWhole)
  }

  /// A whole number written without a fraction or exponent (anything else: the checked
  /// decoder says what it is).
  private mutating func integer() -> Int? {
    guard let token = numberToken(), token.isWhole else { return nil }
    return Int(token.text)
  }

  private mutating func number() -> Double? {
    guard let token = numberToken(), let value = Double(token.text), value.isFinite else {
      return nil
    }
    return value
  }

  private mutating func literal(_ word: String) -> Bool {
    skipSpace()
    let count = word.utf8.count
    guard at + count <= bytes.count, word.utf8.elementsEqual(bytes[at..<(at + count)]) else {
      return false
    }
    at += count
    return true
  }

  private mutating func boolean() -> Bool? {
    if literal("true") { return true }
    if literal("false") { return false }
    return nil
  }

  private mutating func null() -> Bool { literal("null") }

  private mutating func date() -> Date? { string().flatMap(TimestampJSON.date(from:)) }

  /// Skips a value of a field this reader does not know (the checked decoder ignores them too).
  private mutating func skipValue() -> Bool {
    skipSpace()
    guard at < bytes.count else { return false }
    switch bytes[at] {
    case UInt8(ascii: "{"): return object { reader, _ in reader.skipValue() }
    case UInt8(ascii: "["): return array { $0.skipValue() ? true : nil } != nil
    case UInt8(ascii: "\""): return string() != nil
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return boolean() != nil
    case UInt8(ascii: "n"): return null()
    default: return numberToken() != nil
    }
  }
}
