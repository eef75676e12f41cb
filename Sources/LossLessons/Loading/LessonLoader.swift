import Foundation
internal import Yams

/// What loading one lesson file gave: the lesson when it has no errors, and every diagnostic
/// (errors and warnings) either way.
public struct LessonFileReport: Sendable {
  /// The file as shown in diagnostics.
  public var file: String
  public var lesson: Lesson?
  public var diagnostics: [LessonDiagnostic]

  public init(file: String, lesson: Lesson?, diagnostics: [LessonDiagnostic]) {
    self.file = file
    self.lesson = lesson
    self.diagnostics = diagnostics
  }

  public var errors: [LessonDiagnostic] { diagnostics.filter { $0.severity == .error } }
  public var warnings: [LessonDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads lesson files. A lesson file is data, not code: it is size-checked before it is read,
/// scanned for anchors, aliases and deep nesting before it is composed, and then checked field
/// by field against the format (see `Lesson`), collecting every problem instead of stopping.
public enum LessonLoader {
  /// Loads a lesson from YAML text. `file` is how diagnostics name it.
  public static func load(
    yaml text: String, file: String, limits: LessonLimits = .standard
  ) -> LessonFileReport {
    load(bytes: Array(text.utf8), file: file, limits: limits)
  }

  /// Loads a lesson from the bytes of a file.
  public static func load(
    bytes: [UInt8], file: String, limits: LessonLimits = .standard
  ) -> LessonFileReport {
    let start = SourcePosition(file: file, line: 1, column: 1)
    guard bytes.count <= limits.maximumFileBytes else {
      return failed(
        file,
        LessonDiagnostic(
          BoundedFileReader.Problem.tooLarge(bytes.count).message(limit: limits.maximumFileBytes),
          at: start))
    }
    // A byte order mark (some editors write one) is not part of the text; columns count after it.
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    guard !bytes.starts(with: bom) else {
      return load(bytes: Array(bytes.dropFirst(bom.count)), file: file, limits: limits)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return failed(
        file,
        LessonDiagnostic(
          "the file is not UTF-8 text; expected a UTF-8 YAML file", at: start))
    }
    let scanned = YAMLSafetyScan(file: file, limits: limits).diagnostics(for: bytes)
    guard scanned.isEmpty else {
      return LessonFileReport(
        file: file, lesson: nil, diagnostics: capped(scanned, limits: limits, file: file))
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      return failed(
        file,
        LessonDiagnostic(
          "the YAML could not be read (\(error)); expected a lesson mapping", at: start))
    }
    guard let root else {
      return failed(
        file,
        LessonDiagnostic(
          "the file holds no YAML content; expected a lesson starting with format_version: 1",
          at: start))
    }
    let reader = LessonReader(file: file, source: text)
    let lesson = LessonDecoder(reader: reader, limits: limits).decode(root)
    let diagnostics = capped(reader.diagnostics, limits: limits, file: file)
    return LessonFileReport(
      file: file, lesson: reader.hasErrors ? nil : lesson, diagnostics: diagnostics)
  }

  /// Loads a lesson file from disk, refusing to read more than the size limit.
  public static func load(
    contentsOf url: URL, file: String? = nil, limits: LessonLimits = .standard
  ) -> LessonFileReport {
    let shownName = file ?? url.path
    switch BoundedFileReader.read(url, maximumBytes: limits.maximumFileBytes) {
    case .success(let bytes):
      return load(bytes: bytes, file: shownName, limits: limits)
    case .failure(let problem):
      return failed(
        shownName,
        LessonDiagnostic(
          problem.message(limit: limits.maximumFileBytes),
          at: SourcePosition(file: shownName, line: 1, column: 1)))
    }
  }

  private static func failed(_ file: String, _ diagnostic: LessonDiagnostic) -> LessonFileReport {
    LessonFileReport(file: file, lesson: nil, diagnostics: [diagnostic])
  }

  /// Keeps the report readable when a file is badly broken.
  private static func capped(
    _ diagnostics: [LessonDiagnostic], limits: LessonLimits, file: String
  ) -> [LessonDiagnostic] {
    let sorted = diagnostics.enumerated().sorted {
      ($0.element.position.line, $0.element.position.column, $0.offset)
        < ($1.element.position.line, $1.element.position.column, $1.offset)
    }.map(\.element)
    guard sorted.count > limits.maximumDiagnostics else { return sorted }
    var kept = Array(sorted.prefix(limits.maximumDiagnostics))
    let last = kept[kept.count - 1].position
    kept.append(
      LessonDiagnostic(
        "\(sorted.count - limits.maximumDiagnostics) more problems not shown; expected fewer"
          + " (fix these first)",
        at: SourcePosition(file: file, line: last.line, column: last.column)))
    return kept
  }
}
