import Foundation
import TestSupport
import Testing

/// The new lessons played to the end through the real binary, with piped input: wrong answers a
/// learner really types, the targeted words they get, then the right answers. A `choose` step
/// gets every option number in turn (the right one ends it, whatever the shuffle).
@Suite("Lessons played to the end through losslab", .serialized)
struct LessonPlayTests {
  private func play(_ lines: [String]) throws -> String {
    let scratch = try Scratch()
    defer { try? FileManager.default.removeItem(at: scratch.folder) }
    let run = try LossLabBinary.run(
      ["--learner", "e2e", "--plain"], stdin: lines.joined(separator: "\n") + "\n",
      environment: scratch.environment)
    #expect(run.exited(with: 0), "\(run.summary)")
    // Sentences are wrapped to the terminal: read them as one line.
    return run.stdout.replacingOccurrences(of: "\n\\s+", with: " ", options: .regularExpression)
  }

  private let choose = ["1", "2", "3", ""]

  @Test func lessonOneDartsPicturesTheThrows() throws {
    let out = try play(
      ["start darts", "", "0, 0", "5, 5", ""] + choose + ["", "0, 0", "10, 10", "skip", ""])
    #expect(out.contains("Here are your darts"), "\(out)")
    // Both throws and the skipped step's answer, the bullseye.
    #expect(out.contains("3 points: guess_history[:, 1] from"))
  }

