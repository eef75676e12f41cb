import Foundation

/// Where a class stands and where it struggled, from a folder of progress exports: who finished
/// what, the median time per lesson, the steps where most learners needed a hint or skipped, and
/// the most common known wrong answers (misconceptions) per step.
public struct ClassReport: Sendable, Equatable {
  /// What the report knows of a lesson besides the exports (from the lesson library): its
  /// title and menu order. Lessons the exports name but the library doesn't are shown by id.
  public struct LessonInfo: Sendable, Equatable {
    public var id: String
    public var title: String
    public var order: Int
    public var stepTitles: [Int: String]

    public init(id: String, title: String, order: Int, stepTitles: [Int: String] = [:]) {
      self.id = id
      self.title = title
      self.order = order
      self.stepTitles = stepTitles
    }
  }

  public struct LessonSummary: Sendable, Equatable {
    public var id: String
    public var title: String
    public var started: Int
    public var finished: Int
    /// Of the learners who finished; nil when nobody has.
    public var medianMinutes: Double?
    public var hints: Int
    public var skips: Int
  }

  /// A step where learners needed help: how many asked for a hint, how many skipped.
  public struct StepTrouble: Sendable, Equatable {
    public var lesson: String
    public var step: Int
    public var title: String?
    /// Learners who took a hint or skipped here.
    public var learnersHelped: Int
    public var learnersWithHints: Int
    public var learnersSkipped: Int
  }

  public struct Misconception: Sendable, Equatable {
    public var lesson: String
    public var step: Int
    public var name: String
    /// How many learners hit it, and how often in all.
    public var learners: Int
    public var times: Int
  }

  public struct LearnerRow: Sendable, Equatable {
    public var learner: String
    /// Per lesson id: nil when not started, else the step reached (1-based) and whether finished.
    public var lessons: [String: (step: Int, finished: Bool)]

    public static func == (a: LearnerRow, b: LearnerRow) -> Bool {
      a.learner == b.learner && a.lessons.count == b.lessons.count
        && a.lessons.allSatisfy { key, value in
          b.lessons[key].map { $0.step == value.step && $0.finished == value.finished } ?? false
        }
    }
  }

  public var learners: Int
  public var filesRead: Int
  public var lessons: [LessonSummary]
  public var struggles: [StepTrouble]
  public var misconceptions: [Misconception]
  public var rows: [LearnerRow]
  public var skipped: [ExportFolder.Skipped]
  public var duplicates: [ExportFolder.Duplicate]

  /// How many steps and misconceptions the report lists (the worst first).
  public static let topCount = 10

  public init(_ folder: ExportFolder, catalog: [LessonInfo]) {
    let exports = folder.exports
    let known = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let mentioned = Set(exports.flatMap(\.lessons.keys))
    let ordered =
      catalog.filter { mentioned.contains($0.id) }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
      .map(\.id) + mentioned.subtracting(known.keys).sorted()

    learners = exports.count
    filesRead = folder.filesRead
    skipped = folder.skipped
    duplicates = folder.duplicates
    lessons = ordered.map { id in
      let records = exports.compactMap { $0.lessons[id] }
      let finishedTimes = records.filter(\.isCompleted).map(\.seconds)
      return LessonSummary(
        id: id, title: known[id]?.title ?? id, started: records.count,
        finished: finishedTimes.count, medianMinutes: Self.median(finishedTimes).map { $0 / 60 },
        hints: records.reduce(0) { $0 + $1.hints }, skips: records.reduce(0) { $0 + $1.skips })
    }

    var trouble: [StepKey: (hints: Int, skips: Int, either: Int)] = [:]
    var found: [MisconceptionKey: (learners: Int, times: Int)] = [:]
    for export in exports {
      for (id, lesson) in export.lessons {
        for (step, record) in lesson.steps {
          let key = StepKey(lesson: id, step: step)
          if record.hints > 0 || record.skipped {
            var counts = trouble[key] ?? (0, 0, 0)
            if record.hints > 0 { counts.hints += 1 }
            if record.skipped { counts.skips += 1 }
            counts.either += 1
            trouble[key] = counts
          }
          for (name, times) in record.misconceptions where times > 0 {
            let misKey = MisconceptionKey(lesson: id, step: step, name: name)
            var counts = found[misKey] ?? (0, 0)
            counts.learners += 1
            counts.times += times
            found[misKey] = counts
          }
        }
      }
    }
    let rank = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
    struggles = trouble.map { key, counts in
      StepTrouble(
        lesson: key.lesson, step: key.step, title: known[key.lesson]?.stepTitles[key.step],
        learnersHelped: counts.either, learnersWithHints: counts.hints,
        learnersSkipped: counts.skips)
    }
    .sorted {
      ($0.learnersHelped, $1.lesson.rank(in: rank), $1.step)
        > ($1.learnersHelped, $0.lesson.rank(in: rank), $0.step)
    }
    .prefix(Self.topCount).map { $0 }
    misconceptions = found.map { key, counts in
      Misconception(
        lesson: key.lesson, step: key.step, name: key.name, learners: counts.learners,
        times: counts.times)
    }
    .sorted {
      ($0.learners, $0.times, $1.lesson.rank(in: rank), $1.step, $1.name)
        > ($1.learners, $1.times, $0.lesson.rank(in: rank), $0.step, $0.name)
    }
    .prefix(Self.topCount).map { $0 }
    rows = exports.map { export in
      LearnerRow(
        learner: export.learner,
        lessons: export.lessons.mapValues { (step: $0.step, finished: $0.isCompleted) })
    }
  }

  /// The ids of the lessons in the report, in menu order.
  public var lessonIDs: [String] { lessons.map(\.id) }

  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  private struct StepKey: Hashable {
    var lesson: String
    var step: Int
  }

  private struct MisconceptionKey: Hashable {
    var lesson: String
    var step: Int
    var name: String
  }
}

extension String {
  fileprivate func rank(in ranks: [String: Int]) -> Int { ranks[self] ?? Int.max }
}
