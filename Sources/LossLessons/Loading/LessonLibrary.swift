import Foundation
import LossLanguage

/// Every lesson available to a learner: the built-in ones plus those in a teacher's folders, in
/// menu order, with a report for every file read. A broken file never hides the others.
public struct LessonLibrary: Sendable {
  /// One lesson in the menu.
  public struct Entry: Sendable {
    public var lesson: Lesson
    /// How diagnostics name the file: `Lessons/NAME` for a built-in lesson, else its path.
    public var file: String
    public var isBuiltin: Bool
    /// 1-based position in the menu (`start 3`).
    public var menuNumber: Int

    public var id: LessonID { lesson.id }
  }

  /// Menu order: by `order`, lessons without one after those with one, ties by id.
  public let entries: [Entry]
  /// One report per file read, built-in files first, then each folder's files by path.
  public let reports: [LessonFileReport]
  /// The reports of the files under `extraPaths` (a teacher's files).
  public var folderReports: ArraySlice<LessonFileReport> { reports.dropFirst(builtinCount) }
  private let builtinCount: Int
  /// Problems between files: duplicate ids, folders that can't be searched, then `requires`
  /// naming a missing or later lesson.
  public var libraryDiagnostics: [LessonDiagnostic] { fileProblems + requirementProblems }
  /// Duplicate ids and folders that can't be searched.
  public let fileProblems: [LessonDiagnostic]
  /// `requires` naming a missing or later lesson, for this menu's order.
  public let requirementProblems: [LessonDiagnostic]

  /// Everything `lesson check` should show, file by file.
  public var diagnostics: [LessonDiagnostic] {
    reports.flatMap(\.diagnostics) + libraryDiagnostics
  }

  /// Loads `builtinFiles` (the embedded `Lessons/*.yaml`, normally `BuiltinLessons.files`) and
  /// every `*.yaml` under `extraPaths` (folders searched recursively, or single files). A
  /// teacher's lesson with a built-in lesson's id replaces it, with a warning.
  public init(
    builtinFiles: [(name: String, text: String)], extraPaths: [String] = [],
    limits: LessonLimits = .standard
  ) {
    var reports: [LessonFileReport] = []
    var problems: [LessonDiagnostic] = []
    let builtins = builtinFiles.sorted { $0.name < $1.name }.map { file in
      LessonLoader.load(yaml: file.text, file: Self.builtinFileName(file.name), limits: limits)
    }
    reports += builtins
    var extras: [LessonFileReport] = []
    for path in extraPaths {
      let found = LessonFileFinder.yamlFiles(under: path)
      problems += found.diagnostics
      extras += found.files.map { file in
        LessonLoader.load(contentsOf: file.url, file: file.shownPath, limits: limits)
      }.filter { !$0.isClassFile }
    }
    reports += extras

    var chosen: [LessonID: (lesson: Lesson, file: String, isBuiltin: Bool)] = [:]
    for report in builtins {
      guard let lesson = report.lesson else { continue }
      if let earlier = chosen[lesson.id] {
        problems.append(Self.duplicate(lesson, earlier: earlier.file))
      } else {
        chosen[lesson.id] = (lesson, report.file, true)
      }
    }
    var fromFolders: Set<LessonID> = []
    for report in extras {
      guard let lesson = report.lesson else { continue }
      if let earlier = chosen[lesson.id] {
        guard earlier.isBuiltin, !fromFolders.contains(lesson.id) else {
          problems.append(Self.duplicate(lesson, earlier: earlier.file))
          continue
        }
        problems.append(
          LessonDiagnostic(
            "lesson '\(lesson.id)' replaces the built-in lesson with the same id (\(earlier.file));"
              + " expected a new id unless replacing it is intended", at: lesson.position,
            severity: .warning))
      }
      chosen[lesson.id] = (lesson, report.file, false)
      fromFolders.insert(lesson.id)
    }

    let ordered = chosen.values.sorted { Self.menuPrecedes($0.lesson, $1.lesson) }
    entries = ordered.enumerated().map { index, item in
      Entry(lesson: item.lesson, file: item.file, isBuiltin: item.isBuiltin, menuNumber: index + 1)
    }
    self.reports = reports
    builtinCount = builtins.count
    fileProblems = problems
    requirementProblems = Self.checkRequirements(entries)
  }

