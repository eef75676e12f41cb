import LossLanguage
internal import Yams

/// Builds a `Lesson` from a composed YAML document, reporting every problem through the reader.
struct LessonDecoder {
  static let topLevelFields = [
    "format_version", "id", "order", "title", "summary", "minutes", "requires", "setup", "steps",
  ]

  let reader: LessonReader
  let limits: LessonLimits

  func decode(_ root: Node) -> Lesson? {
    guard
      let fields = MappingFields(root, name: "the lesson", field: "the file", reader: reader)
    else { return nil }
    guard checkFormatVersion(fields) else { return nil }
    fields.rejectUnknown(allowed: Self.topLevelFields) { word in
      StepDecoders.commonFields.contains(word) || StepDecoders.owners(of: word) != nil
        ? "it belongs inside a step (under steps:)" : nil
    }

    let id = fields.required("id", expected: "a lesson id like darts", reader.lessonID)
    let order = fields.optional("order", expected: "a menu position like 1") {
      reader.integer($0, field: $1, range: -1_000_000...1_000_000)
    }
    let title = fields.required("title", expected: "the lesson's title", reader.line)
    let summary = fields.required(
      "summary", expected: "one line saying what it teaches",
      reader.line)
    let minutes = fields.required("minutes", expected: "estimated minutes, like 8") {
      reader.integer($0, field: $1, range: 1...600)
    }
    let requires = fields.optional("requires", expected: "a list of lesson ids") {
      node, field in readRequires(node, field: field, lessonID: id)
    }
    let setup = fields.optional(
      "setup", expected: "expressions, one per line (after '|')",
      reader.expressionLines)
    let steps = fields.required("steps", expected: "a list of steps", readSteps)

    guard let id, let title, let summary, let minutes, let steps else { return nil }
    return Lesson(
      id: id, order: order, title: title, summary: summary, minutes: minutes,
      requires: requires ?? [], setup: setup ?? [], steps: steps,
      position: fields.node("id").map(reader.position(of:)) ?? fields.position)
  }

  /// A file in another format version is not read any further: its other fields may mean
  /// something else, and reporting them would only confuse.
  private func checkFormatVersion(_ fields: MappingFields) -> Bool {
    guard let node = fields.node("format_version") else {
      reader.error(
        "the lesson has no 'format_version'; expected format_version: \(Lesson.formatVersion)"
          + " as its first line", at: fields.position)
      return false
    }
    guard let version = reader.integer(node, field: "format_version", range: 1...Int.max) else {
      return false
    }
    guard version == Lesson.formatVersion else {
      reader.error(
        "format_version \(version) is not supported; expected format_version:"
          + " \(Lesson.formatVersion) (a newer LossLab may read this file)",
        at: reader.position(of: node))
      return false
    }
    return true
  }

  private func readRequires(_ node: Node, field: String, lessonID: LessonID?) -> [LessonID]? {
    guard let items = reader.list(node, field: field, count: 0...100) else { return nil }
    var ids: [LessonID] = []
    for item in items {
      guard let id = reader.lessonID(item, field: field) else { continue }
      if id == lessonID {
        reader.error(
          "requires: a lesson can't require itself; expected ids of earlier lessons",
          at: reader.position(of: item))
      } else if ids.contains(id) {
        reader.error(
          "requires: '\(id)' is listed twice; expected each id once", at: reader.position(of: item))
      } else {
        ids.append(id)
      }
    }
    return ids.count == items.count ? ids : nil
  }

  private func readSteps(_ node: Node, field: String) -> [LessonStep]? {
    guard let items = reader.list(node, field: field, count: 1...limits.maximumSteps) else {
      return nil
    }
    let steps = items.enumerated().map { index, item in readStep(item, number: index + 1) }
    let complete = steps.compactMap { $0 }
    return complete.count == steps.count ? complete : nil
  }

  private func readStep(_ node: Node, number: Int) -> LessonStep? {
    guard let fields = MappingFields(node, name: "step \(number)", field: "steps", reader: reader)
    else { return nil }
    let kinds = StepDecoders.kinds
    let kindsList = WordList.joined(kinds, conjunction: "or")
    guard let kindWord = fields.required("kind", expected: kindsList, reader.line) else {
      return nil
    }
    guard let decoder = StepDecoders.decoder(for: kindWord) else {
      let here = fields.node("kind").map(reader.position(of:)) ?? fields.position
      if let suggestion = Suggestions.closest(to: kindWord, among: kinds) {
        reader.error("unknown step kind '\(kindWord)' — did you mean '\(suggestion)'?", at: here)
      } else {
        reader.error("unknown step kind '\(kindWord)'; expected \(kindsList)", at: here)
      }
      return nil
    }
    let stepFields = MappingFields(
      node, name: "this \(kindWord) step (step \(number))", field: "steps", reader: reader)
    guard let stepFields else { return nil }
    stepFields.rejectUnknown(allowed: StepDecoders.commonFields + decoder.fields) { word in
      StepDecoders.owners(of: word)
    }
    let title = stepFields.optional("title", expected: "a short title", reader.line)
    let hints = stepFields.optional("hints", expected: "a list of hints") {
      node, field -> [LessonTemplate]? in
      guard let items = reader.list(node, field: field, count: 1...20) else { return nil }
      let hints = items.compactMap { reader.template($0, field: field) }
      return hints.count == items.count ? hints : nil
    }
    guard let content = decoder.decode(stepFields) else { return nil }
    return LessonStep(
      title: title, hints: hints ?? [], content: content, position: stepFields.position)
  }
}
