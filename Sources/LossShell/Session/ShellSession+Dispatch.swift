import LossLanguage

extension ShellSession {
  /// Runs a complete input: a command, the lesson step that is waiting for it, or the language.
  mutating func dispatch(_ text: String) -> [ShellEvent] {
    if text.allSatisfy(\.isWhitespace) {
      // A plain Enter means something to a running lesson ("go on").
      if let handle = interceptor?.handle, let events = handle(&self, text) { return events }
      return []
    }
    if let (command, invocation) = commandInvocation(in: text) {
      let run = command.run
      return run(&self, invocation)
    }
    if let handle = interceptor?.handle, let events = handle(&self, text) { return events }
    return evaluate(text)
  }

  /// The command a line invokes, if its first word names one. `quitting = 1`, `vars = 2` and
  /// calls of the learner's functions stay with the language; `help(mse)` and `quit()` are
  /// accepted as commands for learners used to Python.
  func commandInvocation(in text: String) -> (ShellCommand, CommandInvocation)? {
    let scalars = Array(text.unicodeScalars)
    guard let (name, i) = Identifier.leadingWord(in: scalars),
      let command = commands.command(named: name)
    else { return nil }
    var j = i
    while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
    let next = j < scalars.count ? scalars[j] : nil
    let after = j + 1 < scalars.count ? scalars[j + 1] : nil
    if next == "=", after != "=" { return nil }
    var argumentStart = j
    var argumentEnd = scalars.count
    // A comment after a command is not part of its argument (`watch w^2  # the loss`).
    var inString = false
    for k in j..<scalars.count {
      if scalars[k] == "\"" { inString.toggle() }
      if scalars[k] == "#", !inString {
        argumentEnd = k
        break
      }
    }
    if next == "(" {
      if scope.functions[name] != nil { return nil }
      while argumentEnd > j, scalars[argumentEnd - 1] == " " || scalars[argumentEnd - 1] == "\t" {
        argumentEnd -= 1
      }
      guard argumentEnd > j, scalars[argumentEnd - 1] == ")" else { return nil }
      argumentStart = j + 1
      argumentEnd -= 1
    } else if let next, scope[name] != nil, "[+-*/^@<>!=".unicodeScalars.contains(next) {
      return nil
    }
    while argumentStart < argumentEnd, scalars[argumentStart] == " " { argumentStart += 1 }
    while argumentEnd > argumentStart,
      scalars[argumentEnd - 1] == " " || scalars[argumentEnd - 1] == "\t"
    {
      argumentEnd -= 1
    }
    let argument = String(String.UnicodeScalarView(scalars[argumentStart..<argumentEnd]))
    return (
      command,
      CommandInvocation(name: name, argument: argument, argumentColumn: argumentStart, source: text)
    )
  }
}

/// The characters of names, as the language's lexer reads them.
enum Identifier {
  static func isStart(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
  }

  static func isPart(_ c: Unicode.Scalar) -> Bool { isStart(c) || ("0"..."9").contains(c) }

  /// The name a line starts with (after blanks and an optional `:`, as in `:help`), and the
  /// index just after it: the word that may name a command.
  static func leadingWord(in scalars: [Unicode.Scalar]) -> (name: String, end: Int)? {
    var i = 0
    while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
    if i < scalars.count, scalars[i] == ":" { i += 1 }
    let start = i
    while i < scalars.count, isPart(scalars[i]) { i += 1 }
    guard i > start, isStart(scalars[start]) else { return nil }
    return (String(String.UnicodeScalarView(scalars[start..<i])), i)
  }

  /// The line's only word, when it is a single name.
  static func single(in text: String) -> String? {
    let word = text.trimmed
    guard let first = word.unicodeScalars.first, isStart(first),
      word.unicodeScalars.allSatisfy(isPart)
    else {
      return nil
    }
    return word
  }
}
