import LossLanguage

/// `digits N`: how many significant digits the shell shows (6 unless changed), so that 0.2875
/// can be seen as 0.28749999999999998. Tables of loss terms keep their 4.
enum DisplayDigits: ShellStateKey {
  static let defaultValue = 6
  /// 17 digits tell every double apart; beyond that only the exact decimal expansion continues.
  static let allowed = 1...17
}

extension ShellSession {
  /// The significant digits numbers are shown with (`digits N`).
  public var displayDigits: Int { self[state: DisplayDigits.self] }

  static let digitsCommand = ShellCommand(
    name: "digits", arguments: "[N]",
    summary: "show numbers with N significant digits (6 unless changed)",
    details: [
      "digits 17 shows every number to the last digit a double holds (0.2875 is 0.28749999999999998); digits 6 goes back; digits alone says the current setting. format(x, 17) does the same for one value."
    ],
    example: "digits 17\n0.1 + 0.2\ndigits 6", run: ShellSession.digits)

  static func digits(_ session: inout ShellSession, _ input: CommandInvocation) -> [ShellEvent] {
    guard !input.argument.isEmpty else {
      return [.notice("numbers are shown with \(session.displayDigits) significant digits")]
    }
    guard let n = Int(input.argument), DisplayDigits.allowed.contains(n) else {
      return [
        .error(
          Diagnostic(
            message:
              "digits takes a whole number from \(DisplayDigits.allowed.lowerBound) to \(DisplayDigits.allowed.upperBound), like digits 17 (17 digits tell any two numbers apart; to see more of one number's exact value, format(x, 40))",
            source: input.source, range: input.sourceRange(nil)))
      ]
    }
    session[state: DisplayDigits.self] = n
    return [.notice("numbers are now shown with \(n) significant digits")]
  }
}
