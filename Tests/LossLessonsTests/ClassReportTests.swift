import Foundation
import LossEngine
import LossLessons
import Testing

private let start = Date(timeIntervalSince1970: 1_780_000_000)

/// An export as a learner's `losslab progress --export` writes it.
private func export(
  _ learner: String, at offset: Double = 0, _ lessons: [String: ProgressExport.Lesson]
) -> ProgressExport {
  ProgressExport(learner: learner, exportedAt: start.addingTimeInterval(offset), lessons: lessons)
}

private func lesson(
  finished: Bool, step: Int = 3, seconds: Double = 600, hints: Int = 0, skips: Int = 0,
  steps: [Int: StepRecord] = [:]
) -> ProgressExport.Lesson {
  ProgressExport.Lesson(
    completedAt: finished ? start : nil, step: step, attempts: 5, hints: hints, skips: skips,
    seconds: seconds, steps: steps)
}

private func save(_ export: ProgressExport, as name: String, in folder: TemporaryFolder) throws {
  try ProgressExportCoding.encode(export).write(to: folder.url.appendingPathComponent(name))
}

private let catalog = [
  ClassReport.LessonInfo(id: "darts", title: "The blindfolded dart player", order: 1),
  ClassReport.LessonInfo(id: "gps", title: "GPS", order: 3, stepTitles: [2: "Recalculating"]),
]

@Suite("Progress exports and the class report")
struct ClassReportTests {
  @Test func anExportRoundTripsThroughItsFile() throws {
    let record = export(
      "ada",
      [
        "darts": lesson(
          finished: true,
          steps: [
            2: StepRecord(
              attempts: 3, hints: 1, skipped: false, misconceptions: ["sum instead of mean": 2],
              answers: ["sum((p - y)^2)", "mse(p, y)"])
          ])
      ])
    let decoded = try ProgressExportCoding.decode(ProgressExportCoding.encode(record)).get()
    #expect(decoded == record)
  }

  @Test func anExportCarriesTheStepsOfTheProgressFile() throws {
    var progress = LearnerProgress.new(at: start)
    let darts = try #require(LessonID(validating: "darts"))
    progress.move(to: 4, in: darts, at: start)
    progress.lessons["darts"]?.steps[1] = StepRecord(attempts: 2, hints: 1)
    let record = ProgressExport(learner: "ada", progress: progress, at: start)
    #expect(record.lessons["darts"]?.step == 5)
    #expect(record.lessons["darts"]?.steps[2] == StepRecord(attempts: 2, hints: 1))
  }

