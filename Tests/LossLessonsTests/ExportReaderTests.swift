import Foundation
import Testing

@testable import LossLessons

/// The fast export reader agrees with the checked decoder on every export it takes, and gives
/// every other file to it (so a refusal's wording never changes).
@Suite("The fast export reader")
struct ExportReaderTests {
  /// Exports as `progress --export` writes them, with text that needs escapes and counts at the
  /// edges, generated from a seed.
  private func written(_ seed: UInt64) throws -> Data {
    var generator = SplitMix(seed: seed)
    let names = ["ada", "Zoë", "a \"quoted\" name", "tab\there", "emoji 🎯", "back\\slash"]
    let wrong = ["sum((p - y)^2)", "\"text\"", "é/ü", "\u{1F600}", "line\nbreak", "\u{7}bell"]
    var lessons: [String: ProgressExport.Lesson] = [:]
    for id in ["darts", "gps", "cross-entropy"] where generator.next() % 3 != 0 {
      var steps: [Int: StepRecord] = [:]
      for step in 1...Int(1 + generator.next() % 8) {
        steps[step] = StepRecord(
          attempts: Int(generator.next() % 5), hints: Int(generator.next() % 3),
          skipped: generator.next() % 2 == 0,
          misconceptions: [wrong[Int(generator.next() % 6)]: Int(1 + generator.next() % 3)],
          answers: [wrong[Int(generator.next() % 6)], "mse(p, y)"])
      }
      lessons[id] = ProgressExport.Lesson(
        completedAt: generator.next() % 2 == 0 ? nil : Date(timeIntervalSince1970: 1e9 + 0.125),
        step: Int(1 + generator.next() % 9), attempts: Int(generator.next() % 40),
        hints: Int(generator.next() % 9), skips: Int(generator.next() % 3),
        seconds: Double(generator.next() % 100_000) / 7, steps: steps)
    }
    let export = ProgressExport(
      learner: names[Int(generator.next() % 6)], exportedAt: Date(timeIntervalSince1970: 1.7e9),
      lessons: lessons)
    return try ProgressExportCoding.encode(export)
  }

  @Test func itReadsWhatTheCheckedDecoderReads() throws {
    for seed in 0..<200 as Range<UInt64> {
      let data = try written(seed)
      let fast = try #require(ProgressExportCoding.fastDecode(data), "seed \(seed)")
      #expect(try ProgressExportCoding.checkedDecode(data).get() == fast, "seed \(seed)")
    }
  }

  @Test(arguments: [
    // A count with a fraction, a duplicate key, an unknown escape, a lone surrogate, a
    // version from the future, a missing field, trailing text, a count out of range.
    #"{"format_version":1,"kind":"losslab-progress-export","learner":"a","exported_at":"2026-12-01T10:00:00.000Z","lessons":{"darts":{"completed_at":null,"step":1.5,"attempts":0,"hints":0,"skips":0,"seconds":1}}}"#,
    #"{"format_version":1,"kind":"losslab-progress-export","learner":"a","learner":"b","exported_at":"2026-12-01T10:00:00.000Z","lessons":{}}"#,
    #"{"format_version":1,"kind":"losslab-progress-export","learner":"a\q","exported_at":"2026-12-01T10:00:00.000Z","lessons":{}}"#,
    #"{"format_version":1,"kind":"losslab-progress-export","learner":"a\ud800","exported_at":"2026-12-01T10:00:00.000Z","lessons":{}}"#,
    #"{"format_version":2,"kind":"losslab-progress-export","learner":"a","exported_at":"2026-12-01T10:00:00.000Z","lessons":{}}"#,
    #"{"format_version":1,"kind":"losslab-progress-export","exported_at":"2026-12-01T10:00:00.000Z","lessons":{}}"#,
    #"{"format_version":1,"kind":"losslab-progress-export","learner":"a","exported_at":"2026-12-01T10:00:00.000Z","lessons":{}} x"#,
    #"{"format_version":1,"kind":"losslab-progress-export","learner":"a","exported_at":"2026-12-01T10:00:00.000Z","lessons":{"darts":{"completed_at":null,"step":1,"attempts":-1,"hints":0,"skips":0,"seconds":1}}}"#,
  ])
  func anythingUnexpectedIsLeftToTheCheckedDecoder(text: String) {
    let data = Data(text.utf8)
    #expect(ProgressExportCoding.fastDecode(data) == nil)
    let verdict = ProgressExportCoding.decode(data)
    #expect(verdict == ProgressExportCoding.checkedDecode(data))
  }

  @Test func unknownFieldsAndPlainTimesAreReadAsTheCheckedDecoderReadsThem() throws {
    let text =
      #"{"format_version":1,"kind":"losslab-progress-export","note":[1,{"x":null},true],"learner":"a\u00e9\ud83c\udfaf","exported_at":"2026-12-01T10:00:00Z","lessons":{"darts":{"completed_at":"2026-12-01T09:00:00.250Z","step":3,"attempts":2,"hints":1,"skips":0,"seconds":12.5e1,"steps":{"2":{"attempts":2,"misconceptions":{"sum":1}}}}}}"#
    let data = Data(text.utf8)
    let fast = try #require(ProgressExportCoding.fastDecode(data))
    #expect(fast.learner == "aé🎯")
    #expect(try ProgressExportCoding.checkedDecode(data).get() == fast)
  }
}

/// SplitMix64, for reproducible generated exports.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