  @Test func lessonFiveCrossEntropy() throws {
    let out = try play(
      ["start cross-entropy", ""]
        + ["-log2(p_spam)", "bce(p_spam, 1)", ""]
        + ["-log(p_spam)", "-log(1 - p_spam)", ""]
        + ["90", "0.9", "0.99", "0.999", ""]
        + [""]
        + ["-log(0)", "bce(0, 1)", ""]
        + [""]
        + ["-log(y_pred)", "-(y_true * log(y_pred) + (1 - y_true) * log(1 - y_pred))", ""]
        + ["0.3711", "sum(-(y_true * log(y_pred) + (1 - y_true) * log(1 - y_pred)))"]
        + ["bce(y_pred, y_true)", ""]
        + choose
        + ["mean(-Y * log(P))", "cce(P, Y)", ""]
        + ["bce_logits(sigmoid(z), 1)", "bce_logits(z, 1)", ""]
        + ["max(0, 1 - 0 * s)", "hinge(s, -1)", ""]
        + [""])
    #expect(out.contains("That's log base 2 (0.152003, the surprise in bits)"), "\(out)")
    #expect(out.contains("Correct: 0.105361."))
    #expect(out.contains("Correct: 2.30259."))
    #expect(
      out.contains("A probability is between 0 and 1: 90% is 0.9, and the loss above is for 0.9."))
    #expect(out.contains("That's the true loss, infinite"))
    #expect(out.contains("That's the article's printed 0.3711. Don't trust it"))
    #expect(out.contains("you forgot the 1/n"))
    #expect(out.contains("Correct: 0.337539."))
    #expect(out.contains("That averages over all 6 numbers"))
    #expect(out.contains("Squashed twice"))
    #expect(out.contains("You used the label 0. Hinge's labels are -1 and +1"))
    #expect(out.contains("Recap."))
    #expect(out.contains("You finished Cross-entropy: how surprised should you be?!"))
  }

  @Test func lessonSixLossLandscape() throws {
    let step = "step(mse(w * x + b, y), w, b, lr=0.05)"
    let bumpy = "train(bumpy(u, v), u, v, lr=0.1, steps=100)"
    let out = try play(
      ["start loss-landscape", ""]
        + ["sum((w * x + b - y)^2)", "mse(w * x + b, y)", ""]
        + [""]
        + ["w = 1", "w = 0", "w, b = 2, 1", ""]
        + ["-10", "40", "10", ""]
        + choose
        + [step, step, step, ""]
        + [""]
        + ["w, b = -1, 6", "losses = train(mse(w * x + b, y), w, b, lr=0.05, steps=300)", ""]
        + ["", ""]
        + ["r1 = " + bumpy, ""]
        + ["r2 = " + bumpy, "u, v = 2.6, -2.4", "r2 = " + bumpy, ""]
        + [""]
        + ["bumpy(u, v)", "grad(bumpy(u, v), u)", ""]
        + choose
        + [""])
    #expect(out.contains("The mean divides by n = 4: you forgot the 1/n."), "\(out)")
    #expect(out.contains("Uphill: the loss rose from 13.5 to 41."))
    #expect(out.contains("downhill is higher w and higher b"))
    #expect(out.contains("Down in the valley: loss 0 at w = 2, b = 1."))
    #expect(out.contains("Right size, wrong sign."))
    #expect(out.contains("That's the sum over the four points."))
    #expect(out.contains("Correct: 10."))
    #expect(out.contains("4 update  w <- w - lr*dL/dw = 0 - 0.05 x (-35) = 1.75"))
    // The paths drawn are those step and train took, without path=.
    #expect(out.contains("The descent path goes from (0, 0) to (2.08, 0.723) in 3 steps."))
    #expect(out.contains("From a loss of 17.5 to 0.000571105 in 300 steps"))
    #expect(out.contains("The descent path goes from (-1, 6) to (1.98, 1.06) in 300 steps."))
    #expect(out.contains("It ended at u = 0.0000, v = 0.0000, loss 0.0000: the *."))
    #expect(out.contains("That start rolled down to the * again."))
    #expect(out.contains("You're at u = 2.6, v = -2.4, loss 3.00898, on a slope."))
    #expect(out.contains("Stuck: it ended at u = 2.9526, v = -2.9526 with a loss of 2.3206"))
    #expect(out.contains("The descent path goes from (2.6, -2.4) to (2.95, -2.95) in 100 steps."))
    #expect(out.contains("That's the height, the loss itself: 2.3206."))
    #expect(out.contains("Recap. A loss over two weights is a landscape"))
    #expect(out.contains("You finished The loss landscape!"))
  }

  @Test func lessonSevenLearningLoop() throws {
    let step = "step(mse(w * x, y), w, lr=0.1)"
    let out = try play(
      ["start learning-loop", ""]
        + ["w + x", "w * x", ""]
        + ["sum((w * x - y)^2)", "mse(w * x, y)", ""]
        + ["mean(2 * (w * x - y))", "-grad(mse(w * x, y), w)", "mean(2 * (w * x - y) * x)", ""]
        + ["w + lr * grad(mse(w * x, y), w)", "w - grad(mse(w * x, y), w)", "1.9", ""]
        + ["mse(w * x, y)", "mse(1.9 * x, y)", ""]
        + [step, step, ""]
        + choose
        + ["slow = train(mse(w * x, y), w, lr=0.01, steps=20)", "", ""]
        + ["good = train(mse(w * x, y), w, lr=0.1, steps=20)", "", ""]
        + ["wild = train(mse(w * x, y), w, lr=0.25, steps=20)", "", ""]
        + ["wild[21] - wild[1]", "wild[21] / wild[1]", ""]
        + choose
        + [""])
    #expect(out.contains("That adds w to each x."), "\(out)")
    #expect(out.contains("you forgot the 1/n."))
    #expect(out.contains("Correct: 10.5."))
    #expect(out.contains("You left out the x."))
    #expect(out.contains("Right size, wrong sign"))
    #expect(out.contains("Correct: -14."))
    #expect(out.contains("that's a step uphill"))
    #expect(out.contains("You forgot the learning rate"))
    #expect(out.contains("Correct: 1.9."))
    #expect(out.contains("That's the loss with the old w, 0.5, before the update."))
    #expect(out.contains("Correct: 0.0466667."))
    // step prints the loop with the numbers the learner computed, numbered 1 to 5.
    #expect(out.contains("1 predict p = [0.5, 1, 1.5]\n2 loss    L = 10.5\n3 slope   dL/dw = -14"))
    #expect(out.contains("4 update  w <- w - lr*dL/dw = 0.5 - 0.1 x (-14) = 1.9"))
    #expect(out.contains("5 again   L = 0.0466667 (down 10.4533)"))
    #expect(out.contains("Round 2: the slope is -0.0622222 now"))
    #expect(out.contains("Repeat is now step 5."))
    #expect(out.contains("After 20 rounds the loss is 0.208495"))
    #expect(out.contains("loss fell from 10.5 to 0.208 in 20 steps."))
    #expect(out.contains("The loss grew, from 10.5 to 1,044,092"))
    #expect(out.contains("The loss axis is logarithmic."))
    #expect(out.contains("That's how much it grew by, 1,044,081."))
    #expect(out.contains("Correct: 99437.3."))
    #expect(out.contains("The loss function doesn't just measure wrongness"))
    #expect(out.contains("Recap. The loop: 1 predict, 2 loss, 3 slope"))
    #expect(out.contains("You finished The learning loop!"))
  }

  @Test func lessonEightCustomLosses() throws {
    let mse = "c = c - 0.4 * grad(mean((c - y)^2), c)"
    let asym = "c2 = c2 - 0.4 * grad(asym(c2, y), c2)"
    let out = try play(
      ["start custom-losses", ""]
        + ["(price - low_guess)^2", "2 * (price - low_guess)^2", ""]
        + ["2 * (price - high_guess)^2", "(price - high_guess)^2", ""]
        + [
          "def asym(p, y): return (p - y)**2",
          "def asym(p, y) = mean(where(p - y > 0, 2 * (p - y)^2, (p - y)^2))",
          "def asym(p, y) = mean(where(y - p > 0, 2 * (y - p), y - p))",
          "def asym(p, y) = mean(where(y - p > 0, 2 * (y - p)^2, (y - p)^2))", "",
        ]
        + Array(repeating: mse, count: 6) + [""]
        + Array(repeating: asym, count: 6) + [""]
        + ["c - c2", "c2 - c", ""]
        + choose
        + ["train(mse(w * day + b, close), w, b, lr=0.1, steps=200)", ""]
        + ["train(mse(v * day + a, close), v, a, lr=0.1, steps=20)"]
        + ["train(asym(v * day + a, close), v, a, lr=0.1, steps=200)", ""]
        + [""]
        + ["mean(w * day + b) - mean(v * day + a)", "mean(v * day + a) - mean(w * day + b)", ""]
        + [
          "mean(w * day + b < close)", "sum(v * day + a < close)", "mean(v * day + a < close)", "",
        ]
        + [""]
        + ["def waste(p, y) = mean(where(p - y > 0, 3 * (p - y)^2, (p - y)^2))", ""]
        + [""])
    #expect(out.contains("In LossLab a function is one line"), "\(out)")
    #expect(out.contains("x asymmetric the wrong way round: too low by 1: asym(99, 100) = 1;"))
    #expect(out.contains("you punish over-prediction more"))
    #expect(out.contains("your loss is -10 at p = 110, y = 100"))
    #expect(out.contains("Your loss works: asym is yours to use from here on."))
    #expect(out.contains("Flat: MSE settles at c = 101.25"))
    #expect(out.contains("Flat: your loss settles at c2 = 102"))
    #expect(out.contains("the sign is flipped"))
    #expect(out.contains("Trained: the MSE line is 2.000 x day + 104.714."))
    #expect(out.contains("Not at the bottom yet"))
    #expect(out.contains("Trained: your line is 2.000 x day + 105.222"))
    #expect(out.contains("that's MSE's mean minus yours"))
    #expect(out.contains("Correct: 0.507937."))
    #expect(out.contains("That's MSE's line (`w`, `b`): too low on 0.714 of the days"))
    #expect(out.contains("That counts the days, 2."))
    #expect(out.contains("MSE's line was too low on 0.714 of the days, yours on 0.286."))
    #expect(out.contains("Your loss works: waste is yours to use from here on."))
    #expect(out.contains("You finished Custom losses!"))
  }

  @Test func lessonNineCommonMistakes() throws {
    let early = "L2 = train(fit(w), w, lr=0.02, steps=650, optimizer=\"adam\", val=held(w))"
    let out = try play(
      ["start common-mistakes", ""]
        + ["grad(mse(sigmoid(z), 1), z) / (sigmoid(z) * (1 - sigmoid(z)))"]
        + ["grad(mse(sigmoid(z), 1), z)", ""]
        + [""]
        + ["L_mse = train(mse(sigmoid(w * marks + b), label), w, b, lr=0.5, steps=100)", ""]
        + ["L_bce = train(bce(sigmoid(v * marks + c), label), v, c, lr=0.5, steps=100)", ""]
        + ["mean(where(sigmoid(w * marks + b) > 0.5, 1, 0) == label)"]
        + ["mean(where(sigmoid(v * marks + c) > 0.5, 1, 0) == label)", ""]
        + ["bce(scores, y4)", "bce(clip(scores, 0, 1), y4)", "bce_logits(scores, y4)", ""]
        + ["z = 5", "z = 50", "z = 500", ""]
        + ["0", "(rating - 1)^2", ""]
        + ["mean(fraud)", "mean(where(lazy > 0.5, 1, 0) == fraud)", ""]
        + ["sum(fraud)", "0", ""]
        + [
          "def wbce(p, y) = mean(-(y * log(p) + 99 * (1 - y) * log(1 - p)))", "wbce(lazy, fraud)",
          "def wbce(p, y) = mean(-(99 * y * log(p) + (1 - y) * log(1 - p)))", "wbce(lazy, fraud)",
          "",
        ]
        + [
          "w = 0", "b = 0", "L_w = train(wbce(sigmoid(w * x + b), fraud), w, b, lr=0.1, steps=300)",
        ]
        + [""]
        + ["focal(0.01, 0) / bce(0.01, 0)", "bce(0.01, 0) / focal(0.01, 0)", ""]
        + ["L = train(fit(w), w, lr=0.02, steps=2000, optimizer=\"adam\", val=held(w))", ""]
        + [""]
        + ["2000", "650", ""]
        + ["w = zeros10", early, ""]
        + [""])
    #expect(out.contains("That's the slope with respect to the probability p"), "\(out)")
    #expect(out.contains("Correct: -0.03469."))
    #expect(out.contains("still negative, still 'more marks, less spam'"))
    #expect(out.contains("Cross-entropy turned the model round in the same 100 steps"))
    #expect(out.contains("That's the MSE filter (`w`, `b`): 0.5"))
    #expect(out.contains("bce: p must be a probability in [0, 1], but element 1 is 2.1"))
    #expect(out.contains("Clipping the scores into [0, 1] silences the engine"))
    #expect(out.contains("the output can't pass 1, so the loss can't go below 9"))
    #expect(out.contains("Zero needs a prediction of 4"))
    #expect(out.contains("Correct: 0.99."))
    #expect(out.contains("That's how many frauds there are."))
    #expect(out.contains("That weights the fine payments 99 times"))
    #expect(out.contains("It catches 8 of the 10 frauds now"))
    #expect(out.contains("Upside down: that's focal over bce"))
    #expect(out.contains("validation was lowest at step 650"))
    #expect(out.contains("That's the last step, where the training loss is lowest."))
    // A computed "650." that starts a line stays in its paragraph.
    #expect(out.contains("lowest validation loss, step 650. You watch the validation loss now"))
    #expect(out.contains("stopping early gave the better model"))
    #expect(out.contains("Recap."))
    #expect(out.contains("You finished Common mistakes!"))
  }

  @Test func lessonTenReadingLossCurves() throws {
    let out = try play(
      ["start reading-loss-curves", ""]
        + ["H = train(fit3(w), w, lr=0.1, steps=300, optimizer=\"adam\", val=held3(w))", "", ""]
        + ["H[1][301] / H[1][1]", "H[1][1] / H[1][301]", ""]
        + ["c = 1", "U = train(mse(0 * x + c, y), c, lr=0.1, steps=300, val=mse(0 * xv + c, yv))"]
        + ["c = 0", "U = train(mse(0 * x + c, y), c, lr=0.1, steps=300, val=mse(0 * xv + c, yv))"]
        + ["", ""]
        + ["U[1][301] / H[1][301]", ""]
        + ["O = train(fit9(v), v, lr=0.02, steps=2000, optimizer=\"adam\", val=held9(v))", "", ""]
        + ["O[1][2001] - O[2][2001]", "O[2][2001] - O[1][2001]", ""]
        + ["", "", ""]
        // For the learner e2e, curve 3 overfits, 2 underfits and 1 is healthy; the names
        // holding those numbers cannot be typed.
        + ["over", "2", "3", ""]
        + ["1", "2", ""]
        + choose
        + [""])
    #expect(out.contains("Both curves fall steeply, then level off"), "\(out)")
    #expect(out.contains("Upside down: that's last over first"))
    #expect(out.contains("Correct: 10.3201."))
    #expect(out.contains("Start from `c = 0`, then type the `train(...)` line"))
    #expect(out.contains("The flat line can't bend."))
    #expect(out.contains("The sign is flipped: validation is the higher one."))
    #expect(out.contains("`over` holds what this step asks you to work out"))
    #expect(out.contains("Curve 2 barely moves"))
    #expect(out.contains("That's stuck high, underfitting."))
    #expect(out.contains("and settles: it learned."))
    #expect(out.contains("Underfitting means the model can't represent the pattern"))
    #expect(out.contains("Recap."))
    #expect(out.contains("You finished Reading loss curves!"))
  }

  @Test func lessonElevenChoosingALoss() throws {
    let out = try play(
      ["start choosing-a-loss", ""]
        + ["sum((a - prices)^2)", "mean(a - prices)^2", "mse(a, prices)", ""]
        + choose
        + ["mse(a, prices)", "mae(a, prices)", ""]
        + ["c = 500", "c = 200", "c = 240", ""]
        + choose
        + ["mse(f, y_spam)", "bce(f, y_spam)", ""]
        + choose
        + ["cce(t, tags)", "bce(t, tags)", ""]
        + ["mean(max(0, 1 - y01 * s))", "sum(max(0, 1 - (2 * y01 - 1) * s))", "hinge(s, y01)", ""]
        + [
          "mean(abs((sales - forecast) / sales))", "100 * mean(abs((sales - forecast) / forecast))",
        ]
        + ["mape(forecast, sales)", ""]
        + ["1", "2", "3", "4", ""]
        + [""])
    #expect(out.contains("you forgot the 1/n"), "\(out)")
    #expect(out.contains("That squares the average error"))
    #expect(out.contains("Correct: 392,020."))
    #expect(out.contains("That's the MSE from before."))
    #expect(out.contains("The slope is positive: more houses sit below 500 than above it."))
    #expect(out.contains("The slope is negative: more houses sit above 200 than below it."))
    #expect(out.contains("At 240 the MAE is 368: the smallest it gets."))
    #expect(out.contains("That's MSE on the probabilities: 0.267525."))
    #expect(out.contains("That's categorical cross-entropy, 0.733969"))
    #expect(out.contains("You used the 0/1 labels"))
    #expect(out.contains("Right labels, but that's the sum."))
    #expect(out.contains("Correct: 0.475."))
    #expect(out.contains("That's the fraction, 0.185. MAPE is in percent: times 100."))
    #expect(out.contains("You divided by the forecast."))
    #expect(out.contains("Correct: 18.5."))
    #expect(out.contains("Recap. Ask what the answer is."))
    #expect(out.contains("You finished Choosing the right loss!"))
  }

  @Test func lessonTwelveRecap() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("losslab-notes-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let notes = folder.appendingPathComponent("notes.md").path
    let out = try play(
      ["start recap", ""]
        + ["0, 0", "skip"]
        + ["1", "100", "skip"]
        + ["position + lr * 2 * (position - city)", "position - lr * (position - city)"]
        + ["position - lr * grad((position - city)^2, position)", ""]
        + ["sum(abs(answers - key))", "mse(answers, key)", "mae(answers, key)", ""]
        + ["goal_weight - weights", "weights - goal_weight", ""]
        + choose
        + ["1", "2", "3", "4", ""]
        + ["", "save \(notes)"])
    #expect(
      out.contains("The gradient points where the loss grows: throw the other way."), "\(out)")
    #expect(out.contains("That's your first guess: now guess again and hear warmer or colder."))
    #expect(out.contains("You added the gradient: that's a step uphill"))
    #expect(out.contains("you forgot the 2"))
    #expect(out.contains("That's the total of the red marks."))
    #expect(out.contains("That squares each mark"))
    #expect(out.contains("Correct: 1.2."))
    #expect(out.contains("The right sizes with a minus sign"))
    #expect(out.contains("Correct: [12, 10, 9, 7, 6]."))
    #expect(out.contains("MSE is the default for regression."))
    #expect(out.contains("Recap. A loss is one number saying how wrong a prediction is"))
    #expect(out.contains("You finished Recap: one idea, five pictures!"))
    #expect(out.contains("type `save notes.md` in the shell"))
    #expect(out.contains("saved the course notes to"))
    let written = try String(contentsOfFile: notes, encoding: .utf8)
    #expect(written.hasPrefix("# LossLab: loss functions on one page"))
  }
}
