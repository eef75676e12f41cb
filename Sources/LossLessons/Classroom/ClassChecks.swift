import Foundation
import LossLanguage

/// The checks a class file needs the lessons for: every id names a lesson, `requires` can be
/// met in the class's order, the export folder can be written.
struct ClassChecks {
  let settings: ClassSettings
  /// Every lesson loaded (built-in and the class's lesson files), before restricting.
  let library: LessonLibrary

  func unknownLessons() -> [LessonDiagnostic] {
    let ids = library.entries.map(\.id.rawValue)
    return settings.lessons.compactMap { entry in
      guard library.entry(id: entry.id) == nil else { return nil }
      if let suggestion = Suggestions.closest(to: entry.id.rawValue, among: ids) {
        return LessonDiagnostic(
          "lessons: there is no lesson '\(entry.id)' — did you mean '\(suggestion)'?",
          at: entry.position)
      }
      return LessonDiagnostic(
        "lessons: there is no lesson '\(entry.id)'; expected the id of a built-in lesson or of"
          + " a lesson in lesson_files", at: entry.position)
    }
  }

  /// Each listed lesson's `requires` against the class's list: a cycle, a required lesson not
  /// listed or listed later. Errors when `requires: enforced` (learners would be stuck),
  /// warnings when advisory.
  func requirements() -> [LessonDiagnostic] {
    let severity: LessonDiagnostic.Severity = settings.requires == .enforced ? .error : .warning
    let place = Dictionary(
      settings.lessons.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var problems: [LessonDiagnostic] = []
    var reported: Set<LessonID> = []
    for (index, entry) in settings.lessons.enumerated() {
      guard let lesson = library.entry(id: entry.id)?.lesson else { continue }
      if !reported.contains(entry.id), let cycle = cycle(from: entry.id, place: place) {
        reported.formUnion(cycle)
        problems.append(
          LessonDiagnostic(
            "lessons: '\(entry.id)' is in a requires cycle ("
              + (cycle + [entry.id]).map(\.rawValue).joined(separator: " → ")
              + "); expected each lesson to require only lessons before it", at: entry.position,
            severity: severity))
        continue
      }
      for required in lesson.requires {
        guard let at = place[required] else {
          problems.append(
            LessonDiagnostic(
              "lessons: '\(entry.id)' requires '\(required)', which this class does not list;"
                + " expected '\(required)' listed before it", at: entry.position,
              severity: severity))
          continue
        }
        if at > index {
          problems.append(
            LessonDiagnostic(
              "lessons: '\(entry.id)' (number \(index + 1)) requires '\(required)', listed after"
                + " it (number \(at + 1)); expected '\(required)' listed before it",
              at: entry.position, severity: severity))
        }
      }
    }
    return problems
  }

  /// The lessons of a `requires` cycle through `start`, in order, or nil (only listed lessons).
  private func cycle(from start: LessonID, place: [LessonID: Int]) -> [LessonID]? {
    var path: [LessonID] = [start]
    var visited: Set<LessonID> = []
    func walk(_ id: LessonID) -> Bool {
      for next in library.entry(id: id)?.lesson.requires ?? [] where place[next] != nil {
        if next == start { return true }
        guard !visited.contains(next) else { continue }
        visited.insert(next)
        path.append(next)
        if walk(next) { return true }
        path.removeLast()
      }
      return false
    }
    return walk(start) ? path : nil
  }

  /// Why the export folder can't take the learners' exports, or nil.
  func exportFolder() -> LessonDiagnostic? {
    guard let folder = settings.exportFolder else { return nil }
    let at = settings.exportPosition ?? .whole(settings.file)
    let shown = PrintableText.sanitized(folder, keepingNewlines: false)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      return LessonDiagnostic(
        "export: the folder \(shown) does not exist; expected a folder learners can write to"
          + " (create it first)", at: at)
    }
    guard isDirectory.boolValue else {
      return LessonDiagnostic(
        "export: \(shown) is not a folder; expected a folder learners can write to", at: at)
    }
    // Tried, not asked (`access` says yes to root even on a read-only file system).
    let probe = folder + "/.losslab-probe-" + UUID().uuidString
    let writable = FileManager.default.createFile(atPath: probe, contents: Data())
    if writable { try? FileManager.default.removeItem(atPath: probe) }
    guard writable else {
      return LessonDiagnostic(
        "export: the folder \(shown) can't be written; expected a folder learners can write to",
        at: at)
    }
    return nil
  }
}
