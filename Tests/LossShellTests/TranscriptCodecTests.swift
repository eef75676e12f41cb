import Foundation
import LossLessons
import Testing

@testable import LossShell

private let header = TranscriptHeader(
  width: 100, height: 30, timestamp: 1_764_633_600, mode: .present(lesson: "darts", margin: 4),
  learner: "ada", seed: 7, interactive: true, plain: false,
  prelude: [.line("w = 2"), .interrupt(partial: "mse(w"), .line("")])

private func file(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

private let headerLine = TranscriptCodec.headerLine(header)

private func problem(_ data: Data) -> TranscriptError? {
  do {
    _ = try TranscriptCodec.decode(data)
    return nil
  } catch {
    return error
  }
}

@Suite("Transcripts: writing and reading")
struct TranscriptCodecTests {
  @Test func aTranscriptReadsBackAsWritten() throws {
    let events: [TranscriptEvent] = [
      .output(time: 0, "welcome\n"), .input(time: 1.5, .line("mse(2, 1)")),
      .output(time: 1.5, "losslab> mse(2, 1)\nmse = 1\n"), .resize(time: 2, width: 60, height: 20),
      .input(time: 3.25, .interrupt(partial: "p = [")), .input(time: 4, .endOfInput),
    ]
    let lines = [headerLine] + events.map(TranscriptCodec.eventLine)
    let transcript = try TranscriptCodec.decode(file(lines))
    #expect(transcript == Transcript(header: header, events: events))
  }

  @Test func outputLineEndsAreAsATerminalGetsThem() {
    let line = TranscriptCodec.eventLine(.output(time: 0.5, "a\nb\n"))
    #expect(line == #"[0.5,"o","a\r\nb\r\n"]"#)
    #expect(TranscriptCodec.eventLine(.input(time: 1, .line("1 + 1"))) == #"[1,"i","1 + 1\r"]"#)
  }

  @Test func theHeaderIsAnAsciicastV2Header() throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(headerLine.utf8)) as? [String: Any])
    #expect(object["version"] as? Int == 2)
    #expect(object["width"] as? Int == 100)
    #expect(object["height"] as? Int == 30)
  }

  @Test func turnsGroupEachInputWithTheOutputAfterIt() throws {
    let lines = [
      headerLine, #"[0,"o","hello\r\n"]"#, #"[1,"i","1\r"]"#, #"[1,"o","> 1\r\n"]"#,
      #"[1.1,"r","50x10"]"#, #"[1.2,"o","1\r\n"]"#, #"[2,"i","\u0004"]"#,
    ]
    let turns = try TranscriptCodec.decode(file(lines)).turns
    #expect(turns.map(\.number) == [0, 1, 2])
    #expect(turns.map(\.input) == [nil, .line("1"), .endOfInput])
    #expect(turns.map(\.recorded) == ["hello\n", "> 1\n1\n", ""])
    #expect(turns.map(\.width) == [100, 100, 50])
  }

  @Test func aDifferenceNamesTheLineWithoutColourOrControls() {
    let difference = TranscriptDifference.between(
      recorded: "same\n\u{1B}[1mCorrect: 1\u{1B}[0m\n", replayed: "same\nCorrect: 2\u{7}\n")
    #expect(
      difference == TranscriptDifference(line: 2, recorded: "Correct: 1", replayed: "Correct: 2^G"))
    #expect(TranscriptDifference.between(recorded: "a\n", replayed: "a\n") == nil)
    #expect(
      TranscriptDifference.between(recorded: "a\n", replayed: "a\nb\n")
        == TranscriptDifference(line: 2, recorded: "", replayed: "b"))
  }

  // MARK: Hostile files

  @Test(arguments: [
    ("", TranscriptError.Problem.empty),
    ("{\"version\": 1, \"width\": 80, \"height\": 24}", .notAsciicast(version: "1")),
    ("{\"version\": 2, \"width\": 80, \"height\": 24", .notJSON(what: "the header")),
    (
      "{\"version\": 2, \"width\": 0, \"height\": 24}",
      .field(name: "width", expected: "a whole number from 1 to 10000")
    ),
    (
      "{\"version\": 2, \"width\": 80.5, \"height\": 24}",
      .field(name: "width", expected: "a whole number from 1 to 10000")
    ),
    (
      "{\"version\": 2, \"width\": 80, \"height\": 24}",
      .field(name: "losslab", expected: "an object: this is not a LossLab recording")
    ),
  ])
  func aBrokenHeaderIsNamed(text: String, expected: TranscriptError.Problem) {
    #expect(problem(Data(text.utf8))?.problem == expected)
  }

  @Test func headerFieldsAreRangeChecked() {
    func with(_ change: (inout [String: Any]) -> Void) -> Data {
      var object =
        (try? JSONSerialization.jsonObject(with: Data(headerLine.utf8))) as? [String: Any] ?? [:]
      var losslab = object["losslab"] as? [String: Any] ?? [:]
      change(&losslab)
      object["losslab"] = losslab
      return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }
    #expect(problem(with { $0["seed"] = -1 })?.line == 1)
    #expect(problem(with { $0["seed"] = 1e300 }) != nil)
    #expect(problem(with { $0["margin"] = 99 }) != nil)
    #expect(problem(with { $0["format"] = 2 }) != nil)
    let renamed = try? TranscriptCodec.decode(with { $0["learner"] = "\u{1B}]0;owned\u{7}" })
    #expect(renamed?.header.learner == "]0;owned")
    #expect(problem(with { $0["learner"] = "\u{7}" }) != nil)
    #expect(problem(with { $0["mode"] = "root" }) != nil)
    #expect(problem(with { $0["lesson"] = "da\u{1B}rts" }) != nil)
    #expect(problem(with { $0["prelude"] = ["no enter at the end"] })?.problem == .notAnInput)
    #expect(problem(with { $0["progress"] = "{\"format_version\": 999}" }) != nil)
    #expect(problem(with { $0["interactive"] = "yes" }) != nil)
  }

  @Test(arguments: [
    (#"[1e300,"o","x"]"#, TranscriptError.Problem.badTime("1e+300")),
    (#"[-1,"o","x"]"#, .badTime("-1")),
    (#"["soon","o","x"]"#, .badTime("soon")),
    (#"[1,"x","x"]"#, .unknownEventCode("x")),
    (#"[1,"i","no enter"]"#, .notAnInput),
    (#"[1,"r","80 by 24"]"#, .badResize("80 by 24")),
    (#"[1,"r","99999999999999999999x1"]"#, .badResize("99999999999999999999x1")),
    (#"[1,"o"]"#, .notAnEvent),
    (#"{"time": 1}"#, .notAnEvent),
    (#"[1,"o","cut sho"#, .notJSON(what: "this event")),
  ])
  func aBrokenEventIsNamedByItsLine(line: String, expected: TranscriptError.Problem) {
    let error = problem(file([headerLine, #"[0.5,"o","fine"]"#, line]))
    #expect(error?.line == 3)
    if case .badTime = expected, case .badTime = error?.problem {
    } else {
      #expect(error?.problem == expected)
    }
  }

  @Test func timeNeverGoesBack() {
    let error = problem(file([headerLine, #"[5,"o","a"]"#, #"[4,"o","b"]"#]))
    #expect(error == TranscriptError(.timeGoesBack(from: 5, to: 4), line: 3))
  }

  @Test func deeplyNestedJSONIsRefusedNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(problem(file([headerLine, deep]))?.line == 2)
  }

  @Test func aFileTooLargeIsRefusedBeforeParsing() {
    let big = Data(count: TranscriptLimits.maximumBytes + 1)
    #expect(problem(big)?.problem == .tooLarge(bytes: TranscriptLimits.maximumBytes + 1))
  }

  @Test func bytesThatAreNotUTF8AreRefused() {
    #expect(problem(Data([0xFF, 0xFE, 0x0A]))?.problem == .notUTF8)
  }

  @Test func messagesShowControlCharactersVisibly() {
    let error = problem(file([headerLine, "[1,\"\\u001b[2J\",\"x\"]"]))
    let message = error?.message ?? ""
    #expect(message.contains("^[[2J"))
    #expect(!message.unicodeScalars.contains { $0.value < 0x20 })
  }
}
