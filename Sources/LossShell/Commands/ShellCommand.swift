import LossLanguage

/// A command the learner can type (`help`, `watch`, and later `lessons`, `start`, `next`…).
///
/// Commands are data in a ``CommandRegistry``: another module adds its own by registering
/// them on the session, with no switch to edit. A line is a command when its first word is a
/// registered name (or alias) and it is not an assignment to a variable of that name.
public struct ShellCommand: Sendable {
  /// Runs the command: the session to act on (its scope, watches, state) and what was typed.
  public typealias Handler = @Sendable (inout ShellSession, CommandInvocation) -> [ShellEvent]

  /// What Tab completes after the command's name.
  public enum ArgumentCompletion: Sendable {
    case none
    /// Names in the language, call arguments (`watch mse(p, y, de` → `delta=`).
    case expression
    /// Commands, built-ins and the learner's functions (`help`).
    case helpTopics
    /// Lesson names from ``ShellConfiguration/lessonNames``.
    case lessonNames
    /// Anything else, computed from the session.
    case custom(@Sendable (ShellSession) -> [String])
  }

  public let name: String
  /// Other names for the same command (`exit` for `quit`).
  public let aliases: [String]
  /// The argument part of the usage line, e.g. `EXPR`, `[N]`, `[TOPIC]`; empty for none.
  public let arguments: String
  /// One line for the `help` list.
  public let summary: String
  /// Paragraphs for `help NAME`.
  public let details: [String]
  /// Lines a learner could type, one per line; `help` shows them and the tests run them.
  public let example: String
  /// The heading `help` lists it under ("shell", "lessons").
  public let group: String
  public let completion: ArgumentCompletion
  public let run: Handler

  public init(
    name: String, aliases: [String] = [], arguments: String = "", summary: String,
    details: [String] = [],
    example: String, group: String = "shell", completion: ArgumentCompletion = .none,
    run: @escaping Handler
  ) {
    self.name = name
    self.aliases = aliases
    self.arguments = arguments
    self.summary = summary
    self.details = details
    self.example = example
    self.group = group
    self.completion = completion
    self.run = run
  }

  /// `watch EXPR`.
  public var usage: String { arguments.isEmpty ? name : "\(name) \(arguments)" }
}

/// What the learner typed for a command.
public struct CommandInvocation: Equatable, Sendable {
  /// The name as typed (an alias, possibly).
  public let name: String
  /// Everything after the name, trimmed; empty when none.
  public let argument: String
  /// The column (0-based, in Unicode scalars) where `argument` starts in `source`, for carets.
  public let argumentColumn: Int
  /// The whole input.
  public let source: String

  public init(name: String, argument: String, argumentColumn: Int, source: String) {
    self.name = name
    self.argument = argument
    self.argumentColumn = argumentColumn
    self.source = source
  }

  /// A range within the argument moved to the columns of the whole input.
  public func sourceRange(_ range: SourceRange?) -> SourceRange {
    guard let range else {
      return SourceRange(argumentColumn, argumentColumn + max(1, argument.unicodeScalars.count))
    }
    return SourceRange(range.start + argumentColumn, range.end + argumentColumn)
  }

  /// An error when the argument, a file name, holds a control character (a name that would
  /// print as an escape sequence); nil when it is plain. `example` shows a good name.
  public func fileNameProblem(example: String) -> ShellEvent? {
    guard let control = PrintableText.firstControlCharacter(in: argument) else { return nil }
    return .error(
      Diagnostic(
        message:
          "a file name can't hold control characters (\(control.shown) at character \(control.offset + 1)); type the name plainly, like \(example)",
        source: source, range: sourceRange(nil)))
  }
}

/// The commands a session knows, in the order `help` lists them.
public struct CommandRegistry: Sendable {
  public private(set) var all: [ShellCommand] = []

  public init(_ commands: [ShellCommand] = []) {
    commands.forEach { register($0) }
  }

  /// Adds a command, replacing any with the same name.
  public mutating func register(_ command: ShellCommand) {
    if let index = all.firstIndex(where: { $0.name == command.name }) {
      all[index] = command
    } else {
      all.append(command)
    }
  }

  public mutating func remove(named name: String) {
    all.removeAll { $0.name == name }
  }

  /// The command with this name or alias.
  public func command(named name: String) -> ShellCommand? {
    all.first { $0.name == name } ?? all.first { $0.aliases.contains(name) }
  }

  /// Every name and alias, for completion.
  public var names: [String] { all.flatMap { [$0.name] + $0.aliases } }

  /// The groups in first-registered order.
  public var groups: [String] {
    var seen: [String] = []
    for command in all where !seen.contains(command.group) { seen.append(command.group) }
    return seen
  }
}
