import LossEngine
import LossLanguage
import Synchronization
import Testing

@testable import LossShell

@Suite("Multi-line input")
struct MultilineTests {
  @Test func openBracketsContinueOnTheNextLine() {
    var session = ShellSession()
    #expect(session.prompt == "losslab> ")
    #expect(session.handle(line: "p = [1, 2,") == [])
    #expect(session.isContinuing)
    #expect(session.prompt == session.continuationPrompt)
    #expect(session.prompt.hasSuffix("...> "))
    #expect(session.prompt.count == "losslab> ".count)
    #expect(session.handle(line: "3]") == [.value(name: "p", .tensor(tensor([1, 2, 3])))])
    #expect(!session.isContinuing)
  }

  @Test func commentsDoNotSwallowLaterLines() {
    var session = ShellSession()
    run(["p = [1,  # the first", "2]  # and the second"], in: &session)
    #expect(session.scope["p"] == .tensor(tensor([1, 2])))
  }

  @Test func bracketsInStringsAndCommentsDoNotCount() {
    var session = ShellSession()
    #expect(
      session.handle(line: "1 + 1 # (not open").first
        == .value(name: nil, .tensor(Tensor(scalar: 2))))
    #expect(!session.isContinuing)
  }

  @Test func anUnbalancedClosingBracketIsAnErrorAtOnce() throws {
    var session = ShellSession()
    let error = try #require(session.handle(line: "1 + 2)").errors.first)
    #expect(error.range == SourceRange(5, 6))
    #expect(!session.isContinuing)
  }

  @Test func aMismatchedBracketEndsTheInput() {
    var session = ShellSession()
    #expect(session.handle(line: "p = [1, (2,") == [])
    #expect(session.handle(line: "3]").errors.count == 1)
    #expect(!session.isContinuing)
    #expect(session.scope["p"] == nil)
  }

  @Test func anEmptyContinuationLineSaysWhatIsAwaited() {
    var session = ShellSession()
    run(["mse([1, 2],"], in: &session)
    let notice = session.handle(line: "").notices.first
    #expect(notice?.contains("(") == true)
    #expect(notice?.contains("Ctrl-C") == true)
    #expect(session.isContinuing)
  }

  @Test func commandsMaySpanLines() {
    var session = ShellSession()
    run(["w = 1", "watch mse(w * [1,", "2], [1, 2])"], in: &session)
    #expect(session.watches.map(\.source) == ["mse(w * [1, 2], [1, 2])"])
  }

  @Test func theEndOfInputInsideBracketsIsAnError() {
    var session = ShellSession(configuration: .script)
    run(["p = [1,"], in: &session)
    let events = session.endOfInput()
    #expect(events.errors.count == 1)
    #expect(events.errors.first?.line == 1)
    #expect(session.anyLineFailed)
    #expect(session.shouldExit)
  }
}

/// A Ctrl-C flag as the executable would keep it.
final class InterruptFlag: Sendable {
  private let raised = Mutex(false)
  func raise() { raised.withLock { $0 = true } }
  var isRaised: Bool { raised.withLock { $0 } }
}

@Suite("Ctrl-C")
struct InterruptTests {
  @Test func ctrlCClearsAnUnfinishedInput() {
    var session = ShellSession()
    run(["p = [1, 2,"], in: &session)
    let events = session.interrupt()
    guard case .interrupted? = events.first else {
      Issue.record("expected .interrupted, got \(events)")
      return
    }
    #expect(!session.isContinuing)
    #expect(session.handle(line: "3]").errors.count == 1)
    #expect(session.scope["p"] == nil)
  }

  @Test func aSecondCtrlCOnAnEmptyPromptSaysHowToLeave() {
    var session = ShellSession()
    #expect(session.interrupt() == [])
    let hint = session.interrupt().notices.first
    #expect(hint == "press Ctrl-D or type quit to leave")
    #expect(!session.shouldExit)
  }

  @Test func clearingAHalfTypedLineIsNotAnEmptyPrompt() {
    var session = ShellSession()
    #expect(session.interrupt(partial: "mse(1") == [])
    #expect(session.interrupt() == [])
    #expect(session.interrupt().notices.count == 1)
  }

  @Test func aLineInBetweenStartsTheCountAgain() {
    var session = ShellSession()
    _ = session.interrupt()
    run(["1 + 1"], in: &session)
    #expect(session.interrupt() == [])
  }

  @Test func aLongComputationStopsWithoutChangingAnything() {
    let flag = InterruptFlag()
    var session = ShellSession(configuration: ShellConfiguration(isInterrupted: { flag.isRaised }))
    run(["w = 1"], in: &session)
    flag.raise()
    let events = session.handle(line: "w = sum(linspace(0, 1, 1000))")
    guard case .interrupted(let message)? = events.first else {
      Issue.record("expected .interrupted, got \(events)")
      return
    }
    #expect(message.contains("interrupted"))
    #expect(session.scope["w"] == .tensor(Tensor(scalar: 1)))
  }

  @Test func inputsCanBeReceivedAsOneStream() {
    var session = ShellSession()
    #expect(session.receive(.line("w = 2")) == [.value(name: "w", .tensor(Tensor(scalar: 2)))])
    #expect(session.receive(.interrupt(partial: "")) == [])
    #expect(session.receive(.endOfInput) == [.goodbye])
    #expect(session.shouldExit)
  }
}
