import Foundation

/// What `losslab lesson new ID` writes: a lesson with one example of every step kind, each field
/// explained in a comment; `lesson check` passes on it as written (a test makes sure).
public enum NewLesson {
  /// The lesson file for `id`.
  public static func text(id: LessonID) -> String {
    template.replacingOccurrences(of: "__ID__", with: id.rawValue)
  }

  private static let template = #"""
    # A LossLab lesson: one example of every step kind, ready to edit.
    # The format is described in Lessons/FORMAT.md. Check your changes with
    #   losslab lesson check THIS-FILE
    # which points at file:line:column of anything wrong and plays the lesson with its own answers.
    format_version: 1            # always 1 for now
    id: __ID__                   # lowercase letters, digits and dashes; unique across all lessons
    order: 100                   # where it sits in the menu (lower comes first)
    title: My new lesson         # one line, shown in the menu and in every step's header
    summary: One example of every kind of step.
    minutes: 10                  # estimated minutes, shown in the menu
    requires: []                 # ids of lessons to do first
    setup: |                     # expressions run when the lesson starts, one per line
      # `seed` is set already: different for each learner, fixed by `losslab present --seed N`.
      target = round(uniform(1, 9, seed))
      p = [2.5, 5, 3]
      y = [3, 5, 2.5]
      x = [1, 2, 3]
      t = [2, 4, 6]
      w = 0
      losses = train(mse(w * x, t), w, lr=0.05, steps=30)
    steps:
      # say: narrative, shown until Enter. {{ EXPR }} is computed by the engine: never type a
      # number the engine can compute.
      - kind: say
        title: Hello
        text: |
          Welcome! The hidden number is between 1 and 9. *Emphasis*, **strong** and `code` are
          rendered in the terminal. The mean squared error of `p` against `y` is {{ mse(p, y) }}.

      # predict: the learner guesses, the engine computes the loss and picks the first feedback
      # whose `when` holds. `goal` ends the step; `answer` is used by skip, hints and lesson check.
      - kind: predict
        title: Guess the number
        text: Guess the hidden number. The loss is the squared distance from it.
        prompt: guess            # the word in the prompt
        input: number            # number, point (x, y) or vector (with size: N)
        loss: "(guess - target)^2"
        show: [loss, gradient, change]
        feedback:
          - when: "loss == 0"
            say: "Exactly!"
          - when: "true"
            say: "{{ sqrt(loss) }} away. The gradient says which way: step against it."
        goal: "loss == 0"
        answer: "target"
        hints:
          - "The gradient is 2 × (guess − target): its sign says which side you are on."
          - "It is {{ target }}."

      # compute: the learner types any expression; it is checked by its VALUE, so every correct way
      # passes. Give one of tolerance (absolute) or rounding (decimal places). `wrong` names known
      # mistakes by their value.
      - kind: compute
        title: The mean squared error
        text: "What is the mean squared error of `p` against `y`?"
        answer: "mse(p, y)"
        tolerance: 1e-6
        wrong:
          - answer: "sum((p - y)^2)"
            say: "That's the sum; the mean divides by n = {{ len(p) }}."
        hints:
          - "Square each difference, then take the mean."

      # choose: multiple choice, options shuffled every time; mark one or more correct.
      - kind: choose
        title: Which loss?
        question: Which loss punishes one big miss the most?
        options:
          - text: Mean squared error
            correct: true
            feedback: Squaring makes a 10 times bigger miss cost 100 times more.
          - text: Mean absolute error
            feedback: The absolute error grows only in proportion to the miss.

      # tweak: the learner assigns the variables and watches the loss and its gradient.
      - kind: tweak
        title: Fit the line
        text: Change `w` until the line `w * x` fits the points `t`. It starts at w = {{ w }}.
        setup: |
          w = 0
        watch: "mse(w * x, t)"
        variables: [w]
        feedback:
          - when: "loss < previous_loss"
            say: "Better: the loss fell to {{ loss }}."
          - when: "true"
            say: "No better: the slope says which way to move `w`."
        goal: "loss < 0.01"
        answer: ["w = 2"]

      # explore: a sandbox; nothing done here reaches later steps; `next` leaves it.
      - kind: explore
        title: Try things
        text: Try `mse([1, 2], [1, 5])` or `plot(huber(e, 0), e, -3, 3)`. Type `next` when done.

      # plot: any plot call the shell takes (plot, curve, landscape, scatter), drawn with the
      # lesson's variables. Here the loss curve of the `train` run in setup.
      - kind: plot
        title: The learning curve
        text: Gradient descent on `mse(w * x, t)`, starting from w = 0.
        plot: "curve(losses)"

      # define: the learner writes a loss; the engine checks what it does, never its text.
      - kind: define
        title: Your own loss
        text: Write `sq(p, y)`, the mean squared error, on one line.
        function: sq
        targets: "y"
        properties: [one_number, zero_at_target, never_negative, slope_towards_target]
        too_low_costs: 1
        answer: "def sq(p, y) = mean((p - y)^2)"

      - kind: say
        title: The end
        text: That was every kind of step. Now make it yours.
    """#
}
