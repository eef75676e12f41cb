import LossLanguage
import LossPlots
internal import Yams

/// How one step kind is read: its `kind:` word, the fields it adds to the common ones, and the
/// function that builds its content. Adding a kind is one entry in `StepDecoders.all` plus its
/// case in `LessonStep.Content`.
struct StepKindDecoder: Sendable {
  let kind: String
  let fields: [String]
  let decode: @Sendable (MappingFields) -> LessonStep.Content?
}

enum StepDecoders {
  /// Fields any step may have.
  static let commonFields = ["kind", "title", "hints"]

  static let all: [StepKindDecoder] = [
    say, predict, compute, choose, tweak, explore, plot, define,
  ]

  static let kinds = all.map(\.kind)

  static func decoder(for kind: String) -> StepKindDecoder? {
    all.first { $0.kind == kind }
  }

  /// "it belongs to predict and tweak steps", for a field used in the wrong kind of step.
  static func owners(of field: String) -> String? {
    let owners = all.filter { $0.fields.contains(field) }.map(\.kind)
    guard !owners.isEmpty else { return nil }
    return "it belongs to \(WordList.joined(owners)) steps"
  }

  // MARK: The kinds

  static let say = StepKindDecoder(kind: "say", fields: ["text"]) { fields in
    let text = fields.required("text", expected: "the text to show", fields.reader.template)
    return text.map { .say(SayStep(text: $0)) }
  }

  static let explore = StepKindDecoder(kind: "explore", fields: ["text"]) { fields in
    let text = fields.required(
      "text", expected: "what to try in the sandbox", fields.reader.template)
    return text.map { .explore(ExploreStep(text: $0)) }
  }

  static let predict = StepKindDecoder(
    kind: "predict",
    fields: [
      "text", "prompt", "input", "size", "bind", "loss", "show", "feedback", "goal", "max_tries",
      "answer",
    ],
    decode: PredictStepDecoder.decode)

  static let compute = StepKindDecoder(
    kind: "compute", fields: ["text", "answer", "tolerance", "rounding", "wrong"]
  ) { fields in
    let reader = fields.reader
    let text = fields.required("text", expected: "the question", reader.template)
    let answer = fields.required(
      "answer", expected: "an expression giving the right value",
      reader.expression)
    let tolerance = fields.optional("tolerance", expected: "a number like 1e-6") {
      reader.number($0, field: $1, atLeast: 0)
    }
    let rounding = fields.optional("rounding", expected: "a number of decimal places") {
      reader.integer($0, field: $1, range: 0...12)
    }
    let wrong = fields.entries(
      "wrong", required: false, expected: "a list of {answer, say}", count: 1...50,
      itemName: "this wrong-answer entry", allowed: ["answer", "say"]
    ) { entry -> ComputeStep.WrongAnswer? in
      let answer = entry.required("answer", expected: "the wrong expression", reader.expression)
      let say = entry.required("say", expected: "what to tell the learner", reader.template)
      guard let answer, let say else { return nil }
      return ComputeStep.WrongAnswer(answer: answer, say: say)
    }
    let check: ComputeStep.Check?
    switch (fields.has("tolerance"), fields.has("rounding")) {
    case (true, true):
      reader.error(
        "this compute step has both 'tolerance' and 'rounding'; expected exactly one of them",
        at: fields.position)
      check = nil
    case (false, false):
      reader.error(
        "this compute step has no 'tolerance' or 'rounding'; expected tolerance: 1e-6 (how far"
          + " off still counts) or rounding: 2 (decimal places)", at: fields.position)
      check = nil
    case (true, false):
      check = tolerance.map { .tolerance($0) }
    case (false, true):
      check = rounding.map { .rounding(places: $0) }
    }
    guard let text, let answer, let check else { return nil }
    return .compute(ComputeStep(text: text, answer: answer, check: check, wrong: wrong ?? []))
  }

