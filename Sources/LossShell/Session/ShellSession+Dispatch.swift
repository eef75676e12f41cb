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
