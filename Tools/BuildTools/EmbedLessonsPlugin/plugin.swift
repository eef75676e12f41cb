import Foundation
import PackagePlugin

/// Embeds the package's `Lessons/*.yaml` (top level only; `FORMAT.md` and other files are not
/// lessons) into the target it is applied to, as `BuiltinLessons.files`.
///
/// Keeping the embedded lessons in step with the folder:
/// - editing a lesson re-runs the embedder, because every lesson file is an input;
/// - adding or deleting one makes SwiftPM plan the build again (and so ask this plugin for a
///   new file list), because `Sources/BuiltinLessons/Lessons` is a symbolic link to `Lessons/`:
///   SwiftPM re-plans when a target folder's structure changes, and never looks at `Lessons/`
///   otherwise. (Without the link, deleting a lesson would fail the build with "missing
///   inputs" until Package.swift changed.) The target excludes the link, so its files are not
///   compiled or bundled.
/// The embedder itself lists the folder when it runs, so its output always matches it.
@main struct EmbedLessons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let lessonsFolder = context.package.directoryURL.appendingPathComponent("Lessons")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: lessonsFolder.path)) ?? []
    let lessonFiles = names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
      .map { lessonsFolder.appendingPathComponent($0) }
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinLessonFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(lessonFiles.count) lesson file(s) from Lessons/",
        executable: try context.tool(named: "LessonEmbedder").url,
        arguments: [output.path, "--folder", lessonsFolder.path],
        inputFiles: [lessonsFolder] + lessonFiles,
        outputFiles: [output])
    ]
  }
}
