import LossShell
import Testing

@testable import LossTerminal

/// Whole renderings at fixed widths, in colour and plain: one table, one test per row. Expected
/// text is inline (⎋ stands for ESC); to change one, run with RECORD_SNAPSHOTS=DIR, review
/// DIR/NAME.txt, paste it here.
@Suite("Renderer snapshots")
struct SnapshotTests {
  static let resume =
    "Welcome back: you were on lesson 2 (hot and cold), step 3 of 8. Type start 2 to go on."

  @Test(arguments: SnapshotTests.cases)
  func snapshot(_ snapshot: Snapshot) {
    let rendered = Renderer(style: snapshot.style, width: snapshot.width).render(snapshot.events())
    expectSnapshot(
      snapshot.name, rendered, snapshot.expected, sourceLocation: snapshot.sourceLocation)
  }

  static let cases: [Snapshot] = [
    // A single prediction: the loss, the slope and which way to move.
    Snapshot(
      "scalarPlain", .plain, width: 80, .last(["mse(2.4, 2)"]),
      #"""
      mse = 0.16
        gradient dmse/dp = 0.8
        you are 0.4 too high - move down
      """#),
    // The same in colour: arrows and ∂ instead of words and d.
    Snapshot(
      "scalarColor", .color, width: 80, .last(["mse(2.4, 2)"]),
      #"""
      ⎋[36mmse⎋[0m = ⎋[1m0.16⎋[0m
      ⎋[2m  gradient ∂mse/∂p =⎋[0m ⎋[1m0.8⎋[0m
        ⎋[33m↓ you are 0.4 too high — move down⎋[0m
      """#),
    // A vector: one row per element with its term, slope, bar and direction.
    Snapshot(
      "vectorPlain", .plain, width: 80, .last(["mse([2.5, 5, 3, 8], [3, 5, 2.5, 7])"]),
      #"""
      mse = 0.375
        gradient dmse/dp = [-0.25, 0, 0.25, 0.5]
        #  prediction  target  loss term  slope
        1         2.5       3       0.25  -0.25  ####              ^ raise it
        2           5       5          0      0                    ok on target
        3           3     2.5       0.25   0.25  ####              v lower it
        4           8       7          1    0.5  ################  v lower it
        (mse is the mean of these 4 loss terms)
        element 4 hurts most: it is 1 too high - move it down
      """#),
    // The same in colour, with block bars.
    Snapshot(
      "vectorColor", .color, width: 80, .last(["mse([2.5, 5, 3, 8], [3, 5, 2.5, 7])"]),
      #"""
      ⎋[36mmse⎋[0m = ⎋[1m0.375⎋[0m
      ⎋[2m  gradient ∂mse/∂p =⎋[0m ⎋[1m[-0.25, 0, 0.25, 0.5]⎋[0m
        ⎋[2m#⎋[0m  ⎋[2mprediction⎋[0m  ⎋[2mtarget⎋[0m  ⎋[2mloss term⎋[0m  ⎋[2mslope⎋[0m
        ⎋[2m1⎋[0m         2.5       3       ⎋[1m0.25⎋[0m  -0.25  ⎋[33m████⎋[0m              ⎋[33m↑ raise it⎋[0m
        ⎋[2m2⎋[0m           5       5          ⎋[1m0⎋[0m      0                    ⎋[32m✓ on target⎋[0m
        ⎋[2m3⎋[0m           3     2.5       ⎋[1m0.25⎋[0m   0.25  ⎋[33m████⎋[0m              ⎋[33m↓ lower it⎋[0m
        ⎋[2m4⎋[0m           8       7          ⎋[1m1⎋[0m    0.5  ⎋[33m████████████████⎋[0m  ⎋[33m↓ lower it⎋[0m
        ⎋[2m(mse is the mean of these 4 loss terms)⎋[0m
        ⎋[33m↓ element 4 hurts most: it is 1 too high — move it down⎋[0m
      """#),
    // At 40 columns the table narrows its headers and bars instead of overflowing.
    Snapshot(
      "vectorNarrow", .plain, width: 40, .last(["mse([2.5, 5, 3, 8], [3, 5, 2.5, 7])"]),
      #"""
      mse = 0.375
        gradient dmse/dp = [-0.25, 0, 0.25,
          0.5]
        #    p    y  term  slope
        1  2.5    3  0.25  -0.25  ##      up
        2    5    5     0      0          ok
        3    3  2.5  0.25   0.25  ##      down
        4    8    7     1    0.5  ######  down
        (mse is the mean of these 4 loss
        terms)
        element 4 hurts most: it is 1 too high
          - move it down
      """#),
    // 1000 elements: the first and last rows and the one that hurts most.
    Snapshot(
      "largeVector", .plain, width: 80,
      .last(["p = linspace(0, 1, 1000)", "p[500] = 3", "mse(p, 0.5)"]),
      #"""
      mse = 0.0897502
        gradient dmse/dp = [-0.001, -0.000997998, -0.000995996, -0.000993994,
          -0.000991992, -0.00098999, -0.000987988, ..., 0.000997998, 0.001] (1000
          values)
           #  prediction  target  loss term      slope
           1           0     0.5       0.25     -0.001  #                 ^ raise it
           2    0.001001     0.5      0.249  -0.000998  #                 ^ raise it
           3    0.002002     0.5      0.248  -0.000996  #                 ^ raise it
           4    0.003003     0.5      0.247  -0.000994  #                 ^ raise it
           5    0.004004     0.5      0.246  -0.000992  #                 ^ raise it
        ... 494 more
         500           3     0.5       6.25      0.005  ################  v lower it
        ... 497 more
         998       0.998     0.5      0.248   0.000996  #                 v lower it
         999       0.999     0.5      0.249   0.000998  #                 v lower it
        1000           1     0.5       0.25      0.001  #                 v lower it
        (mse is the mean of all 1000 loss terms)
        element 500 hurts most: it is 2.5 too high - move it down
      """#),
    // A matrix is broken down by row.
    Snapshot(
      "matrixRows", .plain, width: 80,
      .last(["mse([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]], [[1, 0, 0], [0, 0, 1]])"]),
      #"""
      mse = 0.266667
        gradient dmse/dp = [[-0.1, 0.0666667, 0.0333333], [0.0333333, 0.266667, -0.3]]
        #       prediction     target  loss term                     slope
        1  [0.7, 0.2, 0.1]  [1, 0, 0]    0.04667  [-0.1, 0.06667, 0.03333]  #
        2  [0.1, 0.8, 0.1]  [0, 0, 1]     0.4867   [0.03333, 0.2667, -0.3]  ##########
        (mse is the mean of these 2 loss terms)
        row 2 hurts most (loss term 0.486667)
      """#),
    // A learner's loss with the wrong sign: the reading and a finding say so.
    Snapshot(
      "userLossPointingAway", .plain, width: 60,
      .last(["def bad(p, y) = -mean((p - y)^2)", "bad([1, 3], [2, 2])"]),
      #"""
      bad = -1
        gradient dbad/dp = [1, -1]
        #  prediction  target  loss term  slope
        1           1       2         -1      1  v lower it
        2           3       2         -1     -1  ^ raise it
        (bad is the mean of these 2 loss terms)
        element 1 has the steepest slope: it is 1 too low, yet the
          slope says move it down
        note: for 2 elements (the first is element 1) the slope
          points away from the target: bad gets smaller as p moves
          away from it - check the signs in your formula
      """#),
    // An error: the caret under the columns, then the message.
    Snapshot(
      "errorPlain", .plain, width: 80, .last(["mse([1, 2, 3], [1, 2])"]),
      #"""
        mse([1, 2, 3], [1, 2])
        ^~~~~~~~~~~~~~~~~~~~~~
      error: mse expects p and y of the same shape, got [3] and [2]
      """#),
    // The caret and the label in red.
    Snapshot(
      "errorColor", .color, width: 80, .last(["mse([1, 2, 3], [1, 2])"]),
      #"""
        mse([1, 2, 3], [1, 2])
        ⎋[1;31m^~~~~~~~~~~~~~~~~~~~~~⎋[0m
      ⎋[1;31merror:⎋[0m mse expects p and y of the same shape, got [3] and [2]
      """#),
    // A source wider than the terminal is windowed around the caret.
    Snapshot(
      "errorWindow", .plain, width: 40,
      .last([
        "p = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] + [1, 2, 3] * undefined_name + 1"
      ]),
      #"""
        ...+ [1, 2, 3] * undefined_name + 1
                         ^~~~~~~~~~~~~~
      error: unknown name 'undefined_name'
      """#),
    // In a script the error names its line.
    Snapshot(
      "scriptError", .plain, width: 80, .last(["w = 1", "w + * 2"], configuration: .script),
      #"""
        w + * 2
            ^
      error on line 2: expected a value (a number, a name, '(' or '['), found '*'
      """#),
    // watch: the value, its change in words, the slope of what changed.
    Snapshot(
      "watchPlain", .plain, width: 80,
      .all([
        "w = 0.5", "watch mse(w * [1, 2], [2, 4])", "w = 1", "w = 3", "p = [1, 2]",
        "watch mse(p, [2, 2])", "p[1] = 2",
      ]),
      #"""
       LossLab - learn loss functions by doing them.
       A loss function measures how wrong a prediction is. Here you'll throw darts,
       play hot-and-cold, drive by GPS and train tiny models, and the engine will show
       you every loss and every gradient.

         mse([2.5, 5], [3, 5])   compute a loss and see its gradient
         help                    everything you can type
         quit                    leave (Ctrl-D works too)

      w = 0.5
      watching 1: mse(w * [1, 2], [2, 4]) = 5.625
        d/dw = -7.5: raise w to lower it
      w = 1
      watch 1: mse(w * [1, 2], [2, 4]) = 2.5   down by 3.125, better
        d/dw = -5: raise w to lower it
      w = 3
      watch 1: mse(w * [1, 2], [2, 4]) = 2.5   unchanged
        d/dw = 5: lower w to lower it
      p = [1, 2]
      watching 2: mse(p, [2, 2]) = 0.5
        d/dp = [-1, 0]
      p = [2, 2]
      watch 2: mse(p, [2, 2]) = 0   down by 0.5, better
        d/dp = [0, 0]
      """#),
    // watch in colour: green arrow for better.
    Snapshot(
      "watchColor", .color, width: 80,
      .all(["w = 0.5", "watch mse(w * [1, 2], [2, 4])", "w = 1", "w = 0"]),
      #"""
       ⎋[1;4mLossLab — learn loss functions by doing them.⎋[0m
       A loss function measures how wrong a prediction is. Here you'll throw darts,
       play hot-and-cold, drive by GPS and train tiny models, and the engine will show
       you every loss and every gradient.

         ⎋[36mmse([2.5, 5], [3, 5])⎋[0m   ⎋[2mcompute a loss and see its gradient⎋[0m
         ⎋[36mhelp⎋[0m                    ⎋[2meverything you can type⎋[0m
         ⎋[36mquit⎋[0m                    ⎋[2mleave (Ctrl-D works too)⎋[0m

      ⎋[36mw⎋[0m = ⎋[1m0.5⎋[0m
      ⎋[2mwatching 1:⎋[0m mse(w * [1, 2], [2, 4]) = ⎋[1m5.625⎋[0m
      ⎋[2m  ∂/∂w =⎋[0m ⎋[1m-7.5⎋[0m⎋[33m: raise w to lower it⎋[0m
      ⎋[36mw⎋[0m = ⎋[1m1⎋[0m
      ⎋[2mwatch 1:⎋[0m mse(w * [1, 2], [2, 4]) = ⎋[1m2.5⎋[0m   ⎋[32m↓ better by 3.125⎋[0m
      ⎋[2m  ∂/∂w =⎋[0m ⎋[1m-5⎋[0m⎋[33m: raise w to lower it⎋[0m
      ⎋[36mw⎋[0m = ⎋[1m0⎋[0m
      ⎋[2mwatch 1:⎋[0m mse(w * [1, 2], [2, 4]) = ⎋[1m10⎋[0m   ⎋[31m↑ worse by 7.5⎋[0m
      ⎋[2m  ∂/∂w =⎋[0m ⎋[1m-10⎋[0m⎋[33m: raise w to lower it⎋[0m
      """#),
    // The welcome screen with a resume line.
    Snapshot(
      "welcomePlain", .plain, width: 80,
      .all([], configuration: ShellConfiguration(resume: SnapshotTests.resume)),
      #"""
       LossLab - learn loss functions by doing them.
       A loss function measures how wrong a prediction is. Here you'll throw darts,
       play hot-and-cold, drive by GPS and train tiny models, and the engine will show
       you every loss and every gradient.

       Welcome back: you were on lesson 2 (hot and cold), step 3 of 8. Type start 2 to
       go on.

         mse([2.5, 5], [3, 5])   compute a loss and see its gradient
         help                    everything you can type
         quit                    leave (Ctrl-D works too)

      """#),
    // The welcome menu stacks on a narrow terminal.
    Snapshot(
      "welcomeNarrow", .plain, width: 40,
      .all([], configuration: ShellConfiguration(resume: SnapshotTests.resume)),
      #"""
       LossLab - learn loss functions by doing
       them.
       A loss function measures how wrong a
       prediction is. Here you'll throw darts,
       play hot-and-cold, drive by GPS and
       train tiny models, and the engine will
       show you every loss and every gradient.

       Welcome back: you were on lesson 2 (hot
       and cold), step 3 of 8. Type start 2 to
       go on.

         mse([2.5, 5], [3, 5])
           compute a loss and see its gradient
         help
           everything you can type
         quit
           leave (Ctrl-D works too)

      """#),
    // The welcome screen in colour.
    Snapshot(
      "welcomeColor", .color, width: 100,
      .all([], configuration: ShellConfiguration(resume: SnapshotTests.resume)),
      #"""
       ⎋[1;4mLossLab — learn loss functions by doing them.⎋[0m
       A loss function measures how wrong a prediction is. Here you'll throw darts, play hot-and-cold,
       drive by GPS and train tiny models, and the engine will show you every loss and every gradient.

       ⎋[33mWelcome back: you were on lesson 2 (hot and cold), step 3 of 8. Type start 2 to go on.⎋[0m

         ⎋[36mmse([2.5, 5], [3, 5])⎋[0m   ⎋[2mcompute a loss and see its gradient⎋[0m
         ⎋[36mhelp⎋[0m                    ⎋[2meverything you can type⎋[0m
         ⎋[36mquit⎋[0m                    ⎋[2mleave (Ctrl-D works too)⎋[0m

      """#),
    // vars: names, shapes and short values, functions, watches.
    Snapshot(
      "vars", .plain, width: 60,
      .last([
        "w = 0.5", "p = [2.5, 5, 3, 8]", "big = linspace(0, 1, 1000)",
        "def sq(p, y) = mean((p - y)^2)", "watch sq(p, w)", "vars",
      ]),
      #"""
      Variables
        big  [1000]  [0, 0.001001, 0.002002, 0.003003, 0.004004...
        p    [4]     [2.5, 5, 3, 8]
        w    scalar  0.5
      Functions
        def sq(p, y) = mean((p - y)^2)
      Watching
        1  sq(p, w)
      """#),
    // help for a built-in loss, with its example and result.
    Snapshot(
      "helpPage", .plain, width: 60, .last(["help mse"]),
      #"""
      mse(p, y)   losses
        mean((p - y)^2) - the default for regression; squaring
        punishes big errors hardest
        Typed at the prompt, it shows the loss, its gradient with
        respect to p and which way to move each prediction.

        Example
          losslab> mse([3, 5, 2.5, 7], [2.5, 5, 3, 8])
          0.375
      """#),
    // A value and where its -inf came from.
    Snapshot(
      "valueAndFinding", .plain, width: 60, .last(["log([1, 0])"]),
      #"""
      [0, -inf]
      note: -inf in the result: log of 0 - a probability of
        exactly 0 (or 1, inside log(1 - p)); clip probabilities
        away from 0 and 1, e.g. clip(p, 1e-15, 1 - 1e-15)
      """#),
    // A matrix value too wide for one line goes one row per line.
    Snapshot(
      "matrixValue", .plain, width: 40,
      .last(["W = [[1.5, -2.25, 3, 4.125, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]]"]),
      #"""
      W = [[1.5, -2.25, 3, 4.125, 5],
           [6, 7, 8, 9, 10],
           [11, 12, 13, 14, 15]]
      """#),
  ]
}
