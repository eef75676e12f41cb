import LossLanguage

extension ShellSession {
  /// The characters that end a word for completion; a line editor should split words on
  /// exactly these, so its word matches the one completed here.
  public static let completionWordBreaks = " \t\n\"()[],=+-*/^@<>!#:;"

  /// Full replacements for the word that ends at `cursor`: the name of a command at the start
  /// of a line, built-ins, the learner's variables and functions, named arguments inside a call
  /// (`huber(p, y, de` → `delta=`), help topics after `help`, lesson names where a command
  /// takes one.
  ///
  /// - Parameters:
  ///   - line: The text being edited (the current line of a multi-line input).
  ///   - cursor: The cursor as a UTF-8 byte offset into `line` (libedit's `rl_point`).
  /// - Returns: Candidates starting with the word, named arguments first, then sorted.
  public func completions(line: String, cursor: Int) -> [String] {
    let scalars = Array(line.unicodeScalars)
    var end = 0
    var bytes = 0
    while end < scalars.count, bytes + UTF8.width(scalars[end]) <= cursor {
      bytes += UTF8.width(scalars[end])
      end += 1
    }
    var start = end
    while start > 0, Identifier.isPart(scalars[start - 1]) { start -= 1 }
    let word = String(String.UnicodeScalarView(scalars[start..<end]))
    if let first = word.unicodeScalars.first, !Identifier.isStart(first) { return [] }
    let before = String(String.UnicodeScalarView(scalars[0..<start]))

    guard buffer.isEmpty else {
      return expressionCompletions(
        context: buffer.lines.joined(separator: " ") + " " + before, word: word)
    }
    let lead = before.trimmed
    if lead.isEmpty || lead == ":" {
      return unique(
        commands.names.filter { $0.hasPrefix(word) }
          + expressionCompletions(context: "", word: word))
    }
    if let (command, argument) = commandContext(before) {
      let candidates: [String]
      switch command.completion {
      case .none: candidates = []
      case .helpTopics: candidates = helpTopics
      case .lessonNames: candidates = configuration.lessonNames()
      case .custom(let provide): candidates = provide(self)
      case .expression: return expressionCompletions(context: argument, word: word)
      }
      return unique(candidates.filter { $0.hasPrefix(word) }.sorted())
    }
    return expressionCompletions(context: before, word: word)
  }

  /// The command whose argument is being typed, and the argument so far.
  private func commandContext(_ before: String) -> (ShellCommand, String)? {
    let scalars = Array(before.unicodeScalars)
    guard let (name, i) = Identifier.leadingWord(in: scalars),
      i < scalars.count, scalars[i] == " " || scalars[i] == "\t",
      let command = commands.command(named: name)
    else { return nil }
    let rest = String(String.UnicodeScalarView(scalars[i...]))
    if rest.trimmed.hasPrefix("="), !rest.trimmed.hasPrefix("==") { return nil }
    return (command, rest)
  }

  /// Names in the language, with the open call's remaining parameters first.
  private func expressionCompletions(context: String, word: String) -> [String] {
    let named = namedArguments(context: context).filter { $0.hasPrefix(word) }
    let names = BuiltinLibrary.names + BuiltinLibrary.constants.keys + scope.names
    return unique(named + names.filter { $0.hasPrefix(word) }.sorted())
  }

  /// `delta=` and friends: parameters of the innermost open call not yet given, when the
  /// cursor starts a new argument.
  private func namedArguments(context: String) -> [String] {
    struct OpenBracket {
      var function: String?
      var positional = 0
      var named: Set<String> = []
      var label: String?
      var hasContent = false
    }
    var stack: [OpenBracket] = []
    var lastName: String?
    var inString = false
    let scalars = Array(context.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if inString {
        if c == "\"" { inString = false }
        i += 1
        continue
      }
      if Identifier.isStart(c) {
        let start = i
        while i < scalars.count, Identifier.isPart(scalars[i]) { i += 1 }
        lastName = String(String.UnicodeScalarView(scalars[start..<i]))
        if !stack.isEmpty { stack[stack.count - 1].hasContent = true }
        continue
      }
      switch c {
      case " ", "\t":
        i += 1
        continue
      case "\"":
        inString = true
      case "(":
        stack.append(OpenBracket(function: lastName))
      case "[":
        if !stack.isEmpty { stack[stack.count - 1].hasContent = true }
        stack.append(OpenBracket(function: nil))
      case ")", "]":
        if !stack.isEmpty { stack.removeLast() }
        if !stack.isEmpty { stack[stack.count - 1].hasContent = true }
      case ",":
        if var top = stack.popLast() {
          if let label = top.label { top.named.insert(label) } else { top.positional += 1 }
          top.label = nil
          top.hasContent = false
          stack.append(top)
        }
      case "=":
        let next = i + 1 < scalars.count ? scalars[i + 1] : nil
        if next != "=", var top = stack.popLast() {
          top.label = lastName
          stack.append(top)
        } else if next == "=" {
          i += 1
        }
      default:
        if !stack.isEmpty { stack[stack.count - 1].hasContent = true }
      }
      lastName = nil
      i += 1
    }
    guard let top = stack.last, let function = top.function, !top.hasContent, top.label == nil
    else { return [] }
    let parameters: [String]
    if let builtin = BuiltinLibrary.named(function), !builtin.isVariadic {
      parameters = builtin.parameters.map(\.name)
    } else if let user = scope.functions[function] {
      parameters = user.parameters
    } else {
      return []
    }
    return parameters.enumerated().filter {
      $0.offset >= top.positional && !top.named.contains($0.element)
    }
    .map { "\($0.element)=" }
  }

  private func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
  }
}
