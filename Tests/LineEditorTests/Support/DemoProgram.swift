import Foundation
import TestSupport

/// The `line-editor-demo` executable, built by `swift build`/`swift test` next to the test
/// runner, and a scratch history file for one test.
struct DemoProgram {
  let executable: URL
  /// A history path whose parent directory does not exist yet, so tests see it created.
  let history: URL
  private let scratch: URL

  init() throws {
    executable = try Self.locate()
    scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("line-editor-\(UUID().uuidString)", isDirectory: true)
    history = scratch.appendingPathComponent("state/losslab/history")
  }

  /// Starts the demo under tmux with its history at ``history``.
  func start(
    arguments: [String] = [], environment: [String: String] = [:], directory: URL? = nil
  ) throws -> TmuxSession {
    var variables = ["LOSSLAB_HISTORY": history.path, "LC_ALL": "C.UTF-8"]
    variables.merge(environment) { _, new in new }
    return try TmuxSession(
      command: [executable.path] + arguments, environment: variables, directory: directory,
      columns: 80, rows: 24)
  }

  /// An empty directory for this test, removed by ``removeScratch()``.
  func makeDirectory(_ name: String) throws -> URL {
    let directory = scratch.appendingPathComponent(name, isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// The history file's entries (without libedit's header line).
  func historyEntries() throws -> [String] {
    let text = try String(contentsOf: history, encoding: .utf8)
    return text.split(separator: "\n").map(String.init).filter { $0 != "_HiStOrY_V2_" }
  }

  func removeScratch() {
    try? FileManager.default.removeItem(at: scratch)
  }

  /// `$LINE_EDITOR_DEMO`, else the directory of the running test binary (SwiftPM puts every
  /// product of the build there), else `.build/debug` under the package root.
  private static func locate() throws -> URL {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["LINE_EDITOR_DEMO"] {
      candidates.append(URL(fileURLWithPath: override))
    }
    let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    candidates.append(runner.deletingLastPathComponent().appendingPathComponent("line-editor-demo"))
    if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
      candidates.append(
        bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("line-editor-demo"))
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/line-editor-demo"))

    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }
    ) {
      return found
    }
    throw TmuxSession.Failure(
      description: "line-editor-demo not found (run `swift build`); looked at:\n"
        + candidates.map(\.path).joined(separator: "\n"))
  }
}
