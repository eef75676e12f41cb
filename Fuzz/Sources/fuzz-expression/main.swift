import CFuzzer
import Foundation
import LossLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Each line of the input is typed into one session, as a learner would: parse, evaluate,
/// differentiate, format as JSON. Any trap is a finding; errors are the expected outcome.
func fuzzExpression(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let bytes else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  // A line may ask for a lot of work; the engine polls this like Ctrl-C.
  let deadline = Date().addingTimeInterval(1)
  var interpreter = Interpreter(isInterrupted: { Date() > deadline })
  for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16) {
    if let outcome = try? interpreter.run(String(line)) {
      _ = JSONOutput.line(for: outcome)
    }
  }
  return 0
}

/// libFuzzer's runtime links against this name even when the driver is started from `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  fuzzExpression(bytes, count)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzExpression))
