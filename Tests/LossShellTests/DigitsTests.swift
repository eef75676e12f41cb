import LossLanguage
import Testing

@testable import LossShell

/// `digits N`: the session keeps the setting; the renderer shows numbers with it.
@Suite("digits N")
struct DigitsTests {
  @Test func keepsTheSettingAndRefusesNumbersOutsideOneToSeventeen() throws {
    var session = ShellSession()
    #expect(session.displayDigits == 6)
    #expect(session.handle(line: "digits 17").errors.isEmpty)
    #expect(session.displayDigits == 17)
    for bad in ["digits 0", "digits 18", "digits 1.5", "digits -3", "digits 99999999999999999999"] {
      #expect(session.handle(line: bad).errors.count == 1, "\(bad)")
      #expect(session.displayDigits == 17, "\(bad) changes nothing")
    }
    // Why the shell stops at 17 while format goes to 40 is said where the learner hits it.
    let refusal = session.handle(line: "digits 18").errors.first?.message ?? ""
    #expect(refusal.contains("17 digits tell any two numbers apart"))
    #expect(refusal.contains("format(x, 40)"))
    #expect(session.handle(line: "digits 3").errors.isEmpty)
    #expect(session.displayDigits == 3)
  }
}
