import CFuzzer
import LossLessons

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The input is a lesson file: size check, YAML safety scan, composition, decoding and
/// validation of every field. Diagnostics are the expected outcome; a trap is a finding.
func fuzzLesson(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let bytes else { return 0 }
  let report = LessonLoader.load(
    bytes: Array(UnsafeBufferPointer(start: bytes, count: count)), file: "fuzz.yaml")
  for diagnostic in report.diagnostics { _ = diagnostic.description }
  return 0
}

/// libFuzzer's runtime links against this name even when the driver is started from `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  fuzzLesson(bytes, count)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzLesson))
