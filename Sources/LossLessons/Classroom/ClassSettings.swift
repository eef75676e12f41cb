/// A teacher's class file, read: which lessons a class sees and in what order, the rules each
/// one runs under, and where a learner's progress export goes when a lesson ends. A value:
/// the shell is given it, and nothing in it touches a terminal. (`Lessons/CLASS-FORMAT.md`.)
public struct ClassSettings: Sendable, Hashable {
  public static let formatVersion = 1
  /// The `kind:` line that tells a class file from a lesson.
  public static let kind = "class"

  /// Whether a lesson's `requires` stops a learner from starting it.
  public enum Requires: String, Sendable, Hashable, CaseIterable {
    /// Said, not enforced: "this lesson builds on …; you can go on" (also without a class file).
    case advisory
    /// `start` refuses until the required lessons are finished.
    case enforced
  }

  /// One lesson of the class, with its rules and seed resolved (its own, else the class's).
  public struct Entry: Sendable, Hashable {
    public var id: LessonID
    public var rules: LessonRules
    /// Every learner's `seed` in this lesson; nil keeps each learner's own.
    public var seed: Int?
    /// Where the class file lists it.
    public var position: SourcePosition

    public init(id: LessonID, rules: LessonRules, seed: Int?, position: SourcePosition) {
      self.id = id
      self.rules = rules
      self.seed = seed
      self.position = position
    }
  }

  /// The class file as shown in messages.
  public var file: String
  public var title: String?
  /// The menu, in the teacher's order.
  public var lessons: [Entry]
  public var requires: Requires
  /// Lesson files and folders the class adds (paths resolved against the class file's folder).
  public var lessonFiles: [String]
  /// Where each learner's export is written when a lesson ends (resolved), if anywhere.
  public var exportFolder: String?
  /// Where the class file names the export folder.
  public var exportPosition: SourcePosition?

  public init(
    file: String, title: String? = nil, lessons: [Entry], requires: Requires = .advisory,
    lessonFiles: [String] = [], exportFolder: String? = nil,
    exportPosition: SourcePosition? = nil
  ) {
    self.file = file
    self.title = title
    self.lessons = lessons
    self.requires = requires
    self.lessonFiles = lessonFiles
    self.exportFolder = exportFolder
    self.exportPosition = exportPosition
  }

  public func entry(for id: LessonID) -> Entry? { lessons.first { $0.id == id } }

  /// The rules of lesson `id` (every lesson a class learner can start is listed).
  public func rules(for id: LessonID) -> LessonRules { entry(for: id)?.rules ?? .open }

  public func seed(for id: LessonID) -> Int? { entry(for: id)?.seed }
}
