import CEditLine
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The completer of the live ``LibeditLineSource``. libedit calls back through plain C function
/// pointers that capture nothing and run outside any actor, so their state lives in these
/// process-wide, lock-protected globals.
let activeCompleter = Mutex<Completer>({ _, _ in [] })
/// The candidates of the completion in progress, handed to libedit one by one.
private let completionMatches = Mutex<[String]>([])

/// libedit's attempted-completion callback: asks the completer and hands back its candidates.
///
/// `end` (the cursor) counts wide characters, i.e. Unicode scalars, while the completer works in
/// `Character`s, so it is converted here. Setting "completion over" stops libedit from falling
/// back to file-name completion when there is no candidate.
func attemptCompletion(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  cel_set_attempted_completion_over(1)
  let line = cel_line_buffer().map { String(cString: $0) } ?? ""
  let cursor = characterOffset(ofScalarOffset: Int(end), in: line)
  let complete = activeCompleter.withLock { $0 }
  let found = complete(line, cursor)
  completionMatches.withLock { $0 = found }
  // A completed named argument (`delta=`) wants its value next, not a space.
  let endsArgumentName = found.count == 1 && found[0].hasSuffix("=")
  cel_set_append_character(endsArgumentName ? 0 : Int32(UInt8(ascii: " ")))
  guard !found.isEmpty, let text else { return nil }
  return rl_completion_matches(text, nextMatch)
}

/// libedit's generator: called with `state` 0, 1, 2, … and returns a `strdup`ed candidate (which
/// libedit frees) until it returns nil.
private func nextMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<
  CChar
>? {
  completionMatches.withLock { matches in
    Int(state) < matches.count ? strdup(matches[Int(state)]) : nil
  }
}

/// The number of `Character`s in the first `scalarOffset` Unicode scalars of `line`.
func characterOffset(ofScalarOffset scalarOffset: Int, in line: String) -> Int {
  let scalars = line.unicodeScalars
  let end = scalars.index(scalars.startIndex, offsetBy: max(0, min(scalarOffset, scalars.count)))
  return String(scalars[..<end]).count
}
