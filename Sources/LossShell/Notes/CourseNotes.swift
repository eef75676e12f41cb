/// The one-page summary `save notes.md` writes: the course's key formulas and pictures, in
/// Markdown, so a learner leaves with something to keep.
public enum CourseNotes {
  public static let markdown = """
    # LossLab: loss functions on one page

    A **loss** is one number that says how wrong a prediction is: 0 is perfect, bigger is worse.
    Without it a model has no feedback and cannot learn (the blindfolded dart player).

    ## The losses

    | Loss | Formula | Use it for |
    |---|---|---|
    | Mean squared error | `mse(p, y) = mean((p - y)^2)` | regression; punishes big misses hard |
    | Mean absolute error | `mae(p, y) = mean(abs(p - y))` | regression with outliers |
    | Huber | squared within `delta`, absolute beyond | regression, robust and smooth |
    | Binary cross-entropy | `bce(p, y) = -mean(y * log(p) + (1 - y) * log(1 - p))` | yes/no, p a probability |
    | Categorical cross-entropy | `cce(P, Y) = mean(-sum(Y * log(P)))` per example | one class out of several |
    | Hinge | `hinge(s, y) = mean(max(0, 1 - y * s))`, labels -1 and +1 | SVMs |
    | Custom | e.g. `mean(where(y - p > 0, 2 * (y - p)^2, (y - p)^2))` | when misses cost differently |

    Probabilities go into `bce`; raw scores (logits) into `bce_logits`. Cross-entropy clips p to
    [1e-15, 1 - 1e-15], since log(0) is minus infinity.

    ## Learning with a loss

    1. Predict. 2. Compute the loss. 3. Compute its gradient, which points uphill.
    4. Update against it: `w = w - lr * grad(loss, w)`. 5. Repeat.

    Too small a learning rate crawls, too large diverges. Watch the loss curves: a validation
    loss that turns up while the training loss falls is overfitting; stop there.

    ## One idea, five pictures

    | Picture | The loss |
    |---|---|
    | Blindfolded darts | the friend saying how far off you are |
    | Hot and cold | warmer or colder than the last guess |
    | GPS | the distance to the city, and which way |
    | Teacher grading | the average red mark |
    | Fitness tracker | the gap to the goal, week by week |

    All the same idea: feedback on how wrong you are.

    ## Next

    Gradient descent, optimizers (momentum, Adam), regularisation, the learning rate.

    """
}
