import Foundation
import LossLanguage

/// How a ``StepRecord`` is stored, in the progress file and in a progress export alike: one
/// decoder, bounded by ``ProgressLimits``, which cleans the text it keeps (both files come from
/// outside: a learner's disk, a learner's hand-in).
struct StoredStepRecord: Codable {
  var record: StepRecord

  init(_ record: StepRecord) { self.record = record }

  enum CodingKeys: String, CodingKey {
    case attempts, hints, skipped, misconceptions, answers
  }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let counts = 0...ProgressLimits.maximumCount
    let attempts = try container.decodeWholeNumber(.attempts, in: counts)
    let hints = try container.decodeWholeNumber(.hints, in: counts)
    let skipped = try container.decodeIfPresent(Bool.self, forKey: .skipped) ?? false
    let found = try container.decodeIfPresent([String: Int].self, forKey: .misconceptions) ?? [:]
    guard Self.isBounded(found) else {
      throw DecodingError.dataCorruptedError(
        forKey: .misconceptions, in: container,
        debugDescription:
          "has counts outside 0…\(ProgressLimits.maximumCount) or more than \(StepRecord.maxMisconceptions) names"
      )
    }
    let answers = try container.decodeIfPresent([String].self, forKey: .answers) ?? []
    record = Self.record(
      attempts: attempts, hints: hints, skipped: skipped, misconceptions: found, answers: answers)
  }

  /// At most ``StepRecord/maxMisconceptions`` names, each counted within ``ProgressLimits``.
  static func isBounded(_ misconceptions: [String: Int]) -> Bool {
    misconceptions.count <= StepRecord.maxMisconceptions
      && misconceptions.values.allSatisfy((0...ProgressLimits.maximumCount).contains)
  }

  /// The record of checked fields, its text cleaned and its answers bounded (both readers).
  static func record(
    attempts: Int, hints: Int, skipped: Bool, misconceptions found: [String: Int],
    answers: [String]
  ) -> StepRecord {
    var misconceptions: [String: Int] = [:]
    for (name, times) in found where times > 0 {
      misconceptions[Self.cleaned(name), default: 0] = ProgressLimits.added(
        misconceptions[Self.cleaned(name)] ?? 0, times)
    }
    return StepRecord(
      attempts: attempts, hints: hints, skipped: skipped, misconceptions: misconceptions,
      answers: answers.suffix(StepRecord.maxAnswers).map(Self.cleaned))
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(record.attempts, forKey: .attempts)
    try container.encode(record.hints, forKey: .hints)
    try container.encode(record.skipped, forKey: .skipped)
    try container.encode(record.misconceptions, forKey: .misconceptions)
    try container.encode(record.answers, forKey: .answers)
  }

  /// At most ``StepRecord/maxAnswerLength`` characters, with no control characters.
  private static func cleaned(_ text: String) -> String {
    PrintableText.sanitized(String(text.prefix(StepRecord.maxAnswerLength)), keepingNewlines: false)
  }
}

extension KeyedDecodingContainer {
  /// A whole number in `range` (0 when absent), or an error that says what was found and what
  /// was expected. Foundation would report a fraction for an `Int` as "not valid JSON".
  func decodeWholeNumber(_ key: Key, in range: ClosedRange<Int>) throws -> Int {
    let value: Int
    if let whole = try? decodeIfPresent(Int.self, forKey: key) {
      value = whole
    } else if let number = try? decode(Double.self, forKey: key) {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription:
          "is \(number); expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    } else {
      value = try decodeIfPresent(Int.self, forKey: key) ?? 0
    }
    guard range.contains(value) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription:
          "is \(value); expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }
}
