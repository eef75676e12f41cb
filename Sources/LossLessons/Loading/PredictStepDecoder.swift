import LossLanguage
internal import Yams

/// Reads a predict step: the richest kind, so it has a file of its own.
enum PredictStepDecoder {
  static func decode(_ fields: MappingFields) -> LessonStep.Content? {
    let reader = fields.reader
    let text = fields.required("text", expected: "what to predict", reader.template)
    let input = readInput(fields)
    let binding =
      fields.optional("bind", expected: "a variable name like guess", reader.identifier)
      ?? PredictStep.defaultBinding
    let prompt = fields.optional("prompt", expected: "the word shown in the prompt", reader.line)
    let loss = fields.required(
      "loss", expected: "the loss of the guess, like \"sum((guess - target)^2)\"",
      reader.expression)
    let show = fields.optional("show", expected: "a list from loss, gradient, change") {
      node, field in readReadouts(node, field: field, reader: reader)
    }
    let feedback = feedbackEntries(fields)
    let goal = fields.optional("goal", expected: "a condition like \"loss < 1\"", reader.expression)
    let maxTries = fields.optional("max_tries", expected: "a number of tries") {
      reader.integer($0, field: $1, range: 1...1000)
    }
    let answer = fields.required(
      "answer", expected: "an expression giving a correct input, like \"target\"",
      reader.expression)

    if !fields.has("goal"), !fields.has("max_tries") {
      reader.error(
        "this predict step never ends; expected goal: \"loss < 1\", max_tries: 3, or both",
        at: fields.position)
    }
    guard let text, let input, let loss, let answer else { return nil }
    return .predict(
      PredictStep(
        text: text, prompt: prompt ?? binding, input: input, binding: binding, loss: loss,
        show: show ?? PredictStep.defaultReadouts, feedback: feedback ?? [], goal: goal,
        maxTries: maxTries, answer: answer))
  }

  /// `feedback:` of a predict or tweak step: a list of `{when, say}`, with a warning when no
  /// entry catches every try.
  static func feedbackEntries(_ fields: MappingFields) -> [StepFeedback]? {
    let reader = fields.reader
    let feedback = fields.entries(
      "feedback", required: false, expected: "a list of {when, say}", count: 1...50,
      itemName: "this feedback entry", allowed: ["when", "say"]
    ) { entry -> StepFeedback? in
      let when = entry.required(
        "when", expected: "a condition like \"loss == 0\"",
        reader.expression)
      let say = entry.required("say", expected: "what to tell the learner", reader.template)
      guard let when, let say else { return nil }
      return StepFeedback(when: when, say: say)
    }
    if let feedback, !feedback.isEmpty, !feedback.contains(where: { isAlwaysTrue($0.when) }) {
      reader.warning(
        "no feedback entry has when: \"true\"; tries that match no entry get no words",
        at: fields.node("feedback").map(reader.position(of:)) ?? fields.position)
    }
    return feedback
  }

  private static func readInput(_ fields: MappingFields) -> PredictStep.Input? {
    let reader = fields.reader
    let kinds = ["number", "point", "vector"]
    let word = fields.required("input", expected: WordList.joined(kinds, conjunction: "or")) {
      node, field -> String? in
      guard let word = reader.text(node, field: field), kinds.contains(word) else {
        let suggestion =
          reader.isNull(node)
          ? nil
          : node.string.flatMap {
            Suggestions.closest(to: $0, among: kinds)
          }
        let hint = suggestion.map { " — did you mean '\($0)'?" } ?? ""
        reader.error(
          "input: found \(reader.describe(node)); expected number, point or vector\(hint)",
          at: reader.position(of: node))
        return nil
      }
      return word
    }
    let size = fields.optional("size", expected: "how many numbers the learner types") {
      reader.integer($0, field: $1, range: 1...100)
    }
    if fields.has("size"), word != nil, word != "vector", let node = fields.node("size") {
      reader.error(
        "'size' only applies to input: vector; expected no 'size' for input: \(word ?? "")",
        at: reader.position(of: node))
    }
    switch word {
    case "number": return .number
    case "point": return .point
    case "vector":
      if !fields.has("size") {
        reader.error(
          "input: vector needs a 'size'; expected size: N (how many numbers the learner types)",
          at: fields.node("input").map(reader.position(of:)) ?? fields.position)
      }
      return size.map { .vector(size: $0) }
    default: return nil
    }
  }

  static func readReadouts(
    _ node: Node, field: String, reader: LessonReader
  ) -> [PredictStep.Readout]? {
    guard let items = reader.list(node, field: field, count: 0...3) else { return nil }
    let names = PredictStep.Readout.allCases.map(\.rawValue)
    var readouts: [PredictStep.Readout] = []
    for item in items {
      guard let word = item.string, let readout = PredictStep.Readout(rawValue: word) else {
        let hint =
          item.string.flatMap { Suggestions.closest(to: $0, among: names) }
          .map { " — did you mean '\($0)'?" } ?? ""
        reader.error(
          "show: found \(reader.describe(item)); expected loss, gradient or change\(hint)",
          at: reader.position(of: item))
        return nil
      }
      if readouts.contains(readout) {
        reader.error(
          "show: '\(word)' is listed twice; expected each readout once",
          at: reader.position(of: item))
      }
      readouts.append(readout)
    }
    return readouts
  }

  private static func isAlwaysTrue(_ condition: LessonExpression) -> Bool {
    ["true", "1"].contains(condition.source)
  }
}
