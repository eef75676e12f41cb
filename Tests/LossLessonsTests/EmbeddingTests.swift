import BuiltinLessons
import Foundation
import LossLessons
import Testing

@Suite("Embedding Lessons/ into the binary")
struct EmbeddingTests {
  @Test func builtinLessonsAreTheYAMLFilesInLessonsFolder() throws {
    let folder = Fixtures.packageRoot.appendingPathComponent("Lessons")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
    #expect(BuiltinLessons.files.map(\.name) == names)
    for file in BuiltinLessons.files {
      let onDisk = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
      #expect(file.text == onDisk, "\(file.name) is embedded as it is on disk")
    }
    #expect(!BuiltinLessons.files.contains { $0.name == "FORMAT.md" })
  }

  @Test func everyBuiltinLessonLoadsCleanly() {
    let library = LessonLibrary(builtinFiles: BuiltinLessons.files)
    #expect(library.diagnostics.isEmpty, "\(library.diagnostics.map(\.description))")
    #expect(library.entries.count == BuiltinLessons.files.count)
  }

  /// The course menu counts the lessons in the files' order: each file's number is its `order`,
  /// and while those run without a gap from 1 the menu shows the same number (`start 7` is
  /// `07-….yaml`).
  @Test func menuNumbersAreTheLessonFilesNumbers() throws {
    let library = LessonLibrary(builtinFiles: BuiltinLessons.files)
    for entry in library.entries {
      let name = try #require(entry.file.split(separator: "/").last)
      #expect(Int(name.prefix(2)) == entry.lesson.order, "\(entry.file)")
    }
    var contiguous = 0
    for entry in library.entries where entry.lesson.order == contiguous + 1 {
      contiguous += 1
      #expect(entry.menuNumber == contiguous, "\(entry.file)")
    }
    #expect(contiguous >= 8)
    #expect(library.entries.first { $0.id.rawValue == "loss-landscape" }?.menuNumber == 6)
    #expect(library.entries.first { $0.id.rawValue == "learning-loop" }?.menuNumber == 7)
    #expect(library.entries.first { $0.id.rawValue == "custom-losses" }?.menuNumber == 8)
  }

  /// Runs the built embedder over the fixture folder plus files no lesson should contain but any
  /// could (quotes, `"""`, `\(`, raw-string `#`s, CRLF, control and bidi characters), compiles
  /// what it generates, and checks that every byte comes back.
  @Test(.timeLimit(.minutes(5)))
  func embeddedTextComesBackByteForByte() throws {
    let embedder = try BuiltProducts.executable(named: "LessonEmbedder-tool", "LessonEmbedder")
    let folder = try TemporaryFolder()
    let lessons = folder.url.appendingPathComponent("Lessons")
    try FileManager.default.copyItem(at: try Fixtures.url("Embedding"), to: lessons)
    var expected: [String: String] = [:]
    for name in ["quoting.yaml", "unicode.yaml"] {
      expected[name] = try String(contentsOf: lessons.appendingPathComponent(name), encoding: .utf8)
    }
    let nasty = [
      "crlf.yaml": "format_version: 1\r\nid: crlf\r\n",
      "escapes.yaml":
        "\"\"\"\n#\"\"\"#\n\\#(x) \\(y) \\u{41} \\\\ \\n \\\"\u{0}\u{1}\u{7F}\u{85}\u{2028}\u{202E}\u{FEFF}",
      "empty.yaml": "",
      "no-newline.yaml": "id: x",
    ]
    for (name, text) in nasty {
      try folder.write(text, to: "Lessons/\(name)")
      expected[name] = text
    }

    let generated = folder.url.appendingPathComponent("Generated.swift")
    try run(embedder, [generated.path, "--folder", lessons.path])
    let main = folder.url.appendingPathComponent("main.swift")
    try Data(
      """
      enum BuiltinLessons {}
      for file in BuiltinLessons.files {
        print("\\(file.name.utf8.count):\\(file.name)\\(file.text.utf8.count):\\(file.text)", terminator: "")
      }
      """.utf8
    ).write(to: main)
    let program = folder.url.appendingPathComponent("dump")
    try run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["swiftc", "-swift-version", "6", "-o", program.path, generated.path, main.path])
    let output = try run(program, [])

    var decoded: [String: String] = [:]
    var bytes = output[...]
    func field() throws -> String {
      let colon = try #require(bytes.firstIndex(of: UInt8(ascii: ":")))
      let count = try #require(Int(String(decoding: bytes[..<colon], as: UTF8.self)))
      let start = bytes.index(after: colon)
      let end = bytes.index(start, offsetBy: count)
      defer { bytes = bytes[end...] }
      return String(decoding: bytes[start..<end], as: UTF8.self)
    }
    while !bytes.isEmpty {
      let name = try field()
      decoded[name] = try field()
    }
    #expect(decoded == expected)
    #expect(decoded["NOTES.md"] == nil, "only *.yaml files are lessons")
  }

  @Test func theEmbedderRefusesFilesThatAreNotText() throws {
    let embedder = try BuiltProducts.executable(named: "LessonEmbedder-tool", "LessonEmbedder")
    let folder = try TemporaryFolder()
    let lessons = folder.url.appendingPathComponent("Lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try Data([0x69, 0x64, 0xFF]).write(to: lessons.appendingPathComponent("binary.yaml"))
    let process = Process()
    process.executableURL = embedder
    process.arguments = [
      folder.url.appendingPathComponent("Out.swift").path, "--folder", lessons.path,
    ]
    process.standardError = Pipe()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
  }

  /// Runs a program to completion and returns its standard output; fails on a non-zero exit.
  @discardableResult
  private func run(_ executable: URL, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(
      process.terminationStatus == 0,
      "\(executable.lastPathComponent) \(arguments) failed: \(errorText)")
    return data
  }
}
