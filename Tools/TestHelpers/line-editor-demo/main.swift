// A tiny program around LineEditor, driven by the pseudo-terminal tests in LineEditorTests.
//
// It echoes each line as "got: <line>", prints "interrupt" on Ctrl-C and "bye" on Ctrl-D,
// completes from a fixed word list, and keeps history only at $LOSSLAB_HISTORY (never in the
// learner's real history file). Two lines stand in for long computations:
//   spin    works for up to 20 s, polling Interrupts like a training loop: Ctrl-C stops it
//   stuck   works for 3 s without polling: Ctrl-C, even twice, waits for it and never ends the process
// Options:
//   --color          a green prompt, to check the cursor column with escapes in the prompt
//   --prompt TEXT    the prompt text (default "demo> ")
import Foundation
import LineEditor

let words = ["huber", "hinge", "mse", "mae"]
let arguments = CommandLine.arguments.dropFirst()
let color = arguments.contains("--color")
var promptText = "demo> "
if let flag = arguments.firstIndex(of: "--prompt"), arguments.indices.contains(flag + 1) {
  promptText = arguments[flag + 1]
}
let prompt =
  color ? "\u{1B}[1;32m\(promptText.trimmingCharacters(in: .whitespaces))\u{1B}[0m " : promptText

let historyURL = ProcessInfo.processInfo.environment["LOSSLAB_HISTORY"].map {
  URL(fileURLWithPath: $0)
}
var source = StandardInput.lineSource(
  historyURL: historyURL,
  completer: { line, cursor in
    let word = CompletionWord.prefix(in: line, cursor: cursor)
    return words.filter { $0.hasPrefix(word) }
  },
  colorPrompt: color)

/// Busy work (up to 20 s polling, else 3 s); with `polling`, stops as soon as Ctrl-C is pressed.
/// Without it, only reports (once) that a Ctrl-C is pending, so a test knows the first one
/// arrived before it sends the second.
func work(polling: Bool) {
  let deadline = ContinuousClock.now + .seconds(polling ? 20 : 3)
  var reported = false
  while ContinuousClock.now < deadline {
    if polling, Interrupts.consume() {
      print("stopped")
      return
    }
    if !polling, !reported, Interrupts.isRequested {
      print("interrupt pending")
      reported = true
    }
    usleep(10_000)
  }
  print("done")
}

reading: while true {
  switch source.next(prompt: prompt) {
  case .line("spin"):
    print("spinning")
    work(polling: true)
  case .line("stuck"):
    print("stuck")
    work(polling: false)
  case .line(let line): print("got: \(line)")
  case .interrupt: print("interrupt")
  case .eof: break reading
  }
}
source.close()
print("bye")
