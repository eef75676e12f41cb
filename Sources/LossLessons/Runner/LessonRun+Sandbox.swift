import LossEngine
import LossLanguage

extension LessonRun {
  /// A line in a `tweak` step: run it in the lesson scope, then show the watched loss, its
  /// change, and its gradient with respect to the variables that changed.
  mutating func tryTweak(_ line: String, _ tweak: TweakStep) -> [LessonEvent] {
    let previous = try? number(tweak.watch, in: interpreter)
    let outcome: Outcome
    do { outcome = try interpreter.run(line) } catch { return LessonRun.failure(error, in: line) }
    var events = LessonRun.events(for: outcome, of: line, in: interpreter)
    // `train` and `step` change their weights as an assignment does.
    var assigned =
      interpreter.trainingRuns.flatMap(\.parameters)
      + interpreter.steps.flatMap { $0.updates.map(\.name) }
    switch outcome {
    case .assigned(let name, _): assigned.append(name)
    case .assignedSeveral(let names, _): assigned += names
    default: if assigned.isEmpty { return events }
    }
    state.tries += 1
    stats.recordAttempt(at: stepIndex)
    let watched = tweak.variables.filter { assigned.contains($0) }
    let (readout, loss) = tweakReadout(
      tweak, changed: watched.isEmpty ? tweak.variables : watched, previous: previous)
    events += readout
    var judge = interpreter
    if let loss {
      judge = judgeScope(loss: loss, previousLoss: previous)
      let change = tweak.show.contains(.change) ? previous.map { loss - $0 } : nil
      events += feedback(tweak.feedback, in: judge, change: change)
    }
    do {
      if try number(tweak.goal, in: judge) != 0 {
        state.isComplete = true
        events.append(.stepComplete)
      }
    } catch {
      events.append(.error(error, source: tweak.goal.source))
    }
    return events
  }

  /// The watched loss, its change and gradients, as readouts, and the loss itself.
  func tweakReadout(_ tweak: TweakStep, changed: [String], previous: Double?)
    -> (events: [LessonEvent], loss: Double?)
  {
    do {
      let result = try interpreter.evaluate(source: tweak.watch.source, gradientsFor: changed)
      guard let loss = result.value.tensor?.scalarValue else { return ([], nil) }
      let gradients = changed.compactMap { name in
        result.gradients[name].map { NamedTensor(name: name, tensor: $0) }
      }
      let readout = LessonReadouts(
        loss: tweak.show.contains(.loss) ? loss : nil,
        change: tweak.show.contains(.change) ? previous.map { loss - $0 } : nil,
        gradients: tweak.show.contains(.gradient) ? gradients : [])
      // Nothing to show (a step showing only the change, at its start): no empty readout.
      let isEmpty = readout.loss == nil && readout.change == nil && readout.gradients.isEmpty
      return (isEmpty ? [] : [.readouts(readout)], loss)
    } catch {
      return ([.error(error, source: tweak.watch.source)], nil)
    }
  }

  /// A line in an `explore` step: anything goes, on a scope that is thrown away at `next`.
  mutating func explore(_ line: String) -> [LessonEvent] {
    do {
      let outcome = try interpreter.run(line)
      return LessonRun.events(for: outcome, of: line, in: interpreter)
    } catch {
      return LessonRun.failure(error, in: line)
    }
  }
}
