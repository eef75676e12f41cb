import Foundation

/// Which files in a lesson folder are lessons: `*.yaml` at its top level, not hidden, sorted so
/// the generated file is the same on every machine.
enum LessonFolder {
  static func yamlFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
      .map { (folder as NSString).appendingPathComponent($0) }
  }
}
