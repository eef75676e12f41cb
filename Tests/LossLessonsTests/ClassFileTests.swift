import BuiltinLessons
import Foundation
import Testing

@testable import LossLessons

/// Two lessons that require each other, and one that requires a lesson missing from a class.
private let cycleLessons = [
  (
    "a.yaml",
    LessonText.with(
      header: "requires: [lesson-b]\n", id: "lesson-a", order: 1,
      steps: "  - kind: say\n    text: A.\n")
  ),
  (
    "b.yaml",
    LessonText.with(
      header: "requires: [lesson-a]\n", id: "lesson-b", order: 2,
      steps: "  - kind: say\n    text: B.\n")
  ),
]

/// A built-in library small enough to read the checks against: `first`, then `second`, which
/// requires it.
private let builtins: [(name: String, text: String)] = [
  ("01-first.yaml", LessonText.with(id: "first", order: 1, steps: "  - kind: say\n    text: 1.\n")),
  (
    "02-second.yaml",
    LessonText.with(
      header: "requires: [first]\n", id: "second", order: 2,
      steps: "  - kind: say\n    text: 2.\n")
  ),
]

/// `format_version`, `kind` and `lessons`, then `rest`.
private func classText(_ lessons: String = "[first, second]", _ rest: String = "") -> String {
  "format_version: 1\nkind: class\nlessons: \(lessons)\n" + rest
}

/// The class file in a fresh folder, opened against ``builtins``.
private func open(_ text: String, in folder: TemporaryFolder? = nil) throws -> ClassFile {
  let folder = try folder ?? TemporaryFolder()
  let url = try folder.write(text, to: "class.yaml")
  return ClassFile.load(path: url.path, builtinFiles: builtins)
}

