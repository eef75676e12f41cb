import Foundation
import LossLanguage
import LossLessons
import Testing

@Suite("A lesson file is data, not code")
struct SafetyTests {
  /// Nine levels of nine aliases each: ~1 KB of YAML that names 9^9 (387 million) strings.
  static let billionLaughs: String = {
    var text = "format_version: 1\nid: lol\nlol0: &a0 \"lol\"\n"
    for level in 1...9 {
      let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
      text += "lol\(level): &a\(level) [\(aliases)]\n"
    }
    return text + "title: boom\n"
  }()

  @Test(.timeLimit(.minutes(1)))
  func billionLaughsIsRefusedBeforeItExpands() {
    let started = Date()
    let report = LessonLoader.load(yaml: Self.billionLaughs, file: "lol.yaml")
    #expect(Date().timeIntervalSince(started) < 2)
    #expect(report.lesson == nil)
    #expect(report.messages.first?.hasPrefix("anchor '&a0' is not allowed") == true)
    #expect(report.messages.contains { $0.hasPrefix("alias '*a0' is not allowed") })
    // Capped: the report stays readable however many aliases a file holds.
    #expect(report.diagnostics.count == LessonLimits.standard.maximumDiagnostics + 1)
    #expect(report.messages.last?.contains("more problems not shown") == true)
  }

  @Test func anAliasInTextGetsQuotingAdvice() {
    let alias = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text: *emphasis\n"), file: "l.yaml")
    #expect(alias.lesson == nil)
    #expect(
      alias.located == [
        "8:11 alias '*emphasis' is not allowed; expected plain values (if this is text starting with '*', put it in quotes)"
      ])
    // `*word*` isn't even a well-formed alias: libyaml stops, and the advice is the same.
    let emphasis = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text: *emphasis* matters\n"), file: "l.yaml")
    #expect(
      emphasis.located == [
        "8:11 a value starting with '*' is read as a YAML alias; expected text starting with '*' to be in quotes"
      ])
  }

  @Test func mergeKeysNeedAliasesSoTheyAreRefusedToo() {
    let text = LessonText.with(
      steps: "  - &base\n    kind: say\n    text: Hi\n  - <<: *base\n    title: Again\n")
    let report = LessonLoader.load(yaml: text, file: "l.yaml")
    #expect(report.lesson == nil)
    #expect(report.messages.count == 2)
  }

  @Test func oversizedFilesAreRefusedUnread() throws {
    let big = LessonText.say() + "# " + String(repeating: "x", count: 300 * 1024) + "\n"
    let report = LessonLoader.load(yaml: big, file: "big.yaml")
    let size = LessonText.say().utf8.count + 2 + 300 * 1024 + 1
    #expect(
      report.messages == [
        "the file is \(ValueFormatter.groupingThousands(String(size))) bytes; expected at most"
          + " 262,144 bytes (256 KiB) for a lesson"
      ])
    // One byte over the limit says so (it used to read "256 KiB; expected at most 256 KiB").
    let justOver = LessonLoader.load(
      bytes: [UInt8](repeating: UInt8(ascii: "#"), count: 256 * 1024 + 1), file: "l.yaml")
    #expect(
      justOver.messages == [
        "the file is 262,145 bytes; expected at most 262,144 bytes (256 KiB) for a lesson"
      ])

    // On disk: refused from its size alone, even when it is sparse and huge.
    let folder = try TemporaryFolder()
    let url = folder.url.appendingPathComponent("huge.yaml")
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 8 * 1024 * 1024 * 1024)
    try handle.close()
    let onDisk = LessonLoader.load(contentsOf: url, file: "huge.yaml")
    #expect(
      onDisk.messages == [
        "the file is 8,589,934,592 bytes; expected at most 262,144 bytes (256 KiB) for a lesson"
      ])
  }

  @Test func tooManyStepsAreRefused() {
    let steps = String(repeating: "  - kind: say\n    text: Hi\n", count: 201)
    let report = LessonLoader.load(yaml: LessonText.with(steps: steps), file: "l.yaml")
    #expect(report.located == ["7:3 steps: found 201 items; expected 1 to 200"])
    let limit = LessonLoader.load(
      yaml: LessonText.with(steps: String(repeating: "  - kind: say\n    text: Hi\n", count: 200)),
      file: "l.yaml")
    #expect(limit.lesson?.steps.count == 200)
  }

  @Test func nestingBeyondTheLimitIsRefused() {
    let nested = { (depth: Int) in
      "format_version: 1\nid: x\ntitle: " + String(repeating: "[", count: depth) + "1"
        + String(repeating: "]", count: depth) + "\n"
    }
    // The file's mapping is level 1, so 11 brackets reach the limit of 12 and 12 pass it.
    #expect(
      !LessonLoader.load(yaml: nested(11), file: "ok.yaml").messages
        .contains { $0.contains("nested") })
    #expect(
      LessonLoader.load(yaml: nested(12), file: "deep.yaml").located == [
        "3:19 lists and mappings are nested 13 deep here; expected at most 12"
      ])
  }

  @Test(.timeLimit(.minutes(1)))
  func hugeNestingIsRefusedWithoutRecursing() {
    let deep = "format_version: 1\nid: x\ntitle: " + String(repeating: "[", count: 100_000) + "\n"
    let report = LessonLoader.load(yaml: deep, file: "deep.yaml")
    #expect(
      report.messages == [
        "lists and mappings are nested more than 1000 deep here; expected at most 12"
      ])
  }

  @Test func customTagsAndExtraDocumentsAreRefused() {
    let tagged = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text: !python/object:os.system rm\n"),
      file: "l.yaml")
    #expect(
      tagged.messages == [
        "tag '!python/object:os.system' is not allowed; expected plain text, numbers, lists and mappings (if this is text starting with '!', put it in quotes)"
      ])
    let coreTag = LessonLoader.load(
      yaml: LessonText.with(steps: "  - kind: say\n    text: !!str 42\n"), file: "l.yaml")
    #expect(coreTag.diagnostics.isEmpty)

    let twoDocuments = LessonLoader.load(
      yaml: LessonText.say() + "---\nid: other\n", file: "l.yaml")
    #expect(
      twoDocuments.located == [
        "9:1 a second YAML document starts here; expected one lesson per file"
      ])
  }

  @Test func nonTextAndEmptyFilesAreRefused() {
    let binary = LessonLoader.load(bytes: [0x66, 0x6F, 0xFF, 0xFE, 0x0A], file: "b.yaml")
    #expect(binary.messages == ["the file is not UTF-8 text; expected a UTF-8 YAML file"])
    let empty = LessonLoader.load(yaml: "", file: "e.yaml")
    #expect(
      empty.messages == [
        "the file is empty; expected a lesson starting with format_version: 1"
      ])
    let comments = LessonLoader.load(yaml: "# nothing yet\n", file: "c.yaml")
    #expect(
      comments.messages == [
        "the file holds no YAML content; expected a lesson starting with format_version: 1"
      ])
    let scalar = LessonLoader.load(yaml: "just text\n", file: "s.yaml")
    #expect(
      scalar.messages == [
        "the file: found 'just text'; expected a mapping of key: value lines"
      ])
  }

  @Test func notARegularFileIsRefused() throws {
    let folder = try TemporaryFolder()
    let report = LessonLoader.load(contentsOf: folder.url, file: "folder.yaml")
    #expect(report.messages == ["this is not a regular file; expected a .yaml lesson file"])
  }
}

