import LossLanguage
internal import Yams

/// Builds ``ClassSettings`` from a composed class file, reporting every problem through the
/// lesson reader (the same positions, wording and checks as a lesson's fields).
struct ClassSettingsDecoder {
  static let topLevelFields = [
    "format_version", "kind", "title", "lessons", "lesson_files", "skip", "reveal_after",
    "requires", "seed", "export",
  ]
  static let lessonFields = ["id", "skip", "reveal_after", "seed"]

  let reader: LessonReader
  /// The class file's folder: relative paths in it are relative to it.
  let folder: String

  /// The settings as far as they could be read (entries with errors left out), so the checks
  /// that need the lessons still run; the caller uses them only when the reader found no error.
  func decode(_ root: Node) -> ClassSettings? {
    guard
      let fields = MappingFields(root, name: "the class file", field: "the file", reader: reader),
      checkHeader(fields)
    else { return nil }
    fields.rejectUnknown(allowed: Self.topLevelFields) { word in
      LessonDecoder.topLevelFields.contains(word)
        ? "it belongs in a lesson file (list lesson files under lesson_files:)" : nil
    }
    let title = fields.optional("title", expected: "the class's name", reader.line)
    let skip = fields.optional("skip", expected: Self.skipExpected, skipping)
    let reveal = fields.optional("reveal_after", expected: "a number of tries, like 3", tries)
    let seed = fields.optional("seed", expected: "a whole number", seedNumber)
    let requires = fields.optional("requires", expected: "enforced or advisory", requiresPolicy)
    let files = fields.optional("lesson_files", expected: "a list of paths", paths)
    let export = fields.optional("export", expected: "a folder for the exports") {
      node, field in reader.line(node, field: field).map(resolved)
    }
    let defaults = LessonRules(skipping: skip ?? .allowed, revealAfter: reveal ?? 0)
    let lessons = fields.required("lessons", expected: "a list of lesson ids") { node, field in
      readLessons(node, field: field, defaults: defaults, seed: seed)
    }
    guard let lessons else { return nil }
    return ClassSettings(
      file: reader.file, title: title, lessons: lessons, requires: requires ?? .advisory,
      lessonFiles: files ?? [], exportFolder: export,
      exportPosition: fields.node("export").map(reader.position(of:)))
  }

  private func checkHeader(_ fields: MappingFields) -> Bool {
    guard let node = fields.node("format_version") else {
      reader.error(
        "the class file has no 'format_version'; expected format_version:"
          + " \(ClassSettings.formatVersion) as its first line", at: fields.position)
      return false
    }
    guard let version = reader.integer(node, field: "format_version", range: 1...Int.max) else {
      return false
    }
    guard version == ClassSettings.formatVersion else {
      reader.error(
        "format_version \(version) is not supported; expected format_version:"
          + " \(ClassSettings.formatVersion) (a newer LossLab may read this file)",
        at: reader.position(of: node))
      return false
    }
    let kind = fields.required("kind", expected: ClassSettings.kind, reader.line)
    if let kind, kind != ClassSettings.kind {
      reader.error(
        "kind: found '\(kind)'; expected kind: \(ClassSettings.kind)",
        at: fields.node("kind").map(reader.position(of:)) ?? fields.position)
    }
    return kind == ClassSettings.kind
  }

  private func readLessons(
    _ node: Node, field: String, defaults: LessonRules, seed: Int?
  ) -> [ClassSettings.Entry]? {
    guard let items = reader.list(node, field: field, count: 1...LessonLimits.standard.maximumSteps)
    else { return nil }
    var entries: [ClassSettings.Entry] = []
    for item in items {
      guard let entry = readLesson(item, field: field, defaults: defaults, seed: seed) else {
        continue
      }
      if let first = entries.first(where: { $0.id == entry.id }) {
        reader.error(
          "lessons: '\(entry.id)' is listed twice (first on line \(first.position.line));"
            + " expected each lesson once", at: entry.position)
        continue
      }
      entries.append(entry)
    }
    return entries
  }

  /// `- darts`, or `- {id: darts, skip: false, reveal_after: 2, seed: 7}`.
  private func readLesson(
    _ node: Node, field: String, defaults: LessonRules, seed: Int?
  ) -> ClassSettings.Entry? {
    if case .scalar = node {
      return reader.lessonID(node, field: field).map {
        ClassSettings.Entry(
          id: $0, rules: defaults, seed: seed, position: reader.position(of: node))
      }
    }
    guard
      let fields = MappingFields(node, name: "this lesson entry", field: field, reader: reader)
    else { return nil }
    fields.rejectUnknown(allowed: Self.lessonFields)
    let id = fields.required("id", expected: "a lesson id like darts", reader.lessonID)
    let skip = fields.optional("skip", expected: Self.skipExpected, skipping)
    let reveal = fields.optional("reveal_after", expected: "a number of tries, like 3", tries)
    let ownSeed = fields.optional("seed", expected: "a whole number", seedNumber)
    guard let id else { return nil }
    return ClassSettings.Entry(
      id: id,
      rules: LessonRules(
        skipping: skip ?? defaults.skipping, revealAfter: reveal ?? defaults.revealAfter),
      seed: ownSeed ?? seed,
      position: fields.node("id").map(reader.position(of:)) ?? fields.position)
  }

  static let skipExpected =
    "true (any skips), false (none) or a whole number of skips from 0 to \(LessonRules.maximumCount)"

  private func skipping(_ node: Node, field: String) -> LessonRules.Skipping? {
    guard case .scalar(let scalar) = node, scalar.style == .plain else {
      return reader.mismatch(node, field: field, expected: Self.skipExpected)
    }
    switch scalar.string.lowercased() {
    case "true", "on", "yes": return .allowed
    case "false", "off", "no": return .off
    default:
      guard let count = Int(scalar.string), (0...LessonRules.maximumCount).contains(count) else {
        return reader.mismatch(node, field: field, expected: Self.skipExpected)
      }
      return count == 0 ? .off : .limited(count)
    }
  }

  private func tries(_ node: Node, field: String) -> Int? {
    reader.integer(node, field: field, range: 0...LessonRules.maximumCount)
  }

  private func seedNumber(_ node: Node, field: String) -> Int? {
    reader.integer(node, field: field, range: LessonRun.seedRange)
  }

  private func requiresPolicy(_ node: Node, field: String) -> ClassSettings.Requires? {
    guard let word = reader.line(node, field: field) else { return nil }
    if let policy = ClassSettings.Requires(rawValue: word) { return policy }
    let names = ClassSettings.Requires.allCases.map(\.rawValue)
    let hint = Suggestions.closest(to: word, among: names).map { " — did you mean '\($0)'?" }
    reader.error(
      "requires: found '\(word)'\(hint ?? "; expected enforced or advisory")",
      at: reader.position(of: node))
    return nil
  }

  private func paths(_ node: Node, field: String) -> [String]? {
    guard let items = reader.list(node, field: field, count: 1...100) else { return nil }
    let found = items.compactMap { reader.line($0, field: field).map(resolved) }
    return found.count == items.count ? found : nil
  }

  /// A path from the class file, relative to the class file's folder unless absolute.
  private func resolved(_ path: String) -> String {
    path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
  }
}
