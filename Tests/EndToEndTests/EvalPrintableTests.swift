import Foundation
import Testing

/// `losslab eval` prints what was typed back (a string value, an error's source line): a
/// control character in it is shown visibly, never sent to the terminal.
@Suite("losslab eval never prints raw control characters")
struct EvalPrintableTests {
  @Test func anErrorsSourceLineShowsEscapeVisibly() throws {
    let run = try LossLabBinary.run(["eval", "\u{1B}]0;pwned\u{07}1 +"])
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(!run.stderr.unicodeScalars.contains("\u{1B}"), "\(run.summary)")
    #expect(!run.stderr.unicodeScalars.contains("\u{07}"), "\(run.summary)")
  }

  @Test func aStringValueShowsEscapeVisibly() throws {
    let run = try LossLabBinary.run(["eval", "\"\u{1B}[2Jcleared\""])
    #expect(!run.stdout.unicodeScalars.contains("\u{1B}"), "\(run.summary)")
    #expect(!run.stderr.unicodeScalars.contains("\u{1B}"), "\(run.summary)")
    #expect((run.stdout + run.stderr).contains("^["), "\(run.summary)")
  }
}
