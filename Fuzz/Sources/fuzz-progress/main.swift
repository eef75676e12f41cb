import CFuzzer
import Foundation
import LossLessons

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The input is a progress file: decoded, range-checked, and what loads is merged and
/// re-encoded as a save would. A refusal is the expected outcome; a trap is a finding.
func fuzzProgress(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let bytes else { return 0 }
  let data = Data(UnsafeBufferPointer(start: bytes, count: count))
  guard let file = try? ProgressFile(decoding: data) else { return 0 }
  let merged = file.merged(with: file)
  _ = try? merged.encoded()
  return 0
}

/// libFuzzer's runtime links against this name even when the driver is started from `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  fuzzProgress(bytes, count)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzProgress))
