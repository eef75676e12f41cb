import LossEngine
import LossLanguage
import Testing

@testable import LossShell

/// Runs lines through a session and returns every event, in order.
@discardableResult
func run(_ lines: [String], in session: inout ShellSession) -> [ShellEvent] {
  lines.flatMap { session.handle(line: $0) }
}

/// A fresh interactive session after running `lines`, and the events of the last line.
func session(after lines: [String], configuration: ShellConfiguration = ShellConfiguration())
  -> (session: ShellSession, last: [ShellEvent])
{
  var session = ShellSession(configuration: configuration)
  var last: [ShellEvent] = []
  for line in lines { last = session.handle(line: line) }
  return (session, last)
}

extension ShellEvent {
  var lossReport: LossReport? {
    if case .lossReport(let report) = self { return report }
    return nil
  }

  var errorReport: Diagnostic? {
    if case .error(let report) = self { return report }
    return nil
  }

  var watchReport: WatchReport? {
    if case .watchUpdate(let report) = self { return report }
    return nil
  }

  var notice: String? {
    if case .notice(let text) = self { return text }
    return nil
  }

  var finding: String? {
    if case .finding(let text) = self { return text }
    return nil
  }
}

extension Array where Element == ShellEvent {
  var errors: [Diagnostic] { compactMap(\.errorReport) }
  var lossReports: [LossReport] { compactMap(\.lossReport) }
  var watchReports: [WatchReport] { compactMap(\.watchReport) }
  var notices: [String] { compactMap(\.notice) }
  var findings: [String] { compactMap(\.finding) }
}

/// Relative closeness with an absolute floor, for computed numbers.
func expectClose(
  _ actual: Double?, _ expected: Double, tolerance: Double = 1e-9,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let actual else {
    Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
    return
  }
  let ok = Swift.abs(actual - expected) <= tolerance * Swift.max(1, Swift.abs(expected))
  #expect(ok, "expected \(expected), got \(actual)", sourceLocation: sourceLocation)
}

func tensor(_ values: [Double]) -> Tensor {
  (try? Tensor(vector: values)) ?? Tensor(scalar: .nan)
}