  private init(
    entries: [Entry], reports: [LessonFileReport], builtinCount: Int,
    fileProblems: [LessonDiagnostic]
  ) {
    self.entries = entries
    self.reports = reports
    self.builtinCount = builtinCount
    self.fileProblems = fileProblems
    requirementProblems = Self.checkRequirements(entries)
  }

  /// Only the lessons `ids` names, in that order and numbered 1, 2, … (a class's menu); ids
  /// with no lesson are left out.
  public func restricted(to ids: [LessonID]) -> LessonLibrary {
    let chosen = ids.compactMap(entry(id:)).enumerated().map { index, entry in
      var renumbered = entry
      renumbered.menuNumber = index + 1
      return renumbered
    }
    return LessonLibrary(
      entries: chosen, reports: reports, builtinCount: builtinCount, fileProblems: fileProblems)
  }

  /// How a built-in file is named in diagnostics: where a teacher would find it in the repo.
  public static func builtinFileName(_ name: String) -> String { "Lessons/\(name)" }

  public func entry(id: LessonID) -> Entry? { entries.first { $0.id == id } }

  /// What a learner typed after `start`: a menu number, an id, or an id's unique beginning.
  public func find(_ query: String) -> LessonLookup {
    let trimmed = query.trimmingCharacters(in: .whitespaces).lowercased()
    if let number = Int(trimmed) {
      // Compared before subtracting: `start -9223372036854775808` must not overflow.
      guard number >= 1, number <= entries.count else {
        return .noSuchNumber(number, count: entries.count)
      }
      return .found(entries[number - 1])
    }
    if let id = LessonID(validating: trimmed), let entry = entry(id: id) { return .found(entry) }
    let prefixed = entries.filter { !trimmed.isEmpty && $0.id.rawValue.hasPrefix(trimmed) }
    if prefixed.count == 1 { return .found(prefixed[0]) }
    let suggestion = Suggestions.closest(
      to: trimmed, among: entries.map(\.id.rawValue)
    ).flatMap(LessonID.init(validating:))
    return .noSuchLesson(query, suggestion: suggestion ?? prefixed.first?.id)
  }

  /// Extra lesson folders from `--lessons` options (in order) and then `LOSSLAB_LESSONS` (a
  /// `:`-separated list, like PATH).
  public static func extraPaths(lessonsOptions: [String], environment: [String: String]) -> [String]
  {
    let fromEnvironment = (environment["LOSSLAB_LESSONS"] ?? "")
      .split(separator: ":").map(String.init)
    return (lessonsOptions + fromEnvironment).filter { !$0.isEmpty }
  }

  static func menuPrecedes(_ a: Lesson, _ b: Lesson) -> Bool {
    switch (a.order, b.order) {
    case let (left?, right?) where left != right: left < right
    case (.some, nil): true
    case (nil, .some): false
    default: a.id < b.id
    }
  }

  private static func duplicate(_ lesson: Lesson, earlier: String) -> LessonDiagnostic {
    LessonDiagnostic(
      "lesson id '\(lesson.id)' is already used by \(earlier); expected every lesson to have"
        + " its own id (this file is ignored)", at: lesson.position)
  }

  private static func checkRequirements(_ entries: [Entry]) -> [LessonDiagnostic] {
    let menuNumbers = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.menuNumber) })
    var problems: [LessonDiagnostic] = []
    for entry in entries {
      for required in entry.lesson.requires {
        guard let number = menuNumbers[required] else {
          problems.append(
            LessonDiagnostic(
              "requires '\(required)', which no loaded lesson has; expected the id of an earlier"
                + " lesson", at: entry.lesson.position, severity: .warning))
          continue
        }
        if number > entry.menuNumber {
          problems.append(
            LessonDiagnostic(
              "requires '\(required)', which comes after it in the menu (\(number) >"
                + " \(entry.menuNumber)); expected an earlier lesson", at: entry.lesson.position,
              severity: .warning))
        }
      }
    }
    return problems
  }
}

/// The answer to `start WHAT`.
public enum LessonLookup: Sendable {
  case found(LessonLibrary.Entry)
  /// The menu has only `count` lessons.
  case noSuchNumber(Int, count: Int)
  /// No lesson matches; `suggestion` is the closest id, if any is close.
  case noSuchLesson(String, suggestion: LessonID?)
}