  @Test(arguments: [
    ("not json", "it is not valid JSON"),
    (#"{"format_version": 1, "kind": "something-else"}"#, "it is not a LossLab progress export"),
    (
      #"{"format_version": 2, "kind": "losslab-progress-export"}"#,
      "it has format_version 2; this LossLab reads 1"
    ),
    (
      #"{"format_version": 1, "kind": "losslab-progress-export", "learner": "ada", "exported_at": "2026-01-01T00:00:00Z", "lessons": {"darts": {"completed_at": null, "step": 9223372036854775807, "attempts": 1, "hints": 0, "skips": 0, "seconds": 1}}}"#,
      "lesson 'darts': 'step' is 9223372036854775807; expected a whole number from 1 to 200"
    ),
    (
      #"{"format_version": 1, "kind": "losslab-progress-export", "learner": "ada", "exported_at": "2026-01-01T00:00:00Z", "lessons": {"darts": {"completed_at": null, "step": 1, "attempts": -1, "hints": 0, "skips": 0, "seconds": 1}}}"#,
      "lesson 'darts': 'attempts' is -1; expected a whole number from 0 to 1000000000"
    ),
    (
      #"{"format_version": 1, "kind": "losslab-progress-export", "learner": "ada", "exported_at": "2026-01-01T00:00:00Z", "lessons": {"../etc": {"completed_at": null, "step": 1, "attempts": 1, "hints": 0, "skips": 0, "seconds": 1}}}"#,
      "'../etc' is not a lesson id"
    ),
    (
      #"{"format_version": 1, "kind": "losslab-progress-export", "learner": "ada", "exported_at": "2026-01-01T00:00:00Z", "lessons": {"darts": {"completed_at": null, "step": 1, "attempts": "many", "hints": 0, "skips": 0, "seconds": 1}}}"#,
      "'lessons.darts.attempts' should be a number"
    ),
  ])
  func aBrokenExportIsRefusedWithTheRuleItBroke(text: String, reason: String) {
    let result = ProgressExportCoding.decode(Data(text.utf8))
    #expect(throws: ProgressExportCoding.Problem(description: reason)) { try result.get() }
  }

  @Test func namesFromAFileCannotSendEscapeSequences() throws {
    let text = """
      {"format_version": 1, "kind": "losslab-progress-export", "learner": "ada", \
      "exported_at": "2026-01-01T00:00:00Z", "lessons": {"darts": {"completed_at": null, \
      "step": 1, "attempts": 1, "hints": 0, "skips": 0, "seconds": 1, "steps": {"1": \
      {"attempts": 1, "hints": 0, "skipped": false, \
      "misconceptions": {"\\u001b]0;pwned\\u0007\\u001b[2J": 1}, "answers": ["\\u001b[8m"]}}}}}
      """
    let decoded = try ProgressExportCoding.decode(Data(text.utf8)).get()
    let step = try #require(decoded.lessons["darts"]?.steps[1])
    #expect(step.misconceptions.keys.allSatisfy { !$0.unicodeScalars.contains("\u{1B}") })
    #expect(step.answers.allSatisfy { !$0.unicodeScalars.contains("\u{1B}") })
  }

  @Test func theReportCountsEachLearnerOnceWithTheNewestExport() throws {
    let folder = try TemporaryFolder()
    try save(
      export("ada", at: 0, ["darts": lesson(finished: false)]), as: "ada-old.json", in: folder)
    try save(
      export("ada", at: 60, ["darts": lesson(finished: true)]), as: "ada-new.json", in: folder)
    try folder.write("{ not json", to: "broken.json")
    try folder.write("ignored: not json at all", to: "notes.txt")
    let report = ClassReport(try ExportFolder(path: folder.path), catalog: catalog)
    #expect(report.learners == 1)
    #expect(report.filesRead == 3)
    #expect(report.lessons.map(\.finished) == [1])
    #expect(
      report.duplicates == [
        ExportFolder.Duplicate(learner: "ada", kept: "ada-new.json", ignored: ["ada-old.json"])
      ])
    #expect(
      report.skipped == [ExportFolder.Skipped(file: "broken.json", reason: "it is not valid JSON")])
    let table = report.formatted(.table)
    #expect(table.contains("ada handed in more than once: used ada-new.json (the newest)"))
    #expect(table.contains("skipped broken.json: it is not valid JSON"))
  }

  /// 200 generated learners, some files broken and some handed in twice: every total is
  /// recomputed here from the generated records, independently of the report's code.
  @Test func theReportOverAGeneratedClassHasTheRightTotals() throws {
    let folder = try TemporaryFolder()
    var random = SeededGenerator(seed: 2026)
    var truth: [String: ProgressExport] = [:]
    var broken = 0
    for index in 0..<200 {
      let learner = "learner-\(index)"
      var lessons: [String: ProgressExport.Lesson] = [:]
      for id in ["darts", "gps"] where random.unitInterval() < 0.8 {
        var steps: [Int: StepRecord] = [:]
        for step in 1...5 where random.unitInterval() < 0.3 {
          let wrong =
            random.unitInterval() < 0.5 ? ["forgot the 1/n": 1 + Int(random.next() % 3)] : [:]
          steps[step] = StepRecord(
            attempts: 1 + Int(random.next() % 4), hints: Int(random.next() % 2),
            skipped: random.unitInterval() < 0.2, misconceptions: wrong)
        }
        lessons[id] = lesson(
          finished: random.unitInterval() < 0.6, step: 1 + Int(random.next() % 5),
          seconds: Double(60 + random.next() % 1200), hints: Int(random.next() % 4),
          skips: Int(random.next() % 2), steps: steps)
      }
      let record = export(learner, at: Double(index), lessons)
      truth[learner] = record
      try save(record, as: "\(learner).json", in: folder)
      if index % 25 == 0 {
        // An older copy handed in again: must not count twice, must not win.
        try save(export(learner, at: -1000, [:]), as: "\(learner)-again.json", in: folder)
      }
      if index % 40 == 0 {
        try folder.write(
          "{\"format_version\": 1, \"kind\": \"losslab-progress-export\"", to: "torn-\(index).json")
        broken += 1
      }
    }
    let report = ClassReport(try ExportFolder(path: folder.path), catalog: catalog)
    #expect(report.learners == 200)
    #expect(report.skipped.count == broken)
    #expect(report.duplicates.count == 8)
    for summary in report.lessons {
      let records = truth.values.compactMap { $0.lessons[summary.id] }
      #expect(summary.started == records.count)
      #expect(summary.finished == records.filter { $0.completedAt != nil }.count)
      #expect(summary.hints == records.map(\.hints).reduce(0, +))
      #expect(summary.skips == records.map(\.skips).reduce(0, +))
      let times = records.filter { $0.completedAt != nil }.map(\.seconds).sorted()
      let median =
        times.count % 2 == 1
        ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
      #expect(summary.medianMinutes == median / 60)
    }
    for trouble in report.struggles {
      let records = truth.values.compactMap { $0.lessons[trouble.lesson]?.steps[trouble.step] }
      #expect(trouble.learnersWithHints == records.filter { $0.hints > 0 }.count)
      #expect(trouble.learnersSkipped == records.filter(\.skipped).count)
      #expect(trouble.learnersHelped == records.filter { $0.hints > 0 || $0.skipped }.count)
    }
    let worst = truth.values.flatMap { record in
      record.lessons.flatMap { id, lesson in
        lesson.steps.map { step, record in
          (key: "\(id)/\(step)", helped: record.hints > 0 || record.skipped)
        }
      }
    }
    let helpedPerStep = Dictionary(grouping: worst.filter(\.helped), by: \.key).mapValues(\.count)
    #expect(report.struggles.first?.learnersHelped == helpedPerStep.values.max())
    for found in report.misconceptions {
      let hits = truth.values.compactMap {
        $0.lessons[found.lesson]?.steps[found.step]?.misconceptions[found.name]
      }
      #expect(found.learners == hits.count)
      #expect(found.times == hits.reduce(0, +))
    }
  }

  @Test(arguments: ClassReport.Format.allCases)
  func everyFormatNamesTheLessonsAndTheWrongAnswers(format: ClassReport.Format) throws {
    let folder = try TemporaryFolder()
    try save(
      export(
        "ada",
        [
          "gps": lesson(
            finished: true,
            steps: [2: StepRecord(attempts: 2, hints: 1, misconceptions: ["sign, flipped": 1])])
        ]), as: "ada.json", in: folder)
    let text = ClassReport(try ExportFolder(path: folder.path), catalog: catalog).formatted(format)
    #expect(text.contains("gps") || text.contains("GPS"))
    switch format {
    case .csv:
      #expect(text.contains("wrong_answer,gps,2,,\"sign, flipped\",1"))
    case .json:
      let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      #expect(object?["learners"] as? Int == 1)
    case .markdown:
      #expect(text.contains("| GPS | 2 Recalculating | 1 | 1 | 0 |"))
    case .table:
      #expect(text.contains("sign, flipped"))
    }
  }
}
