import Foundation
import LossLanguage

/// Reads and writes ``ProgressExport`` files. An export comes back from a learner's machine, so
/// reading it trusts nothing: every number is range-checked, every name checked or cleaned, and
/// a file that breaks a rule is refused with the rule it broke.
public enum ProgressExportCoding {
  /// Why an export was refused.
  public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
  }

  /// Larger than any real record (200 steps × 20 answers of 200 characters is under 1 MiB).
  public static let maxFileSize = 2 << 20
  /// Bounds on what one record may claim: the progress file's (``ProgressLimits``), with steps
  /// numbered from 1.
  public static let maxCount = ProgressLimits.maximumCount
  public static let maxSeconds = ProgressLimits.maximumSeconds
  public static let maxStep = ProgressLimits.maximumStep + 1
  public static let maxLessons = 1_000

  public static func encode(_ export: ProgressExport) throws -> Data {
    var data = try TimestampJSON.encoder().encode(StoredExport(export))
    data.append(0x0A)
    return data
  }

  /// Writes an export atomically (a reader never sees half a file), creating no folders.
  public static func write(_ data: Data, to path: String) throws {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    try POSIXFiles.atomicallyReplace(absolute, with: data, temporaryPrefix: ".losslab-export.tmp-")
  }

  public static func decode(_ data: Data) -> Result<ProgressExport, Problem> {
    guard data.count <= maxFileSize else {
      return .failure(
        Problem(description: "it is \(data.count) bytes; an export is at most \(maxFileSize)"))
    }
    // The fast reader takes a well-formed export; anything else is left to the checked
    // decoder, which says what is wrong (see ExportReader).
    if let export = fastDecode(data) { return .success(export) }
    return checkedDecode(data)
  }

  /// A well-formed export read by ``ExportReader`` and checked; nil for anything else.
  static func fastDecode(_ data: Data) -> ProgressExport? {
    guard let stored = ExportReader.read(data), stored.kind == ProgressExport.kind,
      stored.formatVersion == ProgressExport.formatVersion,
      case .success(let export)? = try? stored.checked()
    else { return nil }
    return export
  }

  /// The export read by Foundation's decoder, every rule checked and every refusal worded.
  static func checkedDecode(_ data: Data) -> Result<ProgressExport, Problem> {
    let decoder = TimestampJSON.decoder()
    do {
      let header = try decoder.decode(Header.self, from: data)
      guard header.kind == ProgressExport.kind else {
        return .failure(Problem(description: "it is not a LossLab progress export"))
      }
      guard header.formatVersion == ProgressExport.formatVersion else {
        return .failure(
          Problem(
            description:
              "it has format_version \(header.formatVersion); this LossLab reads \(ProgressExport.formatVersion)"
          ))
      }
      return try decoder.decode(StoredExport.self, from: data).checked()
    } catch {
      return .failure(Problem(description: describe(error)))
    }
  }

  private static func describe(_ error: Error) -> String {
    switch error {
    case let problem as Problem:
      problem.description
    case DecodingError.dataCorrupted(let context):
      context.codingPath.isEmpty
        ? "it is not valid JSON"
        : "\(path(context.codingPath)): \(context.debugDescription)"
    case DecodingError.keyNotFound(let key, let context):
      "\(path(context.codingPath + [key])) is missing"
    case DecodingError.typeMismatch(let type, let context),
      DecodingError.valueNotFound(let type, let context):
      "\(path(context.codingPath)) should be \(typeName(type))"
    default:
      "it could not be read"
    }
  }

  private static func path(_ keys: [CodingKey]) -> String {
    keys.isEmpty ? "the top level" : "'" + keys.map(\.stringValue).joined(separator: ".") + "'"
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type, is Double.Type: "a number"
    case is String.Type: "text"
    case is Bool.Type: "true or false"
    default: "an object or list of the export's shape"
    }
  }

  // MARK: Stored shapes

  private struct Header: Decodable {
    var formatVersion: Int
    var kind: String
    enum CodingKeys: String, CodingKey {
      case formatVersion = "format_version"
      case kind
    }
  }

  struct StoredExport: Codable {
    var formatVersion: Int
    var kind: String
    var learner: String
    var exportedAt: Date
    var lessons: [String: StoredLesson]

    enum CodingKeys: String, CodingKey {
      case formatVersion = "format_version"
      case kind, learner, lessons
      case exportedAt = "exported_at"
    }

    init(
      formatVersion: Int, kind: String, learner: String, exportedAt: Date,
      lessons: [String: StoredLesson]
    ) {
      self.formatVersion = formatVersion
      self.kind = kind
      self.learner = learner
      self.exportedAt = exportedAt
      self.lessons = lessons
    }

    init(_ export: ProgressExport) {
      formatVersion = ProgressExport.formatVersion
      kind = ProgressExport.kind
      learner = export.learner
      exportedAt = export.exportedAt
      lessons = export.lessons.mapValues(StoredLesson.init)
    }

    func checked() throws(Problem) -> Result<ProgressExport, Problem> {
      guard let name = LearnerName.cleaned(learner) else {
        throw Problem(description: "'learner' is not a usable name")
      }
      guard lessons.count <= maxLessons else {
        throw Problem(description: "it lists \(lessons.count) lessons; at most \(maxLessons)")
      }
      var checkedLessons: [String: ProgressExport.Lesson] = [:]
      for (id, lesson) in lessons {
        guard LessonID(validating: id) != nil else {
          throw Problem(
            description:
              "'\(PrintableText.sanitized(String(id.prefix(48)), keepingNewlines: false))' is not a lesson id"
          )
        }
        checkedLessons[id] = try lesson.checked(in: id)
      }
      return .success(
        ProgressExport(learner: name, exportedAt: exportedAt, lessons: checkedLessons))
    }
  }

  struct StoredLesson: Codable {
    var completedAt: Date?
    var step: Int
    var attempts: Int
    var hints: Int
    var skips: Int
    var seconds: Double
    var steps: [String: StoredStepRecord]?

    enum CodingKeys: String, CodingKey {
      case step, attempts, hints, skips, seconds, steps
      case completedAt = "completed_at"
    }

    init(
      completedAt: Date?, step: Int, attempts: Int, hints: Int, skips: Int, seconds: Double,
      steps: [String: StoredStepRecord]?
    ) {
      self.completedAt = completedAt
      self.step = step
      self.attempts = attempts
      self.hints = hints
      self.skips = skips
      self.seconds = seconds
      self.steps = steps
    }

    init(_ lesson: ProgressExport.Lesson) {
      completedAt = lesson.completedAt
      step = lesson.step
      attempts = lesson.attempts
      hints = lesson.hints
      skips = lesson.skips
      seconds = lesson.seconds
      steps = Dictionary(
        uniqueKeysWithValues: lesson.steps.map { (String($0.key), StoredStepRecord($0.value)) })
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(completedAt, forKey: .completedAt)  // an explicit null: not finished
      try container.encode(step, forKey: .step)
      try container.encode(attempts, forKey: .attempts)
      try container.encode(hints, forKey: .hints)
      try container.encode(skips, forKey: .skips)
      try container.encode(seconds, forKey: .seconds)
      try container.encodeIfPresent(steps, forKey: .steps)
    }

    func checked(in id: String) throws(Problem) -> ProgressExport.Lesson {
      let at = "lesson '\(id)'"
      try count(step, "\(at): 'step'", in: 1...maxStep)
      try count(attempts, "\(at): 'attempts'")
      try count(hints, "\(at): 'hints'")
      try count(skips, "\(at): 'skips'")
      guard seconds.isFinite, (0...maxSeconds).contains(seconds) else {
        throw Problem(description: "\(at): 'seconds' must be a time from 0 to \(Int(maxSeconds))")
      }
      var checkedSteps: [Int: StepRecord] = [:]
      for (key, record) in steps ?? [:] {
        guard let number = Int(key), (1...maxStep).contains(number) else {
          throw Problem(
            description:
              "\(at): step '\(PrintableText.sanitized(String(key.prefix(20)), keepingNewlines: false))' is not a step number"
          )
        }
        checkedSteps[number] = record.record
      }
      return ProgressExport.Lesson(
        completedAt: completedAt, step: step, attempts: attempts, hints: hints, skips: skips,
        seconds: seconds, steps: checkedSteps)
    }
  }

  private static func count(
    _ value: Int, _ name: String, in range: ClosedRange<Int> = 0...maxCount
  ) throws(Problem) {
    guard range.contains(value) else {
      throw Problem(
        description:
          "\(name) is \(value); expected a whole number from \(range.lowerBound) to \(range.upperBound)"
      )
    }
  }
}