@Suite("Lesson ids are safe path components")
struct LessonIDTests {
  @Test(arguments: ["darts", "a", "01-darts", "x-", String(repeating: "a", count: 48)])
  func validIDs(_ text: String) {
    #expect(LessonID(validating: text)?.rawValue == text)
  }

  @Test(arguments: [
    "", "-darts", "Darts", "dar ts", "../etc", "a/b", ".", "..", "darts.yaml", "dárts",
    String(repeating: "a", count: 49), "darts\n", "\u{0}",
  ])
  func invalidIDs(_ text: String) {
    #expect(LessonID(validating: text) == nil)
  }

  @Test func sanitisingKeepsWhatCanBeKept() {
    #expect(LessonID(sanitizing: "../../etc/passwd")?.rawValue == "etc-passwd")
    #expect(LessonID(sanitizing: "The GPS!")?.rawValue == "the-gps-")
    #expect(LessonID(sanitizing: "///") == nil)
    #expect(LessonID(sanitizing: String(repeating: "ab", count: 40))?.rawValue.count == 48)
  }

  @Test func sanitisedIDsNeverEscapeAFolder() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("aZ09-_./\\ ~:\u{0}\n\u{202E}é🎯")
    for _ in 0..<2000 {
      let length = Int.random(in: 0...60, using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
      guard let id = LessonID(sanitizing: text) else { continue }
      let component = id.pathComponent
      #expect(LessonID(validating: component) != nil)
      #expect(!component.contains("/") && !component.contains(".") && !component.hasPrefix("-"))
      #expect(
        URL(fileURLWithPath: "/base").appendingPathComponent(component)
          .standardizedFileURL.deletingLastPathComponent().path == "/base")
    }
  }
}
