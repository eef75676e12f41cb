import Foundation
import Testing

/// The demo with standard input from a pipe: no libedit, no prompt, no history.
@Suite("Piped input")
struct PipedInputTests {
  @Test("lines are read plainly, without a prompt and without touching history")
  func pipedLines() throws {
    let demo = try DemoProgram()
    defer { demo.removeScratch() }
    let process = Process()
    process.executableURL = demo.executable
    process.environment = ["LOSSLAB_HISTORY": demo.history.path, "LC_ALL": "C.UTF-8"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data("mse\nhéllo\n\n  hub\t\n".utf8))
    try input.fileHandleForWriting.close()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()

    #expect(process.terminationStatus == 0)
    #expect(
      String(decoding: printed, as: UTF8.self)
        == "got: mse\ngot: héllo\ngot: \ngot:   hub\t\nbye\n")
    #expect(!FileManager.default.fileExists(atPath: demo.history.path))
  }
}
