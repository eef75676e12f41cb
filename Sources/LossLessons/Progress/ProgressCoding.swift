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
/// file still loads; anything that isn't JSON of this shape, or holds a value outside
/// ``ProgressLimits`` (a negative count, a step no lesson has, a count near `Int.max` that would
/// overflow at the next try), is "corrupt".
enum ProgressCoding {
  enum Problem: Error {
    case notProgress(String)
    case newerVersion(Int)
  }

  static func encode(_ file: ProgressFile) throws -> Data {
    var data = try TimestampJSON.encoder().encode(StoredFile(file))
    data.append(0x0A)
    return data
  }

  static func decode(_ data: Data) -> Result<ProgressFile, Problem> {
    let decoder = TimestampJSON.decoder()
    do {
      let version = try decoder.decode(VersionOnly.self, from: data).formatVersion
      guard version <= ProgressFile.formatVersion else { return .failure(.newerVersion(version)) }
      guard version >= 1 else { return .failure(.notProgress("format_version \(version)")) }
      return .success(try decoder.decode(StoredFile.self, from: data).progress)
    } catch DecodingError.dataCorrupted(let context)
      where context.codingPath.isEmpty && (try? JSONSerialization.jsonObject(with: data)) != nil
    {
      // Valid JSON that Foundation still calls invalid: a value of the wrong kind somewhere.
      return .failure(.notProgress("a value is not of the kind the progress format expects"))
    } catch {
      return .failure(.notProgress(describe(error)))
    }
  }

  /// What was wrong and where, e.g. "learners.ada.lessons.darts.attempts is
  /// 9223372036854775807; expected a whole number from 0 to 1000000000".
  private static func describe(_ error: Error) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map(\.stringValue).joined(separator: ".")
    }
    switch error {
    case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
      return "not valid JSON (\(context.debugDescription))"
    case DecodingError.dataCorrupted(let context):
      return "\(path(context)) \(context.debugDescription)"
    case DecodingError.keyNotFound(let key, let context):
      return context.codingPath.isEmpty
        ? "no '\(key.stringValue)'" : "no '\(key.stringValue)' in \(path(context))"
    case DecodingError.typeMismatch(let type, let context),
      DecodingError.valueNotFound(let type, let context):
      let expected = "expected \(expectedKind(type))"
      return context.codingPath.isEmpty
        ? "unexpected value at the top level; \(expected)"
        : "unexpected value at \(path(context)); \(expected)"
    default:
      return "\(error)"
    }
  }

  private static func expectedKind(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is String.Type: "text"
    default: "an object of the progress format"
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

    init(lesson: String?, step: Int, updatedAt: Date) {
      self.lesson = lesson
      self.step = step
      self.updatedAt = updatedAt
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      lesson = try container.decodeIfPresent(String.self, forKey: .lesson)
      step = try container.decodeWholeNumber(.step, in: 0...ProgressLimits.maximumStep)
      updatedAt = try container.decode(Date.self, forKey: .updatedAt)
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
          lesson: position.lesson, step: position.step, updatedAt: position.updatedAt),
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
    var steps: [String: StoredStepRecord]

    enum CodingKeys: String, CodingKey {
      case step, attempts, skips, steps
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
      steps = Dictionary(
        uniqueKeysWithValues: lesson.steps.map { (String($0.key), StoredStepRecord($0.value)) })
    }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      startedAt = try container.decode(Date.self, forKey: .startedAt)
      updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? startedAt
      step = try container.decodeWholeNumber(.step, in: 0...ProgressLimits.maximumStep)
      completedAt = try container.decodeIfPresent(Date.self, forKey: .completedAt)
      let counts = 0...ProgressLimits.maximumCount
      attempts = try container.decodeWholeNumber(.attempts, in: counts)
      hintsUsed = try container.decodeWholeNumber(.hintsUsed, in: counts)
      skips = try container.decodeWholeNumber(.skips, in: counts)
      secondsSpent = try container.decodeIfPresent(Double.self, forKey: .secondsSpent) ?? 0
      guard (0...ProgressLimits.maximumSeconds).contains(secondsSpent) else {
        throw DecodingError.dataCorruptedError(
          forKey: .secondsSpent, in: container,
          debugDescription:
            "is \(secondsSpent); expected a number of seconds from 0 to \(Int(ProgressLimits.maximumSeconds))"
        )
      }
      steps = try container.decodeIfPresent([String: StoredStepRecord].self, forKey: .steps) ?? [:]
      for key in steps.keys
      where Int(key).map({ !(0...ProgressLimits.maximumStep).contains($0) }) ?? true {
        throw DecodingError.dataCorruptedError(
          forKey: .steps, in: container,
          debugDescription:
            "has '\(key.prefix(20))'; expected step numbers from 0 to \(ProgressLimits.maximumStep)"
        )
      }
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
      if !steps.isEmpty { try container.encode(steps, forKey: .steps) }
    }

    var progress: LessonProgress {
      LessonProgress(
        step: step, completedAt: completedAt, attempts: attempts, hintsUsed: hintsUsed,
        skips: skips, secondsSpent: secondsSpent, startedAt: startedAt, updatedAt: updatedAt,
        steps: steps.reduce(into: [:]) { steps, entry in
          if let step = Int(entry.key) { steps[step] = entry.value.record }
        })
    }
  }
}

extension ProgressFile {
  /// Reads the bytes of a progress file, range checks included; throws the one-line reason
  /// when they are not progress this LossLab can use. For tools and the fuzz targets; the
  /// shell goes through `ProgressStore`.
  public init(decoding data: Data) throws(ProgressStoreError) {
    switch ProgressCoding.decode(data) {
    case .success(let file): self = file
    case .failure(.newerVersion(let version)):
      throw ProgressStoreError(description: "written by a newer LossLab (format \(version))")
    case .failure(.notProgress(let reason)):
      throw ProgressStoreError(description: reason)
    }
  }

  /// The bytes `ProgressStore` writes for this file.
  public func encoded() throws -> Data { try ProgressCoding.encode(self) }
}
