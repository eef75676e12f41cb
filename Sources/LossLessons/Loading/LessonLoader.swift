import Foundation
internal import Yams

/// What loading one lesson file gave: the lesson when it has no errors, and every diagnostic
/// (errors and warnings) either way.
public struct LessonFileReport: Sendable {
  /// The file as shown in diagnostics.
  public var file: String
  public var lesson: Lesson?
  public var diagnostics: [LessonDiagnostic]
  /// The file is a class file (`kind: class`), not a lesson: a folder of lessons may hold one
  /// beside them, and it is left out of the library rather than reported.
  public var isClassFile = false

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
    if ClassFileLoader.looksLikeClassFile(bytes) {
      var report = LessonFileReport(file: file, lesson: nil, diagnostics: [])
      report.isClassFile = true
      return report
    }
    switch document(bytes: bytes, file: file, limits: limits, kind: "lesson") {
    case .failure(let problems):
      return LessonFileReport(file: file, lesson: nil, diagnostics: problems.diagnostics)
    case .success(let (root, reader)):
      let lesson = LessonDecoder(reader: reader, limits: limits).decode(root)
      let diagnostics = capped(reader.diagnostics, limits: limits, file: file)
      return LessonFileReport(
        file: file, lesson: reader.hasErrors ? nil : lesson, diagnostics: diagnostics)
    }
  }

  /// Problems that stop a file before its fields are read.
  struct Unreadable: Error {
    var diagnostics: [LessonDiagnostic]
  }

  /// The composed YAML of a hostile file (a lesson, a class file), and the reader its decoder
  /// reports through: bounded in size, UTF-8, scanned for anchors, aliases and deep nesting
  /// before Yams composes it. `kind` names what the file should hold ("lesson", "class").
  static func document(
    bytes: [UInt8], file: String, limits: LessonLimits, kind: String
  ) -> Result<(Node, LessonReader), Unreadable> {
    let start = SourcePosition(file: file, line: 1, column: 1)
    let failed = { (message: String) in
      Unreadable(diagnostics: [LessonDiagnostic(message, at: start)])
    }
    guard bytes.count <= limits.maximumFileBytes else {
      return .failure(
        failed(
          BoundedFileReader.Problem.tooLarge(bytes.count).message(
            limit: limits.maximumFileBytes, kind: kind)))
    }
    // A byte order mark (some editors write one) is not part of the text; columns count after it.
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    guard !bytes.starts(with: bom) else {
      return document(
        bytes: Array(bytes.dropFirst(bom.count)), file: file, limits: limits, kind: kind)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failure(failed("the file is not UTF-8 text; expected a UTF-8 YAML file"))
    }
    let scanned = YAMLSafetyScan(file: file, limits: limits, kind: kind).diagnostics(for: bytes)
    guard scanned.isEmpty else {
      return .failure(Unreadable(diagnostics: capped(scanned, limits: limits, file: file)))
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      return .failure(failed("the YAML could not be read (\(error)); expected a \(kind) mapping"))
    }
    guard let root else {
      return .failure(
        failed("the file holds no YAML content; expected a \(kind) starting with format_version: 1")
      )
    }
    return .success((root, LessonReader(file: file, source: text)))
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
      return LessonFileReport(
        file: shownName, lesson: nil,
        diagnostics: [
          LessonDiagnostic(
            problem.message(limit: limits.maximumFileBytes),
            at: SourcePosition(file: shownName, line: 1, column: 1))
        ])
    }
  }

  /// Keeps the report readable when a file is badly broken.
  static func capped(
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
