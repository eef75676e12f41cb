/// The lesson files in the package's `Lessons/` folder (every `*.yaml` at its top level),
/// embedded into the binary at build time by the `EmbedLessons` plugin, so `losslab` works from
/// any folder once built or installed.
///
/// `files` (name and full text of each file, sorted by name) is generated into
/// `BuiltinLessonFiles.swift` in the plugin's work folder; it is empty while `Lessons/` has no
/// `*.yaml`. Pass it to `LessonLibrary(builtinFiles:)`.
public enum BuiltinLessons {}
