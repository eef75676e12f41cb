import LossEngine
import LossLanguage

extension LessonRun {
  /// A guess: bind it, compute the loss (and its gradient with respect to the guess), show
  /// the readouts and the first feedback that holds; finish on the goal or the try limit.
  mutating func tryGuess(_ line: String, _ predict: PredictStep) -> [LessonEvent] {
    let guess: Tensor
    // Guesses are read in an empty scope, so typing the hidden target's name gives nothing away.
    switch LearnerInput.guess(
      line, for: predict.input, in: Interpreter(isInterrupted: interpreter.isInterrupted))
    {
    case .failure(let problem):
      let ending = problem.message.hasSuffix(".") ? "" : "."
      return [.inputProblem(problem.message + ending)]
    case .success(let value): guess = value
    }
    state.tries += 1
    stats.recordAttempt(at: stepIndex)
    let previousGuess = interpreter.scope[predict.binding]
    interpreter.scope.set(predict.binding, .tensor(guess))
    recordGuess(guess, predict)
    var events: [LessonEvent] = []
    let loss: Double
    let gradient: Tensor?
    do {
      let result = try interpreter.evaluate(
        source: predict.loss.source, gradientsFor: [predict.binding])
      guard let value = result.value.tensor?.scalarValue else {
        return [.notice("This step's loss does not give one number; please report the lesson.")]
      }
      loss = value
      gradient = result.gradients[predict.binding]
    } catch {
      return [.error(error, source: predict.loss.source)]
    }
    let change = state.previousLoss.map { loss - $0 }
    let readouts = LessonReadouts(
      loss: predict.show.contains(.loss) ? loss : nil,
      change: predict.show.contains(.change) ? change : nil,
      gradients: predict.show.contains(.gradient)
        ? gradient.map { [NamedTensor(name: predict.binding, tensor: $0)] } ?? [] : [])
    if readouts.loss != nil || readouts.change != nil || !readouts.gradients.isEmpty {
      events.append(.readouts(readouts))
    }
    var judge = judgeScope(loss: loss, previousLoss: state.previousLoss)
    judge.scope.set(
      "previous_" + predict.binding,
      state.tries > 1 ? (previousGuess ?? .tensor(guess)) : .tensor(guess))
    state.previousLoss = loss
    events += feedback(predict.feedback, in: judge, change: change)
    var reachedGoal = false
    if let goal = predict.goal {
      do { reachedGoal = try number(goal, in: judge) != 0 } catch {
        events.append(.error(error, source: goal.source))
      }
    }
    let outOfTries = predict.maxTries.map { state.tries >= $0 } ?? false
    if reachedGoal || outOfTries {
      state.isComplete = true
      events.append(.stepComplete)
    }
    return events
  }

  /// The lesson scope plus `loss`, `tries` and `previous_loss` (equal to `loss` on the first
  /// try), for judging a try.
  func judgeScope(loss: Double, previousLoss: Double?) -> Interpreter {
    var judge = interpreter
    judge.scope.set("loss", .tensor(Tensor(scalar: loss)))
    judge.scope.set("tries", .tensor(Tensor(scalar: Double(state.tries))))
    judge.scope.set("previous_loss", .tensor(Tensor(scalar: previousLoss ?? loss)))
    return judge
  }

  /// The first feedback entry whose condition holds, toned by the change in loss; a condition
  /// that cannot be computed is shown as an error (so `lesson check` reports it).
  func feedback(_ entries: [StepFeedback], in judge: Interpreter, change: Double?) -> [LessonEvent]
  {
    var events: [LessonEvent] = []
    for entry in entries {
      let holds: Bool
      do { holds = try number(entry.when, in: judge) != 0 } catch {
        events.append(.error(error, source: entry.when.source))
        continue
      }
      if holds {
        let tone: LessonEvent.Tone =
          change.map { $0 < 0 ? .good : ($0 > 0 ? .bad : .neutral) } ?? .neutral
        events.append(.feedback(render(entry.say, in: judge), tone: tone))
        break
      }
    }
    return events
  }

  /// Keeps every try of the step as `<bind>_history` (a list of numbers, or one row per point or
  /// vector), so a later step can picture them (`scatter(dart_history[:, 1], dart_history[:, 2])`).
  mutating func recordGuess(_ guess: Tensor, _ predict: PredictStep) {
    state.guesses.append(guess.storage)
    let shape = guess.shape.isEmpty ? [state.guesses.count] : [state.guesses.count] + guess.shape
    guard let history = try? Tensor(shape: shape, storage: state.guesses.flatMap { $0 }) else {
      return
    }
    interpreter.scope.set(predict.binding + "_history", .tensor(history))
  }
}
