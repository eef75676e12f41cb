import Foundation

/// A class file opened for a class: its settings, the lessons its learners see (built-in ones
/// and its `lesson_files`, restricted to its list and in its order), and every problem found,
/// as `lesson check` reports a lesson's.
public struct ClassFile: Sendable {
  /// Nil when the file has errors of its own (then nothing of it is used).
  public let settings: ClassSettings?
  /// The class's menu; the whole library when `settings` is nil.
  public let library: LessonLibrary
  /// The class file's problems, its lesson files' and those between them (unknown ids,
  /// `requires` out of order or in a cycle).
  public let diagnostics: [LessonDiagnostic]
  /// The export folder can't be written: an error for `class check`, a warning for a learner's
  /// shell (which still runs; the learner is told when a lesson ends).
  public let exportProblem: LessonDiagnostic?

  /// Every diagnostic `class check` shows.
  public var allDiagnostics: [LessonDiagnostic] { diagnostics + (exportProblem.map { [$0] } ?? []) }

  /// True when a shell must not start with this class (the export folder aside).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Reads the class file at `path` (shown as `path`) and the lessons it names.
  public static func load(
    path: String, builtinFiles: [(name: String, text: String)], limits: LessonLimits = .standard
  ) -> ClassFile {
    let folder = (path as NSString).deletingLastPathComponent
    let read = ClassFileLoader.load(
      contentsOf: URL(fileURLWithPath: path), file: path,
      folder: folder, limits: limits)
    return ClassFile(read, builtinFiles: builtinFiles, limits: limits)
  }

  /// The class `read` gave, with its lessons loaded from `builtinFiles` and its lesson files.
  init(
    _ read: ClassFileLoader.Read, builtinFiles: [(name: String, text: String)],
    limits: LessonLimits
  ) {
    let full = LessonLibrary(
      builtinFiles: builtinFiles, extraPaths: read.partial?.lessonFiles ?? [], limits: limits)
    let lessonFiles = full.folderReports.flatMap(\.diagnostics) + full.fileProblems
    guard let settings = read.partial else {
      self.settings = nil
      library = full
      diagnostics = read.diagnostics + lessonFiles
      exportProblem = nil
      return
    }
    let checks = ClassChecks(settings: settings, library: full)
    let problems = checks.unknownLessons() + checks.requirements()
    let isUsable = read.settings != nil && !problems.contains { $0.severity == .error }
    self.settings = isUsable ? settings : nil
    library = full.restricted(to: settings.lessons.map(\.id))
    diagnostics = read.diagnostics + lessonFiles + problems
    exportProblem = checks.exportFolder()
  }
}

/// Reads a class file: bounded, scanned and composed as a lesson file is, then decoded.
public enum ClassFileLoader {
  /// What reading gave: `settings` when the file has no error; `partial`, what could be read
  /// either way (for the checks that need the lessons); every diagnostic.
  public struct Read: Sendable {
    public var settings: ClassSettings?
    public var partial: ClassSettings?
    public var diagnostics: [LessonDiagnostic]
  }

  /// `folder` is the class file's folder, for its relative paths.
  public static func load(
    bytes: [UInt8], file: String, folder: String, limits: LessonLimits = .standard
  ) -> Read {
    switch LessonLoader.document(bytes: bytes, file: file, limits: limits, kind: "class") {
    case .failure(let problems):
      return Read(settings: nil, partial: nil, diagnostics: problems.diagnostics)
    case .success(let (root, reader)):
      let settings = ClassSettingsDecoder(reader: reader, folder: folder).decode(root)
      return Read(
        settings: reader.hasErrors ? nil : settings, partial: settings,
        diagnostics: LessonLoader.capped(reader.diagnostics, limits: limits, file: file))
    }
  }

  public static func load(
    contentsOf url: URL, file: String, folder: String, limits: LessonLimits = .standard
  ) -> Read {
    switch BoundedFileReader.read(url, maximumBytes: limits.maximumFileBytes) {
    case .success(let bytes):
      return load(bytes: bytes, file: file, folder: folder, limits: limits)
    case .failure(let problem):
      return Read(
        settings: nil, partial: nil,
        diagnostics: [
          LessonDiagnostic(
            problem.message(limit: limits.maximumFileBytes, kind: "class"),
            at: SourcePosition(file: file, line: 1, column: 1))
        ])
    }
  }

  /// True when `bytes` look like a class file (a top-level `kind: class` line), so
  /// `lesson check` can hand it to the class checks.
  public static func looksLikeClassFile(_ bytes: [UInt8]) -> Bool {
    guard
      let text = String(
        validating: bytes.prefix(LessonLimits.standard.maximumFileBytes), as: UTF8.self)
    else { return false }
    return text.split(separator: "\n").contains { line in
      let words = line.split(separator: "#", maxSplits: 1).first ?? ""
      return words.trimmingCharacters(in: .whitespaces) == "kind: \(ClassSettings.kind)"
        && !line.hasPrefix(" ")
    }
  }
}
