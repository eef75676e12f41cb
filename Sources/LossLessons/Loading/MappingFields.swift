import LossLanguage
internal import Yams

/// The fields of one YAML mapping (the lesson, a step, a feedback entry, …) as a decoder sees
/// them: unknown keys are reported once, with a suggestion, and each field is read with the
/// reader that knows its type.
struct MappingFields {
  let reader: LessonReader
  let node: Node
  /// How the mapping is named in messages: "the lesson", "this predict step".
  let name: String
  private let values: [String: Node]

  /// Nil (after a diagnostic) when `node` isn't a mapping.
  init?(_ node: Node, name: String, field: String, reader: LessonReader) {
    guard case .mapping(let mapping) = node else {
      reader.reportMismatch(node, field: field, expected: "a mapping of key: value lines")
      return nil
    }
    self.reader = reader
    self.node = node
    self.name = name
    var values: [String: Node] = [:]
    for (key, value) in mapping {
      if let word = key.string { values[word] = value }
    }
    self.values = values
  }

  var position: SourcePosition { reader.position(of: node) }

  func has(_ key: String) -> Bool { values[key] != nil }

  /// Reports keys outside `allowed`. `elsewhere` names where a known-but-misplaced key belongs
  /// ("it belongs to predict and tweak steps").
  func rejectUnknown(allowed: [String], elsewhere: (String) -> String? = { _ in nil }) {
    guard case .mapping(let mapping) = node else { return }
    for key in mapping.keys {
      guard let word = key.string, !allowed.contains(word) else { continue }
      let here = reader.position(of: key)
      if let owner = elsewhere(word) {
        reader.error("'\(word)' is not a field of \(name); \(owner)", at: here)
      } else if let suggestion = Suggestions.closest(to: word, among: allowed) {
        reader.error(
          "unknown field '\(word)' in \(name) — did you mean '\(suggestion)'?", at: here)
      } else {
        let expected = WordList.joined(allowed, conjunction: "or")
        reader.error("unknown field '\(word)' in \(name); expected one of \(expected)", at: here)
      }
    }
  }

  /// The field's value read by `read`; a diagnostic when it is missing or empty.
  func required<Value>(
    _ key: String, expected: String, _ read: (Node, String) -> Value?
  ) -> Value? {
    guard let value = values[key] else {
      reader.error("\(name) has no '\(key)'; expected \(key): \(expected)", at: position)
      return nil
    }
    guard !reader.isNull(value) else {
      reader.error(
        "'\(key)' is empty; expected \(key): \(expected)", at: reader.position(of: value))
      return nil
    }
    return read(value, key)
  }

  /// The field's value read by `read`, or nil when absent; an empty value is reported, since it
  /// usually means something was forgotten.
  func optional<Value>(
    _ key: String, expected: String, _ read: (Node, String) -> Value?
  ) -> Value? {
    guard let value = values[key] else { return nil }
    guard !reader.isNull(value) else {
      reader.error(
        "'\(key)' is empty; expected \(key): \(expected), or no '\(key)' line at all",
        at: reader.position(of: value))
      return nil
    }
    return read(value, key)
  }

  /// The raw node, for fields with their own structure.
  func node(_ key: String) -> Node? { values[key] }

  /// A list whose items are mappings (feedback entries, options, …), each decoded by `decode`
  /// as `itemName` ("this feedback entry"). Nil when absent, not a list, or out of `count`.
  func entries<Entry>(
    _ key: String, required isRequired: Bool, expected: String, count: ClosedRange<Int>,
    itemName: String, allowed: [String], decode: (MappingFields) -> Entry?
  ) -> [Entry]? {
    let read = { (node: Node, field: String) -> [Entry]? in
      guard let items = self.reader.list(node, field: field, count: count) else { return nil }
      let decoded = items.map { item -> Entry? in
        guard let fields = MappingFields(item, name: itemName, field: field, reader: self.reader)
        else { return nil }
        fields.rejectUnknown(allowed: allowed)
        return decode(fields)
      }
      let complete = decoded.compactMap { $0 }
      return complete.count == decoded.count ? complete : nil
    }
    return isRequired
      ? required(key, expected: expected, read) : optional(key, expected: expected, read)
  }
}
