import Foundation
import LossShell
import Testing

@testable import LossTerminal

/// The events of the last of `lines`, run through a fresh session.
func events(after lines: [String], configuration: ShellConfiguration = ShellConfiguration())
  -> [ShellEvent]
{
  var session = ShellSession(configuration: configuration)
  var last: [ShellEvent] = []
  for line in lines { last = session.handle(line: line) }
  return last
}

/// Every event of `lines`, run through a fresh session.
func allEvents(of lines: [String], configuration: ShellConfiguration = ShellConfiguration())
  -> [ShellEvent]
{
  var session = ShellSession(configuration: configuration)
  return session.start() + lines.flatMap { session.handle(line: $0) }
}

/// Rendered text with ESC shown as ⎋, so colour snapshots are readable in the test source,
/// and the final newline dropped (a multi-line literal has none).
func visible(_ rendered: String) -> String {
  var text = rendered.map { $0 == "\u{1B}" ? "⎋" : String($0) }.joined()
  if text.hasSuffix("\n") { text.removeLast() }
  return text
}

/// Compares a rendering with its snapshot and shows the first differing line on failure.
/// With RECORD_SNAPSHOTS set, writes the actual text to $RECORD_SNAPSHOTS/NAME.txt for review
/// instead of failing, so a snapshot is only ever changed by pasting reviewed text.
func expectSnapshot(
  _ name: String, _ rendered: String, _ expected: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = visible(rendered)
  if let folder = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] {
    try? actual.write(toFile: "\(folder)/\(name).txt", atomically: true, encoding: .utf8)
    return
  }
  guard actual != expected else { return }
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let first =
    zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(actualLines.count, expectedLines.count)
  let got = first < actualLines.count ? String(actualLines[first]) : "(end)"
  let wanted = first < expectedLines.count ? String(expectedLines[first]) : "(end)"
  Issue.record(
    "snapshot \(name) differs at line \(first + 1):\n  expected: \(wanted)\n  actual:   \(got)\n--- actual ---\n\(actual)",
    sourceLocation: sourceLocation)
}

/// One row of the snapshot table: what to type, how to render it, and the expected text.
struct Snapshot: Sendable, CustomTestStringConvertible {
  /// Which events are rendered.
  enum Input: Sendable {
    /// The events of the last line, run through a fresh session.
    case last([String], configuration: ShellConfiguration = ShellConfiguration())
    /// Every event (the welcome screen included), run through a fresh session.
    case all([String], configuration: ShellConfiguration = ShellConfiguration())
  }

  let name: String
  let style: Renderer.Style
  let width: Int
  let input: Input
  let expected: String
  /// The table row, so a failure points at the snapshot rather than at the shared test.
  let sourceLocation: SourceLocation

  init(
    _ name: String, _ style: Renderer.Style, width: Int, _ input: Input, _ expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    self.name = name
    self.style = style
    self.width = width
    self.input = input
    self.expected = expected
    self.sourceLocation = sourceLocation
  }

  var testDescription: String { name }

  func events() -> [ShellEvent] {
    switch input {
    case .last(let lines, let configuration):
      LossTerminalTests.events(after: lines, configuration: configuration)
    case .all(let lines, let configuration): allEvents(of: lines, configuration: configuration)
    }
  }
}
