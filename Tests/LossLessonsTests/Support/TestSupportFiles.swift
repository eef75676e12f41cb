import Foundation
import LossLessons
import Testing

/// A fresh temporary folder per test, removed when the test ends.
final class TemporaryFolder: @unchecked Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("losslessons-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  var path: String { url.path }

  /// Writes `text` to `relativePath` (creating folders) and returns its URL.
  @discardableResult
  func write(_ text: String, to relativePath: String) throws -> URL {
    let file = url.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    return file
  }
}

enum Fixtures {
  static func url(_ name: String) throws -> URL {
    try #require(
      Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil),
      "fixture \(name) is missing")
  }

  static func text(_ name: String) throws -> String {
    try String(contentsOf: url(name), encoding: .utf8)
  }

  /// The package's root folder (for `Lessons/`), found from this source file.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }
}

/// Builds lesson YAML around some steps, so each test shows only what it is about.
enum LessonText {
  static func with(
    header: String = "", id: String = "sample", order: Int? = nil, steps: String
  ) -> String {
    var text = "format_version: 1\nid: \(id)\n"
    if let order { text += "order: \(order)\n" }
    text += "title: Sample\nsummary: A sample lesson.\nminutes: 5\n"
    text += header
    text += "steps:\n" + steps
    return text
  }

  static func say(id: String = "sample", order: Int? = nil) -> String {
    with(id: id, order: order, steps: "  - kind: say\n    text: Hello.\n")
  }
}

extension LessonFileReport {
  var messages: [String] { diagnostics.map(\.message) }

  /// `line:column message` for each diagnostic, to compare positions exactly.
  var located: [String] {
    diagnostics.map { "\($0.position.line):\($0.position.column) \($0.message)" }
  }
}

/// Finds an executable built by SwiftPM alongside the test bundle.
enum BuiltProducts {
  static func executable(named names: String...) throws -> URL {
    var folders: [URL] = []
    if let executable = Bundle.main.executableURL {
      folders.append(executable.deletingLastPathComponent())
    }
    folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
    folders.append(
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
    folders.append(Bundle.module.bundleURL.deletingLastPathComponent())
    folders.append(Fixtures.packageRoot.appendingPathComponent(".build/debug"))
    for folder in folders {
      for name in names {
        let candidate = folder.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      }
    }
    Issue.record(
      "none of \(names) found next to the tests (looked in \(folders.map(\.path))); run swift build"
    )
    throw CancellationError()
  }
}
