import LossLanguage

/// `help TOPIC`: one command, built-in, learner's function or topic explained.
public struct HelpPage: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case command(group: String)
    /// A built-in function and its category's title (`losses`, `reductions`).
    case builtin(category: String)
    /// One of the learner's functions.
    case function
    /// A page about the language itself.
    case topic
  }

  public let topic: String
  public let kind: Kind
  /// `mse(p, y)`, `watch EXPR`.
  public let usage: String
  /// One line: the formula or what it does.
  public let summary: String
  public let details: [String]
  /// Lines to type, in order.
  public let example: [String]
  /// What the last example line gives, computed when the page is made: one line per name
  /// for `x, y = …` (`x = […]`, `y = […]`), empty when the example reads files.
  public let exampleResult: [String]
}

/// `help`: everything, grouped.
public struct HelpIndex: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public let name: String
    public let usage: String
    public let summary: String
  }

  public struct Section: Equatable, Sendable {
    public let title: String
    public let entries: [Entry]
    /// Shown as a grid of names rather than one line each.
    public let namesOnly: Bool
  }

  public let sections: [Section]
}

extension ShellSession {
  /// Topics `help` knows besides commands and functions.
  static let syntaxTopic = "syntax"
  static let defTopic = "def"
  static let dataTopic = "data"

  /// Every topic `help TOPIC` accepts, for completion and tests.
  public var helpTopics: [String] {
    commands.all.map(\.name) + BuiltinLibrary.names + [
      Self.syntaxTopic, Self.defTopic, Self.dataTopic,
    ]
      + scope.functions.keys.sorted()
  }

  /// The page for a topic, or nil when there is none.
  public func helpPage(for topic: String) -> HelpPage? { helpPages(for: topic).first }

  /// Every page for a topic: a name can be both a command and a function (`where`).
  public func helpPages(for topic: String) -> [HelpPage] {
    var pages: [HelpPage] = []
    if let command = commandPage(for: topic) { pages.append(command) }
    if let other = functionOrTopicPage(for: topic) { pages.append(other) }
    return pages
  }

  private func commandPage(for topic: String) -> HelpPage? {
    if let command = commands.command(named: topic) {
      return HelpPage(
        topic: command.name, kind: .command(group: command.group), usage: command.usage,
        summary: command.summary,
        details: command.details
          + (command.aliases.isEmpty ? [] : ["Also: \(command.aliases.joined(separator: ", "))."]),
        example: lines(command.example), exampleResult: [])
    }
    return nil
  }

  private func functionOrTopicPage(for topic: String) -> HelpPage? {
    if let function = scope.functions[topic] {
      let info = FunctionInfo(function)
      return HelpPage(
        topic: topic, kind: .function, usage: info.signature,
        summary: "your function: \(info.source)",
        details: [
          "Calling it at the prompt shows its value and, when that is one number, its slope with respect to the first argument, \(info.parameters.first ?? "x"), like a built-in loss."
        ], example: [], exampleResult: [])
    }
    if let builtin = BuiltinLibrary.named(topic) {
      var details: [String] = []
      if builtin.isLoss {
        details.append(
          "Typed at the prompt, it shows the loss, its gradient with respect to \(builtin.parameters.first?.name ?? "p") and which way to move each prediction."
        )
      }
      let options = builtin.parameters.filter { $0.defaultValue != nil }.map(\.name)
      if !options.isEmpty {
        details.append(
          "Options can be given by name: \(options.map { "\($0)=…" }.joined(separator: ", ")).")
      }
      return HelpPage(
        topic: topic, kind: .builtin(category: builtin.category.rawValue), usage: builtin.signature,
        summary: builtin.summary, details: details, example: lines(builtin.example),
        exampleResult: builtin.readsFiles ? [] : exampleResult(builtin.example))
    }
    if topic == Self.syntaxTopic { return syntaxPage }
    if topic == Self.defTopic { return defPage }
    if topic == Self.dataTopic { return dataPage }
    return nil
  }

  /// The list `help` shows.
  public var helpIndex: HelpIndex {
    var sections: [HelpIndex.Section] = []
    for group in commands.groups {
      let entries = commands.all.filter { $0.group == group }.map {
        HelpIndex.Entry(name: $0.name, usage: $0.usage, summary: $0.summary)
      }
      let title = group == "shell" ? "Commands" : "Commands: \(group)"
      sections.append(HelpIndex.Section(title: title, entries: entries, namesOnly: false))
    }
    for category in Builtin.Category.allCases {
      let entries = BuiltinLibrary.all.filter { $0.category == category }.map {
        HelpIndex.Entry(name: $0.name, usage: $0.signature, summary: $0.summary)
      }
      guard !entries.isEmpty else { continue }
      let title = category.rawValue.prefix(1).uppercased() + category.rawValue.dropFirst()
      sections.append(
        HelpIndex.Section(title: title, entries: entries, namesOnly: category != .loss))
    }
    let functions = scope.functions.keys.sorted().compactMap { scope.functions[$0] }.map {
      function in
      let info = FunctionInfo(function)
      return HelpIndex.Entry(name: info.name, usage: info.signature, summary: info.source)
    }
    if !functions.isEmpty {
      sections.append(
        HelpIndex.Section(title: "Your functions", entries: functions, namesOnly: false))
    }
    sections.append(
      HelpIndex.Section(
        title: "More",
        entries: [
          HelpIndex.Entry(
            name: Self.syntaxTopic, usage: "help \(Self.syntaxTopic)",
            summary: "numbers, vectors, operators, assignments and def"),
          HelpIndex.Entry(
            name: Self.dataTopic, usage: "help \(Self.dataTopic)",
            summary: "the built-in datasets, load for CSV files, split and standardize"),
          HelpIndex.Entry(
            name: "help", usage: "help NAME",
            summary: "any command or function above, with an example"),
        ], namesOnly: false))
    return HelpIndex(sections: sections)
  }

