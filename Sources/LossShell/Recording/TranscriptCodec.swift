import Foundation
import LossLanguage
import LossLessons

/// Reads and writes transcripts as asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/):
/// a JSON header line, then one JSON array per event. The file is hostile when read: its size,
/// every number and every string is checked, and a problem is a ``TranscriptError`` naming the
/// line.
public enum TranscriptCodec {
  /// The version of LossLab's own part of the header (`"losslab": {"format": 1, …}`).
  public static let format = 1

  // MARK: Writing

  /// The header line, without its newline.
  public static func headerLine(_ header: TranscriptHeader) -> String {
    var losslab: [String: Any] = [
      "format": format, "learner": header.learner, "interactive": header.interactive,
      "plain": header.plain, "prelude": header.prelude.map(TranscriptInput.data),
    ]
    switch header.mode {
    case .shell:
      losslab["mode"] = "shell"
    case .present(let lesson, let margin):
      losslab["mode"] = "present"
      losslab["lesson"] = lesson
      losslab["margin"] = margin
    }
    if let seed = header.seed { losslab["seed"] = seed }
    if let progress = header.progress { losslab["progress"] = progress }
    var object: [String: Any] = [
      "version": 2, "width": header.width, "height": header.height,
      "title": "LossLab session of \(header.learner)", "losslab": losslab,
    ]
    if let timestamp = header.timestamp { object["timestamp"] = timestamp }
    return json(object)
  }

  /// One event's line, without its newline. Output line ends are written `\r\n`, as a
  /// terminal receives them (players expect it).
  public static func eventLine(_ event: TranscriptEvent) -> String {
    let time = (event.time * 1_000_000).rounded() / 1_000_000
    switch event {
    case .input(_, let input): return json([time, "i", TranscriptInput.data(input)])
    case .output(_, let text):
      return json([time, "o", text.replacingOccurrences(of: "\n", with: "\r\n")])
    case .resize(_, let width, let height): return json([time, "r", "\(width)x\(height)"])
    }
  }

