import Foundation
import TestSupport
import Testing

/// The real `losslab` shell on a real pseudo-terminal (tmux), read from the rendered screen as a
/// learner sees it. Each test has its own history file and progress folder.
@Suite("The shell on a pseudo-terminal", .serialized, .timeLimit(.minutes(2)))
struct ShellTerminalTests {
  @Test func thePromptAppearsAfterTheWelcome() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    let screen = try await shell.waitForPrompt()
    #expect(screen.contains("LossLab — learn loss functions by doing them."))
    #expect(screen.contains("start 1"))
  }

  @Test func tabCompletesAFunctionAndANamedArgument() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.waitForPrompt()
    try shell.tmux.type("hub")
    try shell.tmux.send(keys: "Tab")
    try await shell.tmux.waitForCursorLine("losslab> huber")
    try shell.tmux.type("([1, 2], [0, 0], de")
    try shell.tmux.send(keys: "Tab")
    try await shell.tmux.waitForCursorLine("losslab> huber ([1, 2], [0, 0], delta=")
    try shell.tmux.type("2)")
    try shell.tmux.send(keys: "Enter")
    try await shell.tmux.waitFor("huber = 1.25")
  }

  @Test func upRecallsTheLastLineAlsoAfterARestart() async throws {
    let scratch = try Scratch()
    do {
      let shell = try LiveShell(scratch: scratch)
      defer { shell.close() }
      try await shell.enter("w = 0.25")
      try await shell.tmux.waitFor("w = 0.25\n")
      try await shell.waitForPrompt()
      try shell.tmux.send(keys: "Up")
      try await shell.tmux.waitForCursorLine("losslab> w = 0.25")
      try shell.tmux.send(keys: "C-u", "C-d")
      #expect(try await shell.tmux.waitForExit() == 0)
    }
    let again = try LiveShell(scratch: scratch)
    defer { again.close() }
    try await again.waitForPrompt()
    try again.tmux.send(keys: "Up")
    try await again.tmux.waitForCursorLine("losslab> w = 0.25")
  }

  @Test func ctrlCOnAHalfTypedLineKeepsTheShellRunning() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.waitForPrompt()
    try shell.tmux.type("mse([1, 2")
    try shell.tmux.send(keys: "C-c")
    try await shell.enter("6 * 7")
    try await shell.tmux.waitFor("\n42\n")
  }

  @Test func ctrlCOnAnOpenBracketContinuationCancelsIt() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.enter("p = [1,")
    try await shell.waitForPrompt("    ...>")
    try shell.tmux.send(keys: "C-c")
    try await shell.tmux.waitFor("cancelled the unfinished input")
    try await shell.enter("6 * 7")
    try await shell.tmux.waitFor("\n42\n")
  }

  @Test func ctrlDOnAnEmptyLineExitsWithStatusZero() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.waitForPrompt()
    try shell.tmux.send(keys: "C-d")
    #expect(try await shell.tmux.waitForExit() == 0)
  }

  @Test func aWatchUpdatesAfterAnAssignment() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.enter("w = 0.5")
    try await shell.enter("watch mse(w * [1, 2], [2, 4])")
    try await shell.tmux.waitFor("watching 1")
    try await shell.enter("w = 1.5")
    let screen = try await shell.tmux.waitFor("better by")
    #expect(screen.contains("∂/∂w"))
  }

  @Test func lessonOneIsPlayedToTheEndAsALearnerWould() async throws {
    let shell = try LiveShell(columns: 110, rows: 50)
    defer { shell.close() }
    try await shell.enter("start 1")
    try await shell.tmux.waitFor("step 1 of 11")
    try await shell.enter("", prompt: "lesson>")
    // Silence: two throws, no feedback but silence.
    try await shell.enter("0, 0", prompt: "dart>")
    try await shell.tmux.waitFor("Silence.")
    try await shell.enter("10, 10", prompt: "dart>")
    try await shell.tmux.waitFor("step done")
    try await shell.enter("", prompt: "dart>")
    // How would you improve? Pick the option that says you wouldn't.
    var screen = try await shell.tmux.waitFor("How would you ever improve?")
    try await shell.enter(try option(starting: "You wouldn't", in: screen), prompt: "choice>")
    try await shell.tmux.waitFor("step done")
    try await shell.enter("", prompt: "choice>")
    try await shell.tmux.waitFor("A friend by the board")
    try await shell.enter("", prompt: "lesson>")
    // Listen to the friend and adjust.
    try await shell.enter("0, 0", prompt: "dart>")
    screen = try await shell.tmux.waitFor("the friend's directions") { screen in
      screen.range(of: "dart> 0, 0", options: .backwards).map {
        screen[$0.upperBound...].contains("Friend:")
      } ?? false
    }
    let (x, y) = try bullseye(fromFriendIn: screen, throwX: 0, throwY: 0)
    try await shell.enter("\(x), \(y)", prompt: "dart>")
    try await shell.tmux.waitFor("BULLSEYE!")
    try await shell.enter("", prompt: "dart>")
    try await shell.tmux.waitFor("Here are your darts")
    try await shell.enter("", prompt: "lesson>")
    try await shell.tmux.waitFor("That friend is a loss function")
    try await shell.enter("", prompt: "lesson>")
    // The friend as a formula: read the gradient and step against half of it.
    try await shell.enter("0, 0", prompt: "dart>")
    screen = try await shell.tmux.waitFor("the gradient readout") {
      $0.contains("∂loss/∂guess = [")
    }
    let gradient = try numbers(after: "∂loss/∂guess = [", in: screen)
    try await shell.enter(
      "\(format(-gradient[0] / 2)), \(format(-gradient[1] / 2))", prompt: "dart>")
    try await shell.tmux.waitFor("Zero loss, zero gradient")
    try await shell.enter("", prompt: "dart>")
    // Your own loss, computed with an expression.
    try await shell.tmux.waitFor("Your own loss")
    try await shell.enter("sqrt(sum(bullseye^2))", prompt: "answer>")
    try await shell.tmux.waitFor("That's the distance.")
    try await shell.enter("sum(([0, 0] - bullseye)^2)", prompt: "answer>")
    try await shell.tmux.waitFor("Correct:")
    try await shell.enter("", prompt: "answer>")
    screen = try await shell.tmux.waitFor("exactly 0. What does that mean?")
    try await shell.enter(
      try option(starting: "The prediction was perfect.", in: screen), prompt: "choice>")
    try await shell.tmux.waitFor("step done")
    try await shell.enter("", prompt: "choice>")
    try await shell.tmux.waitFor("Recap.")
    try await shell.enter("", prompt: "lesson>")
    try await shell.tmux.waitFor("You finished The blindfolded dart player!")
    try await shell.enter("lessons")
    try await shell.tmux.waitFor("done")
  }

  @Test func quittingMidLessonResumesAtTheSameStep() async throws {
    let scratch = try Scratch()
    do {
      let shell = try LiveShell(scratch: scratch)
      defer { shell.close() }
      try await shell.enter("start 1")
      try await shell.tmux.waitFor("step 1 of 11")
      try await shell.enter("", prompt: "lesson>")
      try await shell.tmux.waitFor("step 2 of 11")
      try await shell.enter("quit", prompt: "dart>")
      #expect(try await shell.tmux.waitForExit() == 0)
    }
    let again = try LiveShell(scratch: scratch)
    defer { again.close() }
    try await again.tmux.waitFor("You were on lesson 1 (The blindfolded dart player), step 2 of 11")
    try await again.enter("start")
    try await again.tmux.waitFor("resuming at step 2")
    try await again.tmux.waitFor("Silence")
  }

  @Test func ctrlCStopsALongComputationAndTheShellGoesOn() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.enter("def f0(x) = x + 1")
    for level in 1...22 {
      try await shell.enter("def f\(level)(x) = f\(level - 1)(x) + f\(level - 1)(x)")
    }
    try await shell.tmux.waitFor("defined f22")
    try await shell.enter("f22(1)")
    try await Task.sleep(for: .milliseconds(300))
    try shell.tmux.send(keys: "C-c")
    try await shell.tmux.waitFor("interrupted")
    try await shell.enter("6 * 7")
    try await shell.tmux.waitFor("\n42\n")
  }

  @Test func ctrlCStopsALongTrainBetweenStepsAndKeepsTheParameters() async throws {
    let shell = try LiveShell()
    defer { shell.close() }
    try await shell.enter("x = linspace(0, 1, 2000); y = 3 * x + 1; w = 0; b = 0")
    try await shell.enter("train(mse(w * x + b, y), w, b, lr=0.001, steps=1000000)")
    try await Task.sleep(for: .milliseconds(800))
    try shell.tmux.send(keys: "C-c")
    let screen = try await shell.tmux.waitFor("keep their values from step")
    let match = try #require(screen.firstMatch(of: /stopped by Ctrl-C after step (\d+) of 1000000/))
    let step = try #require(Int(match.1))
    #expect(step > 0)
    // The shell goes on, and w, b are those of `step` finished steps, exactly.
    try await shell.enter("w1 = w; b1 = b; w = 0; b = 0")
    try await shell.enter("c = train(mse(w * x + b, y), w, b, lr=0.001, steps=\(step))")
    try await shell.enter("(w == w1) * (b == b1) * 42")
    try await shell.tmux.waitFor("\n42\n")
  }

  @Test func plainOutputWhenNoColorIsSet() async throws {
    let shell = try LiveShell(extraEnvironment: ["NO_COLOR": "1"])
    defer { shell.close() }
    let screen = try await shell.waitForPrompt()
    #expect(screen.contains("LossLab - learn loss functions by doing them."))
    #expect(!(try shell.tmux.styledScreen()).contains("\u{1B}["))
  }

  @Test func aCorruptProgressFileIsSetAsideAndTheShellStarts() async throws {
    let scratch = try Scratch()
    let state = scratch.folder.appendingPathComponent("state")
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    try Data("{ this is not json".utf8).write(to: state.appendingPathComponent("progress.json"))
    let shell = try LiveShell(scratch: scratch)
    defer { shell.close() }
    let screen = try await shell.waitForPrompt()
    #expect(screen.contains("progress.json"), "the learner is told about the file")
    let kept = try FileManager.default.contentsOfDirectory(atPath: state.path)
    #expect(kept.contains { $0.hasPrefix("progress.json.corrupt-") }, "\(kept)")
  }

  @Test func runFileIsAScriptWithLineNumbersAndAnExitStatus() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "script-\(UUID().uuidString).loss")
    defer { try? FileManager.default.removeItem(at: file) }
    try "w = 0.5\n# a comment\nmse(w * [1, 2], [2, 4])\n".write(
      to: file, atomically: true, encoding: .utf8)
    let ok = try LossLabBinary.run(["run", file.path])
    #expect(ok.exited(with: 0), "\(ok.summary)")
    #expect(ok.stdout.contains("mse = 5.625"), "\(ok.stdout)")
    #expect(!ok.stdout.contains("\u{1B}"))
    try "w = 0.5\nmse(w * [1, 2], [2])\nw\n".write(to: file, atomically: true, encoding: .utf8)
    let failing = try LossLabBinary.run(["run", file.path])
    #expect(failing.exited(with: 1), "\(failing.summary)")
    #expect(
      failing.stderr.contains(
        "error on line 2: mse expects p and y of the same shape, got [2] and [1]"),
      "\(failing.stderr)")
    #expect(failing.stdout.contains("0.5"))
    let missing = try LossLabBinary.run(["run", "/nonexistent/file.loss"])
    #expect(missing.exited(with: 64), "\(missing.summary)")
    #expect(missing.stderr.contains("cannot read /nonexistent/file.loss"))
  }

  @Test func pipedInputHasNoPromptAndNoEscapeCodes() throws {
    let ok = try LossLabBinary.run([], stdin: "p = [2.5, 5, 3, 8]\nmse(p, [3, 5, 2.5, 7])\n")
    #expect(ok.exited(with: 0), "\(ok.summary)")
    #expect(!ok.stdout.contains("losslab>"))
    #expect(!ok.stdout.contains("\u{1B}"))
    #expect(ok.stdout.contains("mse = 0.375"))
    let failing = try LossLabBinary.run([], stdin: "1 + 1\nmsee(1, 2)\n2 + 2\n")
    #expect(failing.exited(with: 1), "\(failing.summary)")
    #expect(failing.stderr.contains("error on line 2: unknown function 'msee'"))
    #expect(failing.stdout.contains("4"))
  }

  @Test func backToAFinishedStepThenNextMovesOn() async throws {
    let shell = try LiveShell(columns: 110, rows: 50)
    defer { shell.close() }
    try await shell.enter("start 1")
    try await shell.tmux.waitFor("step 1 of 11")
    try await shell.enter("", prompt: "lesson>")
    try await shell.enter("0, 0", prompt: "dart>")
    try await shell.enter("10, 10", prompt: "dart>")
    try await shell.tmux.waitFor("step done")
    try await shell.enter("", prompt: "dart>")
    try await shell.tmux.waitFor("step 3 of 11")
    try await shell.enter("back", prompt: "choice>")
    try await shell.tmux.waitFor("step 2 of 11")
    try await shell.enter("next", prompt: "dart>")
    let screen = try await shell.tmux.waitFor("step 3 again") { screen in
      screen.range(of: "dart> next", options: .backwards).map {
        screen[$0.upperBound...].contains("step 3 of 11")
      } ?? false
    }
    #expect(!screen.contains("Finish this step first"))
  }

  @Test func lessonEightAsALearnerWithAWrongCustomLoss() async throws {
    let shell = try LiveShell(columns: 110, rows: 50)
    defer { shell.close() }
    try await shell.enter("start custom-losses")
    try await shell.tmux.waitFor("When errors aren't equal")
    try await shell.enter("", prompt: "lesson>")
    try await shell.enter("2 * (price - low_guess)^2", prompt: "answer>")
    try await shell.tmux.waitFor("Correct: 18")
    try await shell.enter("", prompt: "answer>")
    try await shell.tmux.waitFor("Too high")
    try await shell.enter("9", prompt: "answer>")
    try await shell.tmux.waitFor("Correct: 9")
    try await shell.enter("", prompt: "answer>")
    try await shell.tmux.waitFor("Write it")
    try await shell.enter(
      "def asym(p, y) = mean(where(p - y > 0, 2 * (p - y)^2, (p - y)^2))", prompt: "def>")
    try await shell.tmux.waitFor("asymmetric the wrong way round")
    try await shell.tmux.waitFor("You doubled the cost")
    try await shell.enter(
      "def asym(p, y) = mean(where(y - p > 0, 2 * (y - p)^2, (y - p)^2))", prompt: "def>")
    try await shell.tmux.waitFor("Your loss works")
    try await shell.enter("", prompt: "def>")
    try await shell.tmux.waitFor("What MSE picks")
    for _ in 0..<6 {
      try await shell.enter("c = c - 0.4 * grad(mean((c - y)^2), c)", prompt: "tweak>")
    }
    try await shell.tmux.waitFor("Flat: MSE settles")
    try await shell.enter("", prompt: "tweak>")
    try await shell.tmux.waitFor("What your loss picks")
    for _ in 0..<6 {
      try await shell.enter("c2 = c2 - 0.4 * grad(asym(c2, y), c2)", prompt: "tweak>")
    }
    try await shell.tmux.waitFor("Flat: your loss settles")
    try await shell.enter("", prompt: "tweak>")
    try await shell.enter("c2 - c", prompt: "answer>")
    try await shell.tmux.waitFor("Correct: 0.75")
    try await shell.enter("", prompt: "answer>")
    let screen = try await shell.tmux.waitFor("Why did it move the prediction")
    try await shell.enter(try option(starting: "A too-low guess", in: screen), prompt: "choice>")
    try await shell.tmux.waitFor("encodes what you care about")
    try await shell.enter("", prompt: "choice>")
    try await shell.tmux.waitFor("Train a model with MSE")
    try await shell.enter(
      "train(mse(w * day + b, close), w, b, lr=0.1, steps=200)", prompt: "tweak>")
    try await shell.tmux.waitFor("Trained: the MSE line")
    try await shell.enter("", prompt: "tweak>")
    try await shell.tmux.waitFor("Train it with your loss")
    try await shell.enter(
      "train(asym(v * day + a, close), v, a, lr=0.1, steps=200)", prompt: "tweak>")
    try await shell.tmux.waitFor("Trained: your line")
    try await shell.enter("", prompt: "tweak>")
    try await shell.tmux.waitFor("Your line and the prices")
    try await shell.enter("", prompt: "lesson>")
    for _ in 0..<2 { try await shell.enter("skip", prompt: "answer>") }
    try await shell.tmux.waitFor("What you care about")
    try await shell.enter("", prompt: "lesson>")
    try await shell.tmux.waitFor("The other way round")
    try await shell.enter("skip", prompt: "def>")
    try await shell.tmux.waitFor("Recap.")
    try await shell.enter("", prompt: "lesson>")
    try await shell.tmux.waitFor("You finished Custom losses!")
  }

  // MARK: Reading the screen as a learner

  /// The number of the listed option that starts with `text`.
  private func option(starting text: String, in screen: String) throws -> String {
    for line in screen.split(separator: "\n") {
      let trimmed = line.drop(while: { $0 == " " })
      guard let dot = trimmed.firstIndex(of: "."), let number = Int(trimmed[..<dot]) else {
        continue
      }
      if trimmed[trimmed.index(after: dot)...].drop(while: { $0 == " " }).hasPrefix(text) {
        return "\(number)"
      }
    }
    throw TmuxSession.Failure(
      description: "no option starting with \(text) on the screen:\n\(screen)")
  }

  /// Where the bullseye is, from "You're 12 cm to the left and 7 up." after a throw.
  private func bullseye(fromFriendIn screen: String, throwX: Int, throwY: Int) throws -> (Int, Int)
  {
    // Only what the friend said after the latest throw (the lesson's own example comes earlier).
    let latest =
      screen.range(of: "dart> \(throwX), \(throwY)", options: .backwards).map {
        String(screen[$0.upperBound...])
      } ?? screen
    let text = latest.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
      of: "  ", with: " ")
    func value(_ pattern: String) -> (Int, String)? {
      guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
      let words = text[range].split(separator: " ")
      guard let number = words.compactMap({ Int($0) }).first, let direction = words.last else {
        return nil
      }
      return (number, String(direction).trimmingCharacters(in: .punctuationCharacters))
    }
    var x = throwX
    var y = throwY
    if let (dx, side) = value("[0-9]+ cm to the (left|right)") { x += side == "left" ? dx : -dx }
    if let (dy, way) = value("(and|just) [0-9]+( cm)? (up|down)") { y += way == "down" ? dy : -dy }
    return (x, y)
  }

  private func numbers(after marker: String, in screen: String) throws -> [Double] {
    guard let start = screen.range(of: marker),
      let end = screen[start.upperBound...].firstIndex(of: "]")
    else {
      throw TmuxSession.Failure(description: "no \(marker) on the screen:\n\(screen)")
    }
    return screen[start.upperBound..<end].split(separator: ",").compactMap {
      Double($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-"))
    }
  }

  private func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}