  private var syntaxPage: HelpPage {
    HelpPage(
      topic: Self.syntaxTopic, kind: .topic, usage: "the expression language",
      summary: "numbers, vectors, operators, assignments and your own functions",
      details: [
        "Numbers: 3, -0.5, 1e-3. Vectors: [1, 2, 3]. Matrices are lists of rows: [[1, 2], [3, 4]].",
        "Arithmetic works element by element: + - * / and ^ for powers (** works too); @ is the matrix product; comparisons (< <= > >= == !=) give 1 or 0.",
        "Assign with w = 0.5, change one element with p[2] = 4 and read one with p[2] (indices start at 1).",
        "Define your own function, such as a custom loss, with def name(p, y) = …. Calling a loss at the prompt, built-in or yours, shows its value, its gradient with respect to the first argument and which way to move.",
        "Options can be named: round(2.71828, digits=2). A # starts a comment. Leave a bracket open to continue on the next line.",
      ],
      example: ["p = [2.5, 5, 3]", "def sq(p, y) = mean((p - y)^2)", "sq(p, [3, 5, 2])"],
      exampleResult: [])
  }

  private var defPage: HelpPage {
    HelpPage(
      topic: Self.defTopic, kind: .topic, usage: "def NAME(PARAMETERS) = EXPRESSION",
      summary: "define your own function, such as a custom loss, on one line",
      details: [
        "The body is one expression after =, with no `:` and no `return`: Python's def f(p, y): return (p - y)**2 is written def f(p, y) = (p - y)^2 here.",
        "Pick between two values element by element with where(condition, a, b): def asym(p, y) = mean(where(y - p > 0, 2 * (y - p)^2, (y - p)^2)).",
        "Call it like a built-in; a call that gives one number also shows its gradient with respect to the first argument. Defining the name again replaces the function.",
      ],
      example: ["def sq(p, y) = mean((p - y)^2)", "sq([2.5, 5], [3, 5])"],
      exampleResult: exampleResult("def sq(p, y) = mean((p - y)^2)\nsq([2.5, 5], [3, 5])"))
  }

  /// `help data`: every built-in dataset, the real ones, and the learner's own files.
  private var dataPage: HelpPage {
    let datasets = BuiltinLibrary.all.filter { $0.category == .datasets }
    return HelpPage(
      topic: Self.dataTopic, kind: .topic, usage: "datasets, load, split, standardize",
      summary: "data to train on: built-in datasets, two real datasets, and your own CSV files",
      details: [
        "The toy datasets are made by seeded generators: the same call gives the same numbers on every machine (change seed= for other numbers). Each gives its columns as a list, so name them as you unpack: x, y = sine()."
      ]
        + datasets.map { "\($0.signature): \($0.summary)." }
        + [
          "load(\"file.csv\"): your own CSV file of numbers under a header row, its columns in order (size, price = load(\"prices.csv\")), or one by its header name with column=\"price\". Files up to 50 MB; a problem names the file, line and column.",
          "split(data, 0.8, seed=1) shuffles the rows into a training and a validation part; the same seed keeps x and y together. standardize(X) gives each column mean 0 and standard deviation 1.",
        ],
      example: ["x, y = sine(n=20)", "x_train, x_val = split(x, 0.75, seed=1)"],
      exampleResult: exampleResult("x, y = sine(n=20)\nx_train, x_val = split(x, 0.75, seed=1)"))
  }

  private func lines(_ example: String) -> [String] {
    example.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  }

  /// Runs an example in a scratch interpreter and returns what its last line gives, compactly:
  /// the value, or each name it assigned with its value.
  private func exampleResult(_ example: String) -> [String] {
    var scratch = Interpreter(isInterrupted: configuration.isInterrupted)
    var last: [(name: String?, value: Value)] = []
    for line in lines(example) {
      guard let outcome = try? scratch.run(line) else { return [] }
      switch outcome {
      case .value(let value, _), .assigned(_, let value): last = [(nil, value)]
      case .assignedSeveral(let names, let values): last = zip(names, values).map { ($0, $1) }
      case .nothing, .defined: break
      }
    }
    return last.map { name, value in
      let text = (name.map { "\($0) = " } ?? "") + ValueFormatter.compact(value)
      return text.count <= 80 ? text : String(text.prefix(79)) + "…"
    }
  }

  // MARK: Command

  static func helpCommand(_ session: inout ShellSession, _ input: CommandInvocation) -> [ShellEvent]
  {
    let topic = input.argument
    guard !topic.isEmpty else { return [.helpIndex(session.helpIndex)] }
    let pages = session.helpPages(for: topic)
    if !pages.isEmpty { return pages.map { .help($0) } }
    var message =
      "there is no help for '\(topic.count > 40 ? String(topic.prefix(37)) + "…" : topic)'"
    if session.scope[topic] != nil {
      message += "; it is one of your variables (type vars to see it)"
    } else if let close = Suggestions.closest(to: topic, among: session.helpTopics) {
      message += " — did you mean '\(close)'?"
    } else {
      message += "; type help to see every topic"
    }
    return [
      .error(Diagnostic(message: message, source: input.source, range: input.sourceRange(nil)))
    ]
  }
}