private func id(_ text: String) throws -> LessonID { try #require(LessonID(validating: text)) }

private func messages(_ file: ClassFile) -> [String] { file.allDiagnostics.map(\.message) }

@Suite("Class files")
struct ClassFileTests {
  @Test func settingsAreReadWithLessonOverridesAndClassDefaults() throws {
    let file = try open(
      classText(
        "\n  - first\n  - id: second\n    skip: false\n    reveal_after: 4\n    seed: 9\n",
        "title: Tuesday\nskip: 2\nreveal_after: 1\nseed: 5\nrequires: enforced\n"))
    let settings = try #require(file.settings, "\(file.allDiagnostics)")
    #expect(settings.title == "Tuesday")
    #expect(settings.requires == .enforced)
    #expect(
      settings.rules(for: try id("first")) == LessonRules(skipping: .limited(2), revealAfter: 1))
    #expect(settings.rules(for: try id("second")) == LessonRules(skipping: .off, revealAfter: 4))
    #expect(settings.seed(for: try id("first")) == 5)
    #expect(settings.seed(for: try id("second")) == 9)
    #expect(file.library.entries.map(\.id.rawValue) == ["first", "second"])
  }

  @Test func theMenuIsTheClassListInItsOrder() throws {
    let file = try open(classText("[second, first]"))
    #expect(file.library.entries.map(\.id.rawValue) == ["second", "first"])
    #expect(file.library.entries.map(\.menuNumber) == [1, 2])
    #expect(file.allDiagnostics.map(\.severity) == [.warning])
  }

  @Test func withoutRequiresTheDefaultIsAdvisory() throws {
    #expect(try open(classText()).settings?.requires == .advisory)
  }

  @Test func anUnknownFieldGetsADidYouMean() throws {
    let file = try open(classText("[first]", "skp: 1\n"))
    #expect(file.settings == nil)
    #expect(
      file.allDiagnostics.map(\.description).contains {
        $0.hasSuffix("class.yaml:4:1: unknown field 'skp' in the class file — did you mean 'skip'?")
      })
  }

  @Test func anUnknownFieldInALessonEntryGetsADidYouMean() throws {
    let file = try open(classText("\n  - id: first\n    sede: 3\n"))
    #expect(
      messages(file) == ["unknown field 'sede' in this lesson entry — did you mean 'seed'?"])
    #expect(file.allDiagnostics.first?.position.line == 5)
  }

  @Test func aLessonFieldInAClassFileSaysWhereItBelongs() throws {
    #expect(
      messages(try open(classText("[first]", "steps: []\n"))) == [
        "'steps' is not a field of the class file; it belongs in a lesson file (list lesson files"
          + " under lesson_files:)"
      ])
  }

  @Test func anUnknownLessonIdGetsADidYouMean() throws {
    let file = try open(classText("\n  - first\n  - secnd\n"))
    #expect(file.settings == nil)
    #expect(messages(file) == ["lessons: there is no lesson 'secnd' — did you mean 'second'?"])
    #expect(
      file.allDiagnostics.first.map { ($0.position.line, $0.position.column) } ?? (0, 0) == (5, 5))
  }

  @Test func anUnknownLessonIdFarFromAnySaysWhatIsExpected() throws {
    #expect(
      messages(try open(classText("[zebra]"))) == [
        "lessons: there is no lesson 'zebra'; expected the id of a built-in lesson or of a lesson"
          + " in lesson_files"
      ])
  }

  @Test func outOfRangeNumbersAreRefused() throws {
    let file = try open(classText("[first]", "reveal_after: 5000\nseed: -1\nskip: 1001\n"))
    #expect(
      messages(file) == [
        "reveal_after: found '5000'; expected a whole number from 0 to 1000",
        "seed: found '-1'; expected a whole number from 0 to 2147483646",
        "skip: found '1001'; expected true (any skips), false (none) or a whole number of skips"
          + " from 0 to 1000",
      ])
  }

  @Test func aHugeIntegerIsRefusedNotTrapped() throws {
    let file = try open(classText("[first]", "seed: 99999999999999999999999\n"))
    #expect(messages(file).first?.hasPrefix("seed: found '99999999999999999999999'") == true)
  }

  @Test func skipAcceptsTrueFalseAndCounts() throws {
    let off = try open(classText("[first]", "skip: 0\n")).settings
    #expect(off?.rules(for: try id("first")).skipping == .off)
    let on = try open(classText("[first]", "skip: true\n")).settings
    #expect(on?.rules(for: try id("first")).skipping == .allowed)
  }

  @Test func aLessonListedTwiceIsReported() throws {
    let file = try open(classText("\n  - first\n  - second\n  - first\n"))
    #expect(
      messages(file) == [
        "lessons: 'first' is listed twice (first on line 4); expected each lesson once"
      ])
    #expect(file.allDiagnostics.first?.position.line == 6)
  }

  @Test func aRequiredLessonListedLaterIsAnErrorWhenEnforced() throws {
    let file = try open(classText("[second, first]", "requires: enforced\n"))
    #expect(file.settings == nil)
    #expect(
      file.allDiagnostics.map(\.severity) == [.error]
        && messages(file) == [
          "lessons: 'second' (number 1) requires 'first', listed after it (number 2); expected"
            + " 'first' listed before it"
        ])
  }

  @Test func aRequiredLessonTheClassDoesNotListIsAnErrorWhenEnforced() throws {
    let file = try open(classText("[second]", "requires: enforced\n"))
    #expect(
      messages(file) == [
        "lessons: 'second' requires 'first', which this class does not list; expected 'first'"
          + " listed before it"
      ])
    #expect(file.hasErrors)
  }

  @Test func aRequiresCycleIsNamed() throws {
    let folder = try TemporaryFolder()
    for (name, text) in cycleLessons { try folder.write(text, to: "lessons/\(name)") }
    let file = try open(
      classText("[lesson-a, lesson-b]", "lesson_files: [lessons]\nrequires: enforced\n"),
      in: folder)
    #expect(
      messages(file).contains(
        "lessons: 'lesson-a' is in a requires cycle (lesson-a → lesson-b → lesson-a); expected"
          + " each lesson to require only lessons before it"))
    #expect(file.settings == nil)
  }

  @Test func aBadRequiresWordGetsADidYouMean() throws {
    #expect(
      messages(try open(classText("[first]", "requires: enforcd\n"))) == [
        "requires: found 'enforcd' — did you mean 'enforced'?"
      ])
  }

  @Test func aMissingKindOrAnotherKindIsRefused() throws {
    let noKind = try open("format_version: 1\nlessons: [first]\n")
    #expect(messages(noKind) == ["the class file has no 'kind'; expected kind: class"])
    let lesson = try open("format_version: 1\nkind: lesson\nlessons: [first]\n")
    #expect(messages(lesson) == ["kind: found 'lesson'; expected kind: class"])
  }

  @Test func anExportFolderThatDoesNotExistIsReported() throws {
    let file = try open(classText("[first]", "export: nowhere\n"))
    #expect(file.settings != nil)
    #expect(file.exportProblem?.position.line == 4)
    #expect(
      file.exportProblem?.message.hasSuffix(
        "nowhere does not exist; expected a folder learners can write to (create it first)")
        == true)
  }

  @Test func anExportFolderThatIsAFileIsReported() throws {
    let folder = try TemporaryFolder()
    try folder.write("x", to: "file")
    let file = try open(classText("[first]", "export: file\n"), in: folder)
    #expect(
      file.exportProblem?.message.hasSuffix(
        "file is not a folder; expected a folder learners can write to") == true)
  }

  @Test func anExportFolderThatCannotBeWrittenIsReported() throws {
    // /proc takes no new files, even from root (a permission check would say yes to root).
    let file = try open(classText("[first]", "export: /proc\n"))
    #expect(
      file.exportProblem?.message
        == "export: the folder /proc can't be written; expected a folder learners can write to")
  }

  @Test func lessonFilesBesideTheClassFileJoinTheLibraryAndTheClassFileIsNotALesson() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      LessonText.with(id: "mine", steps: "  - kind: say\n    text: Mine.\n"), to: "mine.yaml")
    let file = try open(classText("[first, mine]", "lesson_files: [.]\n"), in: folder)
    #expect(file.allDiagnostics.isEmpty, "\(file.allDiagnostics)")
    #expect(file.library.entries.map(\.id.rawValue) == ["first", "mine"])
  }

  @Test func hostileTextIsMadeSafeAndBounded() throws {
    let title = try open(classText("[first]", "title: \"a\\e[2Jb\"\n")).settings?.title
    #expect(title?.unicodeScalars.contains("\u{1B}") == false)
    let anchors = try open(classText("&a [first]", "title: *a\n"))
    #expect(anchors.settings == nil)
    #expect(!anchors.allDiagnostics.isEmpty)
    let huge = ClassFileLoader.load(
      bytes: Array(repeating: UInt8(ascii: " "), count: 300_000), file: "big.yaml", folder: "")
    #expect(huge.diagnostics.first?.message.hasSuffix("(256 KiB) for a class") == true)
  }

  @Test func theCommittedExampleClassFilePasses() throws {
    let url = Fixtures.packageRoot.appendingPathComponent("Examples/class-example.yaml")
    let file = ClassFile.load(path: url.path, builtinFiles: BuiltinLessons.files)
    #expect(file.allDiagnostics.isEmpty, "\(file.allDiagnostics)")
    #expect(file.settings?.requires == .enforced)
    #expect(file.library.entries.count == 4)
  }

  @Test func exportFileNamesStayInTheFolderAndApart() {
    #expect(ClassSettings.exportFileName(learner: "ada") == "ada.json")
    let slashed = ClassSettings.exportFileName(learner: "../ada")
    #expect(!slashed.contains("/") && !slashed.hasPrefix("."))
    #expect(slashed != ClassSettings.exportFileName(learner: "__/ada"))
    #expect(
      ClassSettings.exportFileName(learner: "a b") != ClassSettings.exportFileName(learner: "a_b"))
  }

  @Test func handingInWritesAnExportTheReportReadsAndAFailureIsSaid() throws {
    let folder = try TemporaryFolder()
    let settings = ClassSettings(
      file: "class.yaml", lessons: [], exportFolder: folder.path)
    let export = ProgressExport(
      learner: "ada", progress: .new(at: Date(timeIntervalSince1970: 0)),
      at: Date(timeIntervalSince1970: 10))
    let path = try settings.handIn(export).get()
    #expect(path == folder.path + "/ada.json")
    #expect(try ExportFolder(path: folder.path).exports.map(\.learner) == ["ada"])
    var broken = settings
    broken.exportFolder = "/proc"
    guard case .failure(let failure) = broken.handIn(export) else {
      Issue.record("writing into /proc succeeded")
      return
    }
    #expect(!failure.reason.isEmpty)
  }
}