  private static func json(_ object: Any) -> String {
    let data =
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  // MARK: Reading

  public static func decode(_ data: Data) throws(TranscriptError) -> Transcript {
    guard data.count <= TranscriptLimits.maximumBytes else {
      throw TranscriptError(.tooLarge(bytes: data.count))
    }
    guard let text = String(data: data, encoding: .utf8) else { throw TranscriptError(.notUTF8) }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    guard let first = lines.first else { throw TranscriptError(.empty) }
    let header = try decodeHeader(first)
    var events: [TranscriptEvent] = []
    var previous = 0.0
    for (index, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
      guard events.count < TranscriptLimits.maximumEvents else {
        throw TranscriptError(.tooManyEvents, line: index + 1)
      }
      let event = try decodeEvent(line, line: index + 1)
      guard event.time >= previous else {
        throw TranscriptError(.timeGoesBack(from: previous, to: event.time), line: index + 1)
      }
      previous = event.time
      events.append(event)
    }
    return Transcript(header: header, events: events)
  }

  private static func parse(_ line: Substring, what: String, at number: Int) throws(TranscriptError)
    -> Any
  {
    do {
      return try JSONSerialization.jsonObject(with: Data(line.utf8), options: [])
    } catch {
      throw TranscriptError(.notJSON(what: what), line: number)
    }
  }

  static func decodeHeader(_ line: Substring) throws(TranscriptError) -> TranscriptHeader {
    guard let object = try parse(line, what: "the header", at: 1) as? [String: Any] else {
      throw TranscriptError(.notJSON(what: "the header (a JSON object)"), line: 1)
    }
    guard let version = object["version"] as? NSNumber, version == 2 else {
      throw TranscriptError(
        .notAsciicast(version: object["version"].map { "\($0)" } ?? "(none)"), line: 1)
    }
    let reader = FieldReader(line: 1)
    let width = try reader.integer(object, "width", in: TranscriptLimits.sizeRange)
    let height = try reader.integer(object, "height", in: TranscriptLimits.sizeRange)
    let timestamp =
      object["timestamp"] == nil
      ? nil : try reader.integer(object, "timestamp", in: 0...(Int(Int32.max) * 4))
    guard let losslab = object["losslab"] as? [String: Any] else {
      throw TranscriptError(
        .field(name: "losslab", expected: "an object: this is not a LossLab recording"), line: 1)
    }
    let own = FieldReader(line: 1, prefix: "losslab.")
    _ = try own.integer(losslab, "format", in: format...format)
    guard let name = losslab["learner"] as? String, let learner = LearnerName.cleaned(name) else {
      throw TranscriptError(.field(name: "losslab.learner", expected: "a learner's name"), line: 1)
    }
    let seed =
      losslab["seed"] == nil ? nil : try own.integer(losslab, "seed", in: LessonRun.seedRange)
    let mode: TranscriptHeader.Mode
    switch losslab["mode"] as? String {
    case "shell": mode = .shell
    case "present":
      guard let lesson = losslab["lesson"] as? String, !lesson.isEmpty, lesson.count <= 200,
        PrintableText.firstControlCharacter(in: lesson) == nil
      else {
        throw TranscriptError(
          .field(name: "losslab.lesson", expected: "a lesson's number or id"), line: 1)
      }
      mode = .present(
        lesson: lesson,
        margin: try own.integer(losslab, "margin", in: TranscriptLimits.marginRange))
    default:
      throw TranscriptError(
        .field(name: "losslab.mode", expected: "\"shell\" or \"present\""), line: 1)
    }
    let progress = losslab["progress"] as? String
    if losslab["progress"] != nil, progress == nil {
      throw TranscriptError(
        .field(name: "losslab.progress", expected: "a progress file as a string"), line: 1)
    }
    if let progress {
      do { _ = try ProgressFile(decoding: Data(progress.utf8)) } catch {
        throw TranscriptError(.progress(reason: error.description), line: 1)
      }
    }
    let preludeData = losslab["prelude"] as? [String] ?? []
    guard preludeData.count <= TranscriptLimits.maximumEvents else {
      throw TranscriptError(.tooManyEvents, line: 1)
    }
    var prelude: [ShellInput] = []
    for data in preludeData {
      guard let input = TranscriptInput.input(data) else {
        throw TranscriptError(.notAnInput, line: 1)
      }
      prelude.append(input)
    }
    return TranscriptHeader(
      width: width, height: height, timestamp: timestamp, mode: mode, learner: learner,
      seed: seed, interactive: try own.boolean(losslab, "interactive"),
      plain: try own.boolean(losslab, "plain"), progress: progress, prelude: prelude)
  }

  static func decodeEvent(_ line: Substring, line number: Int) throws(TranscriptError)
    -> TranscriptEvent
  {
    guard let array = try parse(line, what: "this event", at: number) as? [Any], array.count == 3,
      let code = array[1] as? String, let data = array[2] as? String
    else { throw TranscriptError(.notAnEvent, line: number) }
    guard let seconds = array[0] as? NSNumber,
      case let time = seconds.doubleValue, time.isFinite, time >= 0,
      time <= TranscriptLimits.maximumTime
    else { throw TranscriptError(.badTime("\(array[0])"), line: number) }
    switch code {
    case "i":
      guard let input = TranscriptInput.input(data) else {
        throw TranscriptError(.notAnInput, line: number)
      }
      return .input(time: time, input)
    case "o":
      return .output(time: time, data.replacingOccurrences(of: "\r\n", with: "\n"))
    case "r":
      let parts = data.split(separator: "x", omittingEmptySubsequences: false)
      guard parts.count == 2, parts.allSatisfy({ $0.count <= 6 }), let width = Int(parts[0]),
        let height = Int(parts[1]), TranscriptLimits.sizeRange.contains(width),
        TranscriptLimits.sizeRange.contains(height)
      else { throw TranscriptError(.badResize(String(data.prefix(40))), line: number) }
      return .resize(time: time, width: width, height: height)
    case "m":
      // A marker (asciicast's chapters): kept as nothing to replay.
      return .output(time: time, "")
    default:
      throw TranscriptError(.unknownEventCode(String(code.prefix(20))), line: number)
    }
  }
}

/// Range-checked header fields.
private struct FieldReader {
  let line: Int
  var prefix = ""

  func integer(_ object: [String: Any], _ name: String, in range: ClosedRange<Int>)
    throws(TranscriptError) -> Int
  {
    let failure = TranscriptError(
      .field(
        name: prefix + name,
        expected: "a whole number from \(range.lowerBound) to \(range.upperBound)"), line: line)
    guard let number = object[name] as? NSNumber else { throw failure }
    let value = number.doubleValue
    guard value.isFinite, value.rounded() == value, value >= Double(range.lowerBound),
      value <= Double(range.upperBound)
    else { throw failure }
    return Int(value)
  }

  func boolean(_ object: [String: Any], _ name: String) throws(TranscriptError) -> Bool {
    guard let value = object[name] as? Bool else {
      throw TranscriptError(.field(name: prefix + name, expected: "true or false"), line: line)
    }
    return value
  }
}
