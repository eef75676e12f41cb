import LossEngine
import LossLanguage
import LossPlots

extension LessonRun {
  /// What a step shows when it begins.
  mutating func introduction() -> [LessonEvent] {
    switch step.content {
    case .say(let say):
      return [.text(render(say.text)), .pressEnter]
    case .predict(let predict):
      return [.text(render(predict.text))]
    case .compute(let compute):
      let rule: String
      switch compute.check {
      case .tolerance(let tolerance):
        rule = "within \(ValueFormatter.number(tolerance)) of the answer counts"
      case .rounding(let places):
        rule = "answers are compared rounded to \(places) decimal place\(places == 1 ? "" : "s")"
      }
      return [.text(render(compute.text)), .notice("Type an expression or a number (\(rule)).")]
    case .choose(let choose):
      state.showings += 1
      state.optionOrder = shuffledOrder(count: choose.options.count)
      return [
        .text(render(choose.question)),
        .options(state.optionOrder.map { render(choose.options[$0].text) }),
      ]
    case .tweak(let tweak):
      var events: [LessonEvent] = []
      for line in tweak.setup {
        do { try interpreter.run(line.source) } catch {
          events.append(.error(error, source: line.source))
        }
      }
      // The text comes after the setup, so it can show the starting values.
      events.insert(.text(render(tweak.text)), at: 0)
      events += tweakReadout(tweak, changed: tweak.variables, previous: nil).events
      return events
    case .explore(let explore):
      state.sandboxOrigin = interpreter.scope
      return [
        .text(render(explore.text)),
        .notice(
          "Try anything here; nothing you do changes the lesson. Type `next` when you're done."),
      ]
    case .plot(let plot):
      return [.text(render(plot.text)), picture(plot.call), .pressEnter]
    case .define(let define):
      return [
        .text(render(define.text)),
        .notice(
          "Type it on one line, `def \(define.function)(p, y) = …`: the engine checks what it does, not how it is written."
        ),
      ]
    }
  }

  /// The options' order for this showing: shuffled, reproducibly for the learner.
  private func shuffledOrder(count: Int) -> [Int] {
    var generator = SeededGenerator(
      seed: UInt64(seed) &* 31 &+ UInt64(stepIndex) &* 7919 &+ UInt64(state.showings))
    return Array(0..<count).shuffled(using: &generator)
  }

  /// A plot step's picture, sampled with the lesson's variables (the terminal draws it).
  func picture(_ call: LessonExpression) -> LessonEvent {
    let expression: Expression
    do { expression = try Parser.parseExpression(call.source) } catch {
      return .error(error, source: call.source)
    }
    do {
      return .plot(try PlotBuilder(interpreter: interpreter).build(expression, source: call.source))
    } catch {
      return .plotError(error, source: call.source)
    }
  }

  /// The answer as the learner would type it, or nil for narrative steps.
  func answerText() -> String? {
    switch step.content {
    case .predict(let predict):
      guard
        let value = try? interpreter.evaluate(source: predict.answer.source)
          .tensor
      else {
        return predict.answer.source
      }
      return LearnerInput.text(for: value)
    case .compute(let compute):
      let value = (try? interpreter.evaluate(source: compute.answer.source)).map {
        ValueFormatter.compact($0)
      }
      return compute.answer.source + (value.map { "   (= \($0))" } ?? "")
    case .choose(let choose):
      return choose.options.filter(\.isCorrect).map { render($0.text) }.joined(separator: " / ")
    case .tweak(let tweak):
      return tweak.answer.map(\.source).joined(separator: "\n")
    case .define(let define):
      return define.answer.source
    case .say, .explore, .plot:
      return nil
    }
  }

  /// Puts the step's answer into the scope, as if the learner had typed it.
  mutating func applyAnswer(of step: LessonStep) {
    switch step.content {
    case .predict(let predict):
      if let value = try? interpreter.evaluate(source: predict.answer.source) {
        interpreter.scope.set(predict.binding, value)
        // A skipped step's history ends with its answer, so later pictures still draw.
        if let guess = value.tensor { recordGuess(guess, predict) }
      }
    case .tweak(let tweak):
      for line in tweak.setup + tweak.answer { _ = try? interpreter.run(line.source) }
    case .define(let define):
      _ = try? interpreter.run(define.answer.source)
    case .say, .compute, .choose, .explore, .plot:
      break
    }
  }
}