  static let choose = StepKindDecoder(kind: "choose", fields: ["question", "options"]) {
    fields in
    let reader = fields.reader
    let question = fields.required("question", expected: "the question", reader.template)
    let options = fields.entries(
      "options", required: true, expected: "a list of {text, correct, feedback}", count: 2...26,
      itemName: "this option", allowed: ["text", "correct", "feedback"]
    ) { option -> ChooseStep.Option? in
      let text = option.required("text", expected: "the option's text", reader.template)
      let correct = option.optional("correct", expected: "true or false", reader.boolean)
      let feedback = option.optional(
        "feedback", expected: "what to say when it is picked", reader.template)
      return text.map {
        ChooseStep.Option(text: $0, isCorrect: correct ?? false, feedback: feedback)
      }
    }
    guard let question, let options else { return nil }
    if !options.contains(where: \.isCorrect) {
      reader.error(
        "no option is marked correct; expected correct: true on at least one option",
        at: fields.node("options").map(reader.position(of:)) ?? fields.position)
    }
    var seen: Set<String> = []
    for option in options where !seen.insert(option.text.text).inserted {
      reader.error(
        "duplicate option '\(option.text.text)'; expected every option to differ",
        at: option.text.position)
    }
    return .choose(ChooseStep(question: question, options: options))
  }

  static let tweak = StepKindDecoder(
    kind: "tweak",
    fields: ["text", "setup", "watch", "variables", "show", "feedback", "goal", "answer"]
  ) { fields in
    let reader = fields.reader
    let text = fields.required("text", expected: "what to change and why", reader.template)
    let setup = fields.optional(
      "setup", expected: "expressions, one per line", reader.expressionLines)
    let watch = fields.required(
      "watch", expected: "the loss to watch, like \"mse(w * x, y)\"",
      reader.expression)
    let variables = fields.required("variables", expected: "a list of names, like [w]") {
      node, field -> [String]? in
      guard let items = reader.list(node, field: field, count: 1...20) else { return nil }
      let names = items.compactMap { reader.identifier($0, field: field) }
      guard names.count == items.count else { return nil }
      reportDuplicates(names, items: items, field: field, reader: reader)
      return names
    }
    let goal = fields.required(
      "goal", expected: "an expression like \"loss < 0.01\"",
      reader.expression)
    let answer = fields.required(
      "answer", expected: "assignments that reach the goal, like [\"w = 2\"]"
    ) {
      node, field -> [LessonExpression]? in
      guard let items = reader.list(node, field: field, count: 1...50) else { return nil }
      let expressions = items.compactMap { reader.expression($0, field: field) }
      return expressions.count == items.count ? expressions : nil
    }
    let show = fields.optional("show", expected: "a list from loss, gradient, change") {
      node, field in PredictStepDecoder.readReadouts(node, field: field, reader: reader)
    }
    let feedback = PredictStepDecoder.feedbackEntries(fields)
    guard let text, let watch, let variables, let goal, let answer else { return nil }
    return .tweak(
      TweakStep(
        text: text, setup: setup ?? [], watch: watch, variables: variables,
        show: show ?? TweakStep.defaultReadouts, feedback: feedback ?? [], goal: goal,
        answer: answer))
  }

