import LossLanguage

extension CommandRegistry {
  /// The shell's own commands. Lessons add theirs with ``register(_:)``.
  public static let standard = CommandRegistry(
    shellCommands + plotCommands + [.record])

  private static let shellCommands: [ShellCommand] = [
    ShellCommand(
      name: "help", arguments: "[TOPIC]",
      summary: "this list, or one command or function explained",
      details: [
        "help alone lists every command and built-in function; help NAME explains one, with an example you can type."
      ],
      example: "help mse", completion: .helpTopics, run: ShellSession.helpCommand),
    ShellCommand(
      name: "vars", summary: "your variables (with shapes), functions and watches",
      example: "p = [2.5, 5, 3]\nvars", run: ShellSession.varsCommand),
    ShellCommand(
      name: "watch", arguments: "[EXPR]",
      summary: "pin an expression to recompute it after every assignment",
      details: [
        "After every assignment to a variable it uses (w = 0.35, p[2] = 4), the expression is computed again and shown with its change since last time (down is better for a loss) and its slope with respect to what changed: a positive slope says lowering that variable lowers the expression.",
        "watch alone lists what is watched; unwatch stops.",
      ],
      example: "w = 0.5\nwatch mse(w * [1, 2], [2, 4])\nw = 1.5", completion: .expression,
      run: ShellSession.watchCommand),
    ShellCommand(
      name: "unwatch", arguments: "[N]", summary: "stop watching expression N, or all of them",
      example: "w = 2\nwatch w^2\nunwatch 1", run: ShellSession.unwatchCommand),
    ShellSession.digitsCommand,
    ShellCommand(
      name: "reset", summary: "forget every variable, function and watch", example: "w = 1\nreset",
      run: ShellSession.resetCommand),
    ShellCommand(
      name: "history", summary: "the lines you typed in this session",
      details: [
        "Up and Down recall earlier lines, also from earlier sessions; Ctrl-R searches them."
      ],
      example: "1 + 1\nhistory", run: ShellSession.historyCommand),
    ShellCommand(
      name: "quit", aliases: ["exit"], summary: "leave LossLab (Ctrl-D works too)", example: "quit",
      run: ShellSession.quitCommand),
  ]
}

extension ShellSession {
  static func varsCommand(_ session: inout ShellSession, _ input: CommandInvocation) -> [ShellEvent]
  {
    // Inside a lesson, the lesson's own variables, but never what the current guess is judged by.
    let run = session[state: ActiveLesson.self].run
    let scope = run?.scope ?? session.scope
    let hidden = run?.hiddenNames ?? []
    let listing = VariablesListing(
      variables: scope.variables.keys.sorted().compactMap { name in
        hidden.contains(name)
          ? nil : scope.variables[name].map { NamedValue(name: name, value: $0) }
      },
      functions: scope.functions.keys.sorted().compactMap {
        scope.functions[$0].map(FunctionInfo.init)
      },
      watches: session.watches.map(\.source))
    let secret: [ShellEvent] =
      hidden.isEmpty
      ? []
      : [
        .notice(
          "hidden until the step that asks for them is done: \(hidden.sorted().joined(separator: ", "))"
        )
      ]
    guard !listing.isEmpty else {
      return [.notice("no variables yet; make one with a name and =, like w = 0.5")] + secret
    }
    return [.variables(listing)] + secret
  }

  static func resetCommand(_ session: inout ShellSession, _ input: CommandInvocation)
    -> [ShellEvent]
  {
    let scope = session.scope
    var parts: [String] = []
    func count(_ n: Int, _ noun: String) {
      if n > 0 { parts.append(n == 1 ? "1 \(noun)" : "\(n) \(noun)s") }
    }
    count(scope.variables.count, "variable")
    count(scope.functions.count, "function")
    count(session.watches.count, "watch")
    session.scope = Scope()
    session.watches = []
    guard !parts.isEmpty else {
      return [.notice("nothing to forget: there were no variables, functions or watches")]
    }
    return [.notice("forgot \(parts.joined(separator: ", ")); you are starting afresh")]
  }

  static func historyCommand(_ session: inout ShellSession, _ input: CommandInvocation)
    -> [ShellEvent]
  {
    [.history(firstNumber: session.historyStart, lines: session.history)]
  }

  static func quitCommand(_ session: inout ShellSession, _ input: CommandInvocation) -> [ShellEvent]
  {
    let interactive = session.configuration.interactive
    session.requestExit()
    return interactive ? session.placeSavedNotice + [.goodbye] : []
  }
}
