import Foundation

/// Finds and runs the `losslab` executable that `swift build` / `swift test` built.
///
/// SwiftPM builds every product before running tests (`swift test` builds with
/// `--build-tests`, which includes executables), so the binary sits beside the test bundle in
/// the same build directory. Set `LOSSLAB_BINARY` to test another build.
enum LossLabBinary {
  struct Run {
    let status: Int32
    let reason: Process.TerminationReason
    let stdout: String
    let stderr: String
    let timedOut: Bool

    /// Standard output split into lines (without the empty one after the last newline).
    var lines: [String] { Self.split(stdout) }
    var stderrLines: [String] { Self.split(stderr) }

    private static func split(_ text: String) -> [String] {
      var lines = text.components(separatedBy: "\n")
      if lines.last == "" { lines.removeLast() }
      return lines
    }

    /// Exited normally (no signal, no timeout) with `status`.
    func exited(with status: Int32) -> Bool {
      !timedOut && reason == .exit && self.status == status
    }

    var summary: String {
      "status \(status) (\(reason == .exit ? "exit" : "signal")\(timedOut ? ", timed out" : "")); "
        + "stdout \(stdout.prefix(300).debugDescription); stderr \(stderr.prefix(500).debugDescription)"
    }
  }

  struct NotBuilt: Error, CustomStringConvertible {
    let looked: [String]
    var description: String {
      "the losslab binary was not found: run `swift build` first (or set LOSSLAB_BINARY). Looked in: "
        + looked.joined(separator: ", ")
    }
  }

  /// `LOSSLAB_BINARY`, else beside the test bundle (walking up a few levels, for bundle
  /// layouts such as `.xctest/Contents/MacOS`), else `.build/debug` of this package.
  static func url(filePath: String = #filePath) throws -> URL {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["LOSSLAB_BINARY"], !override.isEmpty {
      candidates.append(URL(fileURLWithPath: override))
    }
    var directory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
      .deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(directory.appendingPathComponent("losslab"))
      directory.deleteLastPathComponent()
    }
    let packageRoot = URL(fileURLWithPath: filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/losslab"))
    for candidate in candidates {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate.path)
      {
        return candidate
      }
    }
    throw NotBuilt(looked: candidates.map(\.path))
  }

  /// Runs `losslab ARGUMENTS` (or `executable ARGUMENTS`) with `stdin` as standard input,
  /// collecting both outputs through files (so no pipe can fill up and block it); kills it after
  /// `timeout`.
  static func run(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
    timeout: Duration = .seconds(120), executable: URL? = nil
  ) throws -> Run {
    let executable = try executable ?? url()
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("losslab-e2e-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("stdin")
    let output = directory.appendingPathComponent("stdout")
    let error = directory.appendingPathComponent("stderr")
    try Data(stdin.utf8).write(to: input)
    try Data().write(to: output)
    try Data().write(to: error)
    let inputHandle = try FileHandle(forReadingFrom: input)
    let outputHandle = try FileHandle(forWritingTo: output)
    let errorHandle = try FileHandle(forWritingTo: error)
    defer {
      try? inputHandle.close()
      try? outputHandle.close()
      try? errorHandle.close()
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new
      }
    }
    process.standardInput = inputHandle
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    try process.run()
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    var timedOut = false
    while process.isRunning {
      if clock.now > deadline {
        timedOut = true
        process.terminate()
        break
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, reason: process.terminationReason,
      stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: error), as: UTF8.self),
      timedOut: timedOut)
  }

  /// `losslab eval --json` with `lines` on standard input, one per line.
  static func evalJSON(stdin lines: [String]) throws -> Run {
    try run(["eval", "--json"], stdin: lines.joined(separator: "\n") + "\n")
  }
}
