import Foundation

/// The JSON form of the progress file (`format_version` 1):
///
/// ```json
/// { "format_version": 1,
///   "learners": { "ada": {
///       "started_at": "2025-01-01T10:00:00.000Z", "updated_at": "…",
///       "position": { "lesson": "darts", "step": 3, "updated_at": "…" },
///       "lessons": { "darts": { "step": 3, "completed_at": null, "attempts": 5,
///           "hints_used": 1, "skips": 0, "seconds_spent": 120.5,
///           "started_at": "…", "updated_at": "…" } } } } }
/// ```
///
/// Missing counters read as 0 and unknown keys are ignored, so a hand-edited or slightly older
/// file still loads; anything that isn't JSON of this shape is "corrupt".
enum ProgressCoding {
  enum Problem: Error {
    case notProgress(String)
    case newerVersion(Int)
  }

  static func encode(_ file: ProgressFile) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(date.formatted(timestampStyle))
    }
    var data = try encoder.encode(StoredFile(file))
    data.append(0x0A)
    return data
  }

  static func decode(_ data: Data) -> Result<ProgressFile, Problem> {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      if let date = (try? timestampStyle.parse(text))
        ?? (try? Date.ISO8601FormatStyle().parse(text))
      {
        return date
      }
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not an ISO 8601 time: \(text)")
    }
    do {
      let version = try decoder.decode(VersionOnly.self, from: data).formatVersion
      guard version <= ProgressFile.formatVersion else { return .failure(.newerVersion(version)) }
      guard version >= 1 else { return .failure(.notProgress("format_version \(version)")) }
      return .success(try decoder.decode(StoredFile.self, from: data).progress)
    } catch {
      return .failure(.notProgress(describe(error)))
    }
  }

  private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

  private static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context):
      "not valid JSON (\(context.debugDescription))"
    case DecodingError.keyNotFound(let key, _):
      "no '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      context.codingPath.isEmpty
        ? "unexpected value at the top level"
        : "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    default:
      "\(error)"
    }
  }

  // MARK: Stored shapes

  private struct VersionOnly: Decodable {
    var formatVersion: Int
    enum CodingKeys: String, CodingKey { case formatVersion = "format_version" }
  }

  private struct StoredFile: Codable {
    var formatVersion: Int
    var learners: [String: StoredLearner]

    enum CodingKeys: String, CodingKey {
      case formatVersion = "format_version"
      case learners
    }

    init(_ file: ProgressFile) {
      formatVersion = ProgressFile.formatVersion
      learners = file.learners.mapValues(StoredLearner.init)
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      formatVersion = try container.decode(Int.self, forKey: .formatVersion)
      learners =
        try container.decodeIfPresent([String: StoredLearner].self, forKey: .learners) ?? [:]
    }

    var progress: ProgressFile { ProgressFile(learners: learners.mapValues(\.progress)) }
  }

  private struct StoredPosition: Codable {
    var lesson: String?
    var step: Int
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
      case lesson, step
      case updatedAt = "updated_at"
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(lesson, forKey: .lesson)  // an explicit null: "no lesson in progress"
      try container.encode(step, forKey: .step)
      try container.encode(updatedAt, forKey: .updatedAt)
    }
  }

  private struct StoredLearner: Codable {
    var position: StoredPosition
    var lessons: [String: StoredLesson]
    var startedAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
      case position, lessons
      case startedAt = "started_at"
      case updatedAt = "updated_at"
    }

    init(_ learner: LearnerProgress) {
      position = StoredPosition(
        lesson: learner.position.lesson, step: learner.position.step,
        updatedAt: learner.position.updatedAt)
      lessons = learner.lessons.mapValues(StoredLesson.init)
      startedAt = learner.startedAt
      updatedAt = learner.updatedAt
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      startedAt = try container.decode(Date.self, forKey: .startedAt)
      updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? startedAt
      position =
        try container.decodeIfPresent(StoredPosition.self, forKey: .position)
        ?? StoredPosition(lesson: nil, step: 0, updatedAt: startedAt)
      lessons = try container.decodeIfPresent([String: StoredLesson].self, forKey: .lessons) ?? [:]
    }

    var progress: LearnerProgress {
      LearnerProgress(
        position: .init(
          lesson: position.lesson, step: max(0, position.step), updatedAt: position.updatedAt),
        lessons: lessons.mapValues(\.progress), startedAt: startedAt, updatedAt: updatedAt)
    }
  }

  private struct StoredLesson: Codable {
    var step: Int
    var completedAt: Date?
    var attempts: Int
    var hintsUsed: Int
    var skips: Int
    var secondsSpent: Double
    var startedAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
      case step, attempts, skips
      case completedAt = "completed_at"
      case hintsUsed = "hints_used"
      case secondsSpent = "seconds_spent"
      case startedAt = "started_at"
      case updatedAt = "updated_at"
    }

    init(_ lesson: LessonProgress) {
      step = lesson.step
      completedAt = lesson.completedAt
      attempts = lesson.attempts
      hintsUsed = lesson.hintsUsed
      skips = lesson.skips
      secondsSpent = lesson.secondsSpent
      startedAt = lesson.startedAt
      updatedAt = lesson.updatedAt
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      startedAt = try container.decode(Date.self, forKey: .startedAt)
      updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? startedAt
      step = try container.decodeIfPresent(Int.self, forKey: .step) ?? 0
      completedAt = try container.decodeIfPresent(Date.self, forKey: .completedAt)
      attempts = try container.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
      hintsUsed = try container.decodeIfPresent(Int.self, forKey: .hintsUsed) ?? 0
      skips = try container.decodeIfPresent(Int.self, forKey: .skips) ?? 0
      secondsSpent = try container.decodeIfPresent(Double.self, forKey: .secondsSpent) ?? 0
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(step, forKey: .step)
      try container.encode(completedAt, forKey: .completedAt)
      try container.encode(attempts, forKey: .attempts)
      try container.encode(hintsUsed, forKey: .hintsUsed)
      try container.encode(skips, forKey: .skips)
      try container.encode(secondsSpent, forKey: .secondsSpent)
      try container.encode(startedAt, forKey: .startedAt)
      try container.encode(updatedAt, forKey: .updatedAt)
    }

    var progress: LessonProgress {
      LessonProgress(
        step: max(0, step), completedAt: completedAt, attempts: max(0, attempts),
        hintsUsed: max(0, hintsUsed), skips: max(0, skips),
        secondsSpent: secondsSpent.isFinite ? max(0, secondsSpent) : 0, startedAt: startedAt,
        updatedAt: updatedAt)
    }
  }
}