  static let define = StepKindDecoder(
    kind: "define",
    fields: [
      "text", "function", "targets", "properties", "too_low_costs", "too_high_costs", "wrong",
      "answer",
    ]
  ) { fields in
    let reader = fields.reader
    let text = fields.required("text", expected: "the loss to write", reader.template)
    let function = fields.required(
      "function", expected: "the name the learner's function must have", reader.identifier)
    let targets = fields.required(
      "targets", expected: "the targets to try, like \"y\"", reader.expression)
    let properties = fields.optional(
      "properties", expected: "a list from \(DefineStep.Property.allCases.map(\.rawValue))"
    ) { node, field -> [DefineStep.Property]? in
      guard let items = reader.list(node, field: field, count: 0...8) else { return nil }
      let names = DefineStep.Property.allCases.map(\.rawValue)
      var found: [DefineStep.Property] = []
      for item in items {
        guard let word = item.string, let property = DefineStep.Property(rawValue: word) else {
          let hint =
            item.string.flatMap { Suggestions.closest(to: $0, among: names) }
            .map { " — did you mean '\($0)'?" } ?? ""
          reader.error(
            "properties: found \(reader.describe(item)); expected one of \(WordList.joined(names))\(hint)",
            at: reader.position(of: item))
          return nil
        }
        found.append(property)
      }
      return found
    }
    let ratio = fields.optional("too_low_costs", expected: "a number like 2") {
      reader.number($0, field: $1, atLeast: 0)
    }
    let highRatio = fields.optional("too_high_costs", expected: "a number like 3") {
      reader.number($0, field: $1, atLeast: 0)
    }
    if ratio != nil, highRatio != nil {
      reader.error(
        "this define step has both too_low_costs and too_high_costs; expected one of them",
        at: fields.position)
    }
    let wrong = fields.entries(
      "wrong", required: false, expected: "a list of {define, say}", count: 1...50,
      itemName: "this wrong-definition entry", allowed: ["define", "say"]
    ) { entry -> DefineStep.WrongDefinition? in
      let definition = entry.required(
        "define", expected: "a wrong def line", reader.expression)
      let say = entry.required("say", expected: "what to tell the learner", reader.template)
      guard let definition, let say else { return nil }
      return DefineStep.WrongDefinition(definition: definition, say: say)
    }
    let answer = fields.required(
      "answer", expected: "a def line that passes, like \"def f(p, y) = (p - y)^2\"",
      reader.expression)
    for (field, value) in [("too_low_costs", ratio), ("too_high_costs", highRatio)] {
      if let value, value <= 0 {
        reader.error(
          "\(field): \(value) is not above 0; expected how many times one miss costs the other",
          at: fields.node(field).map(reader.position(of:)) ?? fields.position)
      }
    }
    guard let text, let function, let targets, let answer else { return nil }
    return .define(
      DefineStep(
        text: text, function: function, targets: targets, properties: properties ?? [],
        tooLowCosts: ratio, tooHighCosts: highRatio, wrong: wrong ?? [], answer: answer))
  }

  static let plot = StepKindDecoder(kind: "plot", fields: ["text", "plot"]) { fields in
    let reader = fields.reader
    let text = fields.required("text", expected: "what the plot shows", reader.template)
    let call = fields.required(
      "plot", expected: "a plot call, like \"plot(mse(e, 0), e, -3, 3)\", or {expr, var, from, to}"
    ) { node, field -> LessonExpression? in
      if case .mapping = node { return shorthandPlot(node, field: field, reader: reader) }
      guard let call = reader.expression(node, field: field) else { return nil }
      guard case .call(let name, _, _, _)? = try? Parser.parseExpression(call.source),
        PlotBuilder.isPlotCall(name)
      else {
        reader.error(
          "plot: expected a call of plot, curve, landscape or scatter, like plot(mse(e, 0), e, -3, 3)",
          at: call.position)
        return nil
      }
      return call
    }
    guard let text, let call else { return nil }
    return .plot(PlotStep(text: text, call: call))
  }

  /// `{expr, var, from, to}`: one curve, the same as `plot(EXPR, VAR, FROM, TO)`.
  private static func shorthandPlot(_ node: Node, field: String, reader: LessonReader)
    -> LessonExpression?
  {
    guard let plot = MappingFields(node, name: "this plot", field: field, reader: reader)
    else { return nil }
    plot.rejectUnknown(allowed: ["expr", "var", "from", "to"])
    let expression = plot.required("expr", expected: "the expression to plot", reader.expression)
    let variable = plot.required("var", expected: "the variable along x", reader.identifier)
    let from = plot.required("from", expected: "where x starts", { reader.number($0, field: $1) })
    let to = plot.required("to", expected: "where x ends", { reader.number($0, field: $1) })
    guard let expression, let variable, let from, let to else { return nil }
    guard from < to else {
      reader.error(
        "plot: from (\(from)) is not below to (\(to)); expected from < to",
        at: plot.node("to").map(reader.position(of:)) ?? plot.position)
      return nil
    }
    return LessonExpression(
      "plot(\(expression.source), \(variable), \(from), \(to))", at: expression.position)
  }

  /// Reports each repeat of a name in a list, at the repeat.
  static func reportDuplicates(
    _ names: [String], items: [Node], field: String, reader: LessonReader
  ) {
    var seen: Set<String> = []
    for (name, item) in zip(names, items) where !seen.insert(name).inserted {
      reader.error(
        "\(field): '\(name)' is listed twice; expected each name once",
        at: reader.position(of: item))
    }
  }
}
