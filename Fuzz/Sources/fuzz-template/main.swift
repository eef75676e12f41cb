import CFuzzer
import Foundation
import LossLanguage
import LossLessons

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The input is the text of a `say` step: split at its `{{ … }}` holes by the loader, then
/// rendered with the lesson's setup in scope, as the runner shows it.
func fuzzTemplate(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let bytes else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  let yaml = """
    format_version: 1
    id: fuzz
    order: 1
    title: Fuzz
    summary: The fuzzer's lesson.
    minutes: 1
    requires: []
    setup: |
      w = 0.5
      p = [0.25, 0.5]
    steps:
      - kind: say
        text: \(JSONOutput.string(text))
    """
  guard let lesson = LessonLoader.load(yaml: yaml, file: "fuzz.yaml").lesson else { return 0 }
  let deadline = Date().addingTimeInterval(1)
  var interpreter = Interpreter(isInterrupted: { Date() > deadline })
  _ = try? interpreter.run("w = 0.5")
  _ = try? interpreter.run("p = [0.25, 0.5]")
  for step in lesson.steps {
    if case .say(let say) = step.content {
      _ = try? TemplateRenderer.render(say.text, in: interpreter)
    }
  }
  return 0
}

/// libFuzzer's runtime links against this name even when the driver is started from `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  fuzzTemplate(bytes, count)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTemplate))
