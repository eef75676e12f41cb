// Writes a Swift file that embeds lesson files as string literals:
//
//   LessonEmbedder OUTPUT.swift --folder FOLDER     every *.yaml at the top of FOLDER
//   LessonEmbedder OUTPUT.swift [LESSON.yaml ...]   the files named
//
// Run by the EmbedLessons build-tool plugin over Lessons/ on every build that touches it.
import Foundation

func fail(_ message: String, status: Int32) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
  exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else {
  fail("usage: LessonEmbedder OUTPUT.swift (--folder FOLDER | LESSON.yaml ...)", status: 2)
}
let outputPath = arguments.removeFirst()

var inputPaths = arguments
if arguments.first == "--folder" {
  guard arguments.count == 2 else { fail("--folder takes exactly one folder", status: 2) }
  inputPaths = LessonFolder.yamlFiles(in: arguments[1])
}

var files: [(name: String, text: String)] = []
for inputPath in inputPaths {
  guard let data = FileManager.default.contents(atPath: inputPath) else {
    fail("\(inputPath): can't be read", status: 1)
  }
  guard let text = String(validating: data, as: UTF8.self) else {
    fail("\(inputPath): not valid UTF-8; lesson files must be UTF-8 text", status: 1)
  }
  files.append(((inputPath as NSString).lastPathComponent, text))
}

let source = Data(EmbeddedSource.swiftFile(embedding: files).utf8)
// Rewrite only on change, so a build that re-runs the embedder doesn't recompile BuiltinLessons.
if FileManager.default.contents(atPath: outputPath) != source {
  do {
    try source.write(to: URL(fileURLWithPath: outputPath), options: .atomic)
  } catch {
    fail("can't write \(outputPath): \(error)", status: 1)
  }
}
