import LossEngine
import LossLanguage
import Testing

@testable import LossShell

@Suite("Tab completion")
struct CompletionTests {
  func complete(_ line: String, in session: ShellSession = ShellSession()) -> [String] {
    session.completions(line: line, cursor: line.utf8.count)
  }

  @Test func builtInsComplete() {
    #expect(complete("sig") == ["sigmoid", "sign"])
    #expect(complete("me") == ["mean"])
    #expect(complete("2 * sq") == ["sqrt", "square"])
    #expect(complete("ms") == ["mse"])
  }

  @Test func commandsCompleteOnlyAtTheStart() {
    #expect(complete("he") == ["help"])
    #expect(complete("unw") == ["unwatch"])
    #expect(complete("ex") == ["exit", "exp", "expm1"])
    #expect(complete("1 + he") == [])
  }

  @Test func theLearnersNamesComplete() {
    var session = ShellSession()
    run(["weights = [1, 2]", "width = 3", "def wsq(p, y) = mean((p - y)^2)"], in: &session)
    #expect(complete("w", in: session).prefix(3) == ["watch", "weights", "where"])
    #expect(complete("mse(we", in: session) == ["weights"])
    #expect(complete("wi", in: session) == ["width"])
    #expect(complete("2 * ws", in: session) == ["wsq"])
  }

  @Test func helpCompletesTopics() {
    var session = ShellSession()
    run(["def sq(p, y) = mean((p - y)^2)"], in: &session)
    #expect(complete("help ms", in: session) == ["mse"])
    #expect(complete("help sq", in: session) == ["sq", "sqrt", "square"])
    #expect(complete("help syn", in: session) == ["syntax"])
    #expect(complete("help unw", in: session) == ["unwatch"])
  }

  @Test func namedArgumentsCompleteInsideACall() {
    #expect(complete("round(2.7, di") == ["digits="])
    #expect(complete("round(x=2.7, ").first == "digits=")
    #expect(!complete("round(x=2.7, ").contains("x="))
    #expect(complete("round(2.7, digits=di") == [])
    #expect(complete("[di") == [])
    #expect(complete("watch round(2.7, di") == ["digits="])
  }

  @Test(
    .enabled(
      if: LossCatalog.all.contains { !$0.options.isEmpty },
      "needs a built-in loss with options (huber's delta); only mse exists in this branch"))
  func lossOptionsComplete() throws {
    let loss = try #require(LossCatalog.all.first { !$0.options.isEmpty })
    let option = try #require(loss.options.first?.name)
    let line = "\(loss.name)(p, y, \(option.prefix(2))"
    #expect(complete(line).contains("\(option)="))
  }

  @Test func theLearnersParametersCompleteByName() {
    var session = ShellSession()
    run(["def wl(p, y, weight) = weight * mean((p - y)^2)"], in: &session)
    #expect(complete("wl([1], [2], we", in: session) == ["weight="])
    #expect(complete("wl([1], ", in: session).prefix(2) == ["y=", "weight="])
  }

  @Test func lessonNamesCompleteWhereACommandTakesOne() {
    let configuration = ShellConfiguration(lessonNames: { ["1", "darts", "gps", "hot-and-cold"] })
    var session = ShellSession(configuration: configuration)
    session.commands.register(ExtensionTests.start)
    #expect(complete("start d", in: session) == ["darts"])
    #expect(complete("start ", in: session) == ["1", "darts", "gps", "hot-and-cold"])
  }

  @Test func theCursorMayBeInsideTheLine() {
    let session = ShellSession()
    #expect(session.completions(line: "sig + 1", cursor: 3) == ["sigmoid", "sign"])
    let line = "é + sig"
    #expect(session.completions(line: line, cursor: line.utf8.count) == ["sigmoid", "sign"])
    #expect(session.completions(line: "sig", cursor: 99) == ["sigmoid", "sign"])
  }

  @Test func numbersDoNotComplete() {
    #expect(complete("2e") == [])
  }

  @Test func aContinuedLineCompletesInItsCall() {
    var session = ShellSession()
    run(["round(2.7,"], in: &session)
    #expect(complete("di", in: session) == ["digits="])
    #expect(!complete("he", in: session).contains("help"))
  }
}
