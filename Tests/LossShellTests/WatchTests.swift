import LossEngine
import LossLanguage
import Testing

@testable import LossShell

@Suite("watch and unwatch")
struct WatchTests {
  @Test func watchingShowsTheValueAndTheSlopeOfEachVariable() throws {
    var session = ShellSession()
    run(["w = 0.5"], in: &session)
    let report = try #require(
      session.handle(line: "watch mse(w * [1, 2], [2, 4])").watchReports.first)
    #expect(report.isNew)
    #expect(report.number == 1)
    #expect(report.source == "mse(w * [1, 2], [2, 4])")
    #expect(report.result == .value(.tensor(Tensor(scalar: 5.625))))
    #expect(report.change == nil)
    #expect(report.gradients.map(\.name) == ["w"])
    expectClose(report.gradients.first?.tensor.scalarValue, -7.5)
  }

  @Test func anAssignmentUpdatesTheWatchWithItsChangeAndSlope() throws {
    var session = ShellSession()
    run(["w = 0.5", "watch mse(w * [1, 2], [2, 4])"], in: &session)
    let better = session.handle(line: "w = 1")
    #expect(better.first == .value(name: "w", .tensor(Tensor(scalar: 1))))
    let down = try #require(better.watchReports.first)
    #expect(!down.isNew)
    expectClose(down.change, -3.125)
    #expect(down.gradients.map(\.name) == ["w"])
    expectClose(down.gradients.first?.tensor.scalarValue, -5)

    let worse = try #require(session.handle(line: "w = 0").watchReports.first)
    expectClose(worse.change, 7.5)
  }

  @Test func onlyWatchesThatUseTheVariableAreUpdated() {
    var session = ShellSession()
    run(["w = 1", "b = 0", "watch w^2"], in: &session)
    #expect(session.handle(line: "b = 5").watchReports.isEmpty)
    #expect(session.handle(line: "w = 2").watchReports.count == 1)
  }

  @Test func elementAssignmentGivesTheGradientForTheVector() throws {
    var session = ShellSession()
    run(["p = [1, 2, 3]", "y = [1, 2, 2]", "watch mse(p, y)"], in: &session)
    let report = try #require(session.handle(line: "p[3] = 2").watchReports.first)
    expectClose(report.change, -1 / 3.0)
    #expect(report.gradients.map(\.name) == ["p"])
    #expect(report.gradients.first?.tensor.storage == [0, 0, 0])
  }

  @Test func dependenciesThroughTheLearnersFunctionsCount() throws {
    var session = ShellSession()
    run(
      ["x = [1, 2]", "y = [2, 4]", "w = 1", "def loss(v) = mse(v * x, y)", "watch loss(w)"],
      in: &session)
    let report = try #require(session.handle(line: "x = [2, 4]").watchReports.first)
    expectClose(report.change, -2.5)
    #expect(report.gradients.map(\.name) == ["x"])
    #expect(session.handle(line: "def loss(v) = mae_like(v)").errors.count == 1)
  }

  @Test func aWatchThatCannotBeComputedSaysWhy() throws {
    var session = ShellSession()
    run(["p = [1, 2]", "watch mse(p, [1, 1])"], in: &session)
    let report = try #require(session.handle(line: "p = [1, 2, 3]").watchReports.first)
    guard case .failed(let message) = report.result else {
      Issue.record("expected a failure, got \(report.result)")
      return
    }
    #expect(message.contains("same shape"))
    #expect(session.anyLineFailed == false)
  }

  @Test func watchAloneListsTheWatches() {
    var session = ShellSession()
    #expect(session.handle(line: "watch").notices.count == 1)
    run(["w = 2", "watch w^2", "watch w + 1"], in: &session)
    guard case .watchList(let reports)? = session.handle(line: "watch").first else {
      Issue.record("expected a list")
      return
    }
    #expect(reports.map(\.source) == ["w^2", "w + 1"])
    #expect(
      reports.map(\.result) == [
        .value(.tensor(Tensor(scalar: 4))), .value(.tensor(Tensor(scalar: 3))),
      ])
  }

  @Test func aCommentAfterTheCommandIsNotWatched() {
    var session = ShellSession()
    run(["w = 2", "watch w^2  # the loss"], in: &session)
    #expect(session.watches.map(\.source) == ["w^2"])
  }

  @Test func watchingTwiceIsNoticed() {
    var session = ShellSession()
    run(["w = 2", "watch w^2"], in: &session)
    #expect(session.handle(line: "watch w^2").notices.first?.contains("already") == true)
    #expect(session.watches.count == 1)
  }

  @Test func unwatchOneOrAll() {
    var session = ShellSession()
    run(["w = 2", "watch w^2", "watch w + 1", "watch w * 3"], in: &session)
    #expect(session.handle(line: "unwatch 2").notices == ["stopped watching w + 1"])
    #expect(session.watches.map(\.source) == ["w^2", "w * 3"])
    #expect(session.handle(line: "unwatch w * 3").notices == ["stopped watching w * 3"])
    #expect(session.handle(line: "unwatch").notices == ["stopped watching 1 expression"])
    #expect(session.watches.isEmpty)
    #expect(session.handle(line: "w = 3").watchReports.isEmpty)
  }

  @Test func unwatchOfAMissingNumberPointsAtIt() throws {
    var session = ShellSession()
    run(["w = 2", "watch w^2"], in: &session)
    let error = try #require(session.handle(line: "unwatch 5").errors.first)
    #expect(error.range == SourceRange(8, 9))
    #expect(error.message.contains("no watch 5"))
  }

  @Test func aBadWatchExpressionPointsIntoTheLine() throws {
    var session = ShellSession()
    let error = try #require(session.handle(line: "watch 1 + * 2").errors.first)
    #expect(error.source == "watch 1 + * 2")
    #expect(error.range == SourceRange(10, 11))
    #expect(session.watches.isEmpty)
  }

  @Test func lessonsCanReportTheirOwnChanges() throws {
    var session = ShellSession()
    run(["w = 1", "watch w^2"], in: &session)
    session.scope.set("w", .tensor(Tensor(scalar: 3)))
    let report = try #require(session.variablesChanged(["w"]).watchReports.first)
    expectClose(report.change, 8)
    expectClose(report.gradients.first?.tensor.scalarValue, 6)
  }

  @Test func resetForgetsWatches() {
    var session = ShellSession()
    run(["w = 1", "watch w^2"], in: &session)
    #expect(
      session.handle(line: "reset").notices == [
        "forgot 1 variable, 1 watch; you are starting afresh"
      ])
    #expect(session.watches.isEmpty)
    #expect(session.scope.names.isEmpty)
  }
}
