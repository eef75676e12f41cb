import Foundation

/// Finds the `*.yaml` files under a teacher's folder, in a stable order, without following
/// symbolic links out of it or wandering forever.
enum LessonFileFinder {
  struct Found {
    var url: URL
    /// The path shown in diagnostics: the folder as the teacher typed it, then the file's path
    /// inside it.
    var shownPath: String
  }

  static let maximumFiles = 1000

  static func yamlFiles(under path: String) -> (files: [Found], diagnostics: [LessonDiagnostic]) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return (
        [],
        [
          LessonDiagnostic(
            "no such file or folder; expected a folder of .yaml lessons or a .yaml file",
            at: .whole(path))
        ]
      )
    }
    let root = URL(fileURLWithPath: path)
    guard isDirectory.boolValue else { return ([Found(url: root, shownPath: path)], []) }

    guard
      let enumerator = manager.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else {
      return (
        [],
        [
          LessonDiagnostic(
            "the folder can't be read; expected a readable folder of .yaml lessons",
            at: .whole(path))
        ]
      )
    }
    let rootPath = root.standardizedFileURL.path
    var found: [Found] = []
    for case let url as URL in enumerator where url.pathExtension == "yaml" {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else {
        continue
      }
      guard found.count < maximumFiles else {
        return (
          sorted(found),
          [
            LessonDiagnostic(
              "more than \(maximumFiles) .yaml files; expected a folder of lessons (only the first"
                + " \(maximumFiles) were read)", at: .whole(path))
          ]
        )
      }
      let fullPath = url.standardizedFileURL.path
      let relative =
        fullPath.hasPrefix(rootPath + "/")
        ? String(fullPath.dropFirst(rootPath.count + 1)) : url.lastPathComponent
      let shown = path.hasSuffix("/") ? path + relative : path + "/" + relative
      found.append(Found(url: url, shownPath: shown))
    }
    return (sorted(found), [])
  }

  private static func sorted(_ files: [Found]) -> [Found] {
    files.sorted { $0.shownPath < $1.shownPath }
  }
}
