import Foundation
import LossLessons
import Testing

@Suite("The lesson library")
struct LessonLibraryTests {
  @Test func ordersByOrderThenIDWithUnorderedLessonsLast() throws {
    let folder = try TemporaryFolder()
    try folder.write(LessonText.say(id: "zeta"), to: "zeta.yaml")
    try folder.write(LessonText.say(id: "alpha"), to: "nested/deeper/alpha.yaml")
    try folder.write(LessonText.say(id: "teacher-first", order: 0), to: "first.yaml")
    let library = LessonLibrary(
      builtinFiles: [
        ("02-hot.yaml", LessonText.say(id: "hot-and-cold", order: 2)),
        ("01-darts.yaml", LessonText.say(id: "darts", order: 1)),
        ("02-tie.yaml", LessonText.say(id: "a-tie", order: 2)),
      ],
      extraPaths: [folder.path])
    #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
    #expect(
      library.entries.map(\.id.rawValue) == [
        "teacher-first", "darts", "a-tie", "hot-and-cold", "alpha", "zeta",
      ])
    #expect(library.entries.map(\.menuNumber) == Array(1...6))
    #expect(library.entries[1].file == "Lessons/01-darts.yaml")
    #expect(library.entries[1].isBuiltin)
    #expect(library.entries[4].file == folder.path + "/nested/deeper/alpha.yaml")
    #expect(!library.entries[4].isBuiltin)
  }

  @Test(arguments: ["0", "-1", "-9223372036854775808", "9223372036854775807"])
  func aNumberAtTheEndsOfIntIsOutOfRangeNotATrap(_ query: String) {
    let library = LessonLibrary(builtinFiles: [("a.yaml", LessonText.say(id: "darts", order: 1))])
    guard case .noSuchNumber(_, count: 1) = library.find(query) else {
      Issue.record("\(query) is out of range")
      return
    }
  }

  @Test func findsLessonsByNumberIDOrUniquePrefix() {
    let library = LessonLibrary(builtinFiles: [
      ("a.yaml", LessonText.say(id: "darts", order: 1)),
      ("b.yaml", LessonText.say(id: "gps", order: 2)),
      ("c.yaml", LessonText.say(id: "gradient", order: 3)),
    ])
    #expect(found(library.find("2")) == "gps")
    #expect(found(library.find(" DARTS ")) == "darts")
    #expect(found(library.find("gra")) == "gradient")
    guard case .noSuchNumber(7, count: 3) = library.find("7") else {
      Issue.record("7 is out of range")
      return
    }
    guard case .noSuchLesson("g", suggestion: let suggestion) = library.find("g") else {
      Issue.record("'g' is ambiguous")
      return
    }
    #expect(suggestion != nil)
    guard case .noSuchLesson(_, suggestion: let typo) = library.find("drats") else {
      Issue.record("'drats' is not an id")
      return
    }
    #expect(typo?.rawValue == "darts")
    guard case .noSuchLesson(_, suggestion: nil) = library.find("../etc") else {
      Issue.record("'../etc' is not an id")
      return
    }
  }

  @Test func aBrokenFileIsReportedAndTheOthersStillLoad() throws {
    let folder = try TemporaryFolder()
    try folder.write(LessonText.say(id: "good"), to: "good.yaml")
    try folder.write("format_version: 1\nid: bad\nsteps:\n  - kind: sya\n", to: "bad.yaml")
    try folder.write("not: [closed\n", to: "broken.yaml")
    try folder.write("ignored", to: "notes.md")
    try folder.write(LessonText.say(id: "hidden"), to: ".hidden/secret.yaml")
    let library = LessonLibrary(builtinFiles: [], extraPaths: [folder.path])
    #expect(library.entries.map(\.id.rawValue) == ["good"])
    #expect(
      library.reports.map(\.file)
        == ["bad.yaml", "broken.yaml", "good.yaml"].map {
          folder.path + "/" + $0
        })
    #expect(library.reports[0].errors.count == 4)
    #expect(library.reports[1].errors.count == 1)
    #expect(library.diagnostics.allSatisfy { $0.position.file.hasPrefix(folder.path) })
  }

  @Test func duplicateIDsAndReplacedBuiltinsAreReported() throws {
    let folder = try TemporaryFolder()
    try folder.write(LessonText.say(id: "darts", order: 9), to: "my-darts.yaml")
    try folder.write(LessonText.say(id: "mine"), to: "a.yaml")
    try folder.write(LessonText.say(id: "mine"), to: "b.yaml")
    let library = LessonLibrary(
      builtinFiles: [
        ("01-darts.yaml", LessonText.say(id: "darts", order: 1)),
        ("01-copy.yaml", LessonText.say(id: "darts", order: 1)),
      ],
      extraPaths: [folder.path])
    #expect(
      library.entries.map(\.file) == [folder.path + "/my-darts.yaml", folder.path + "/a.yaml"])
    #expect(
      library.libraryDiagnostics.map(\.description).sorted()
        == [
          "Lessons/01-darts.yaml:2:5: lesson id 'darts' is already used by Lessons/01-copy.yaml; expected every lesson to have its own id (this file is ignored)",
          "\(folder.path)/b.yaml:2:5: lesson id 'mine' is already used by \(folder.path)/a.yaml; expected every lesson to have its own id (this file is ignored)",
          "\(folder.path)/my-darts.yaml:2:5: warning: lesson 'darts' replaces the built-in lesson with the same id (Lessons/01-copy.yaml); expected a new id unless replacing it is intended",
        ].sorted())
  }

  @Test func requirementsMustNameEarlierLessons() {
    let library = LessonLibrary(builtinFiles: [
      ("a.yaml", LessonText.say(id: "first", order: 1)),
      (
        "b.yaml",
        LessonText.with(
          header: "requires: [first, third, nowhere]\n", id: "second", order: 2,
          steps: "  - kind: say\n    text: Hi\n")
      ),
      ("c.yaml", LessonText.say(id: "third", order: 3)),
    ])
    #expect(library.entries.count == 3)
    #expect(
      library.libraryDiagnostics.map(\.message) == [
        "requires 'third', which comes after it in the menu (3 > 2); expected an earlier lesson",
        "requires 'nowhere', which no loaded lesson has; expected the id of an earlier lesson",
      ])
    #expect(library.libraryDiagnostics.allSatisfy { $0.severity == .warning })
  }

  @Test func missingFoldersAndSingleFilesAreHandled() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write(LessonText.say(id: "single"), to: "single.yml.txt")
    let library = LessonLibrary(
      builtinFiles: [], extraPaths: [file.path, folder.path + "/nowhere"])
    #expect(library.entries.map(\.id.rawValue) == ["single"], "a file named explicitly is read")
    #expect(
      library.diagnostics.map(\.description) == [
        "\(folder.path)/nowhere: no such file or folder; expected a folder of .yaml lessons or a .yaml file"
      ])
  }

  @Test func extraPathsComeFromOptionsThenTheEnvironment() {
    #expect(
      LessonLibrary.extraPaths(
        lessonsOptions: ["/a", "b"], environment: ["LOSSLAB_LESSONS": "/c::/d"]) == [
          "/a", "b", "/c", "/d",
        ])
    #expect(LessonLibrary.extraPaths(lessonsOptions: [], environment: [:]).isEmpty)
  }

  private func found(_ lookup: LessonLookup) -> String? {
    if case .found(let entry) = lookup { entry.id.rawValue } else { nil }
  }
}
