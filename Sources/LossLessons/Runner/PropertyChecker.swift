import LossEngine
import LossLanguage

/// Checks a learner's loss f(p, y) by what it does, never by how it is written: on predictions
/// around each target it tries the step's properties, and a failing one comes with the numbers
/// that show it ("your loss is -2 at p = 3, y = 1").
struct PropertyChecker {
  /// One property's verdict and the evidence, in words.
  struct Verdict: Equatable {
    let passed: Bool
    let property: String
    let detail: String
  }

  /// The lesson's interpreter with the learner's function defined.
  let interpreter: Interpreter
  let function: String
  let targets: [Double]

  /// How far from a target the close samples are (both sides).
  static let offsets: [Double] = [0.5, 1, 2, 3]
  /// The wider sweep for "never negative": -10 … 10 around each target, in halves.
  static let sweep: [Double] = (-20...20).map { Double($0) / 2 }

  func check(_ step: DefineStep) -> [Verdict] {
    var verdicts: [Verdict] = []
    for property in step.properties {
      switch property {
      case .oneNumber: verdicts.append(oneNumber())
      case .zeroAtTarget: verdicts.append(zeroAtTarget())
      case .neverNegative: verdicts.append(neverNegative())
      case .slopeTowardsTarget: verdicts.append(slopeTowardsTarget())
      }
    }
    if let ratio = step.tooLowCosts { verdicts.append(asymmetry(low: ratio, high: 1)) }
    if let ratio = step.tooHighCosts { verdicts.append(asymmetry(low: 1, high: ratio)) }
    return verdicts
  }

  // MARK: Evaluating the learner's function

  private static let pName = "check_p"
  private static let yName = "check_y"

  /// f(p, y) and ∂f/∂p.
  func call(_ p: Tensor, _ y: Tensor) throws(LanguageError) -> (value: Tensor, slope: Tensor?) {
    var copy = interpreter
    copy.scope.set(Self.pName, .tensor(p))
    copy.scope.set(Self.yName, .tensor(y))
    let expression = try Parser.parseExpression("\(function)(\(Self.pName), \(Self.yName))")
    let result = try copy.evaluate(expression, gradientsFor: [Self.pName])
    guard let value = result.value.tensor else {
      throw LanguageError(
        .definedLossNotNumbers(function: function, what: result.value.shapeDescription), at: nil)
    }
    return (value, result.gradients[Self.pName])
  }

  func value(_ p: Double, _ y: Double) throws(LanguageError) -> (value: Double, slope: Double?) {
    let (value, slope) = try call(Tensor(scalar: p), Tensor(scalar: y))
    guard let number = value.scalarValue else {
      throw LanguageError(
        .definedLossNotOneNumber(call: label(p, y), count: value.count), at: nil)
    }
    return (number, slope?.scalarValue)
  }

  private func n(_ x: Double) -> String { ValueFormatter.number(x) }
  private func label(_ p: Double, _ y: Double) -> String { "\(function)(\(n(p)), \(n(y)))" }

  private func failure(_ property: String, _ error: LanguageError) -> Verdict {
    Verdict(passed: false, property: property, detail: "it fails: \(error.message)")
  }

  // MARK: The properties

  private func oneNumber() -> Verdict {
    let property = "one number for a whole list"
    guard targets.count > 1 else {
      return Verdict(passed: true, property: property, detail: "only one target to try")
    }
    do {
      let y = try Tensor(shape: [targets.count], storage: targets)
      let p = try Tensor(shape: [targets.count], storage: targets.map { $0 + 1 })
      let (value, _) = try call(p, y)
      guard let number = value.scalarValue else {
        return Verdict(
          passed: false, property: property,
          detail:
            "for \(targets.count) predictions it gives a list of \(value.count) numbers; average them with mean(…)"
        )
      }
      return Verdict(
        passed: true, property: property,
        detail: "all \(targets.count) predictions 1 too high: \(n(number))")
    } catch let error as LanguageError {
      return failure(property, error)
    } catch {
      return Verdict(passed: false, property: property, detail: "it fails: \(error)")
    }
  }

  private func zeroAtTarget() -> Verdict {
    let property = "zero at a perfect prediction"
    do {
      for y in targets {
        let v = try value(y, y).value
        if Swift.abs(v) > 1e-9 {
          return Verdict(
            passed: false, property: property,
            detail: "\(label(y, y)) = \(n(v)), not 0: a perfect prediction must cost nothing")
        }
      }
      let y = targets.first ?? 0
      return Verdict(passed: true, property: property, detail: "\(label(y, y)) = 0")
    } catch { return failure(property, error) }
  }

  private func neverNegative() -> Verdict {
    let property = "never negative"
    var worst: (p: Double, y: Double, v: Double)?
    var tried = 0
    do {
      for y in targets {
        for d in Self.sweep {
          let v = try value(y + d, y).value
          tried += 1
          if v < (worst?.v ?? 0) { worst = (y + d, y, v) }
        }
      }
    } catch { return failure(property, error) }
    if let worst, worst.v < -1e-12 {
      return Verdict(
        passed: false, property: property,
        detail:
          "your loss is \(n(worst.v)) at p = \(n(worst.p)), y = \(n(worst.y)): a loss can't reward a miss"
      )
    }
    return Verdict(passed: true, property: property, detail: "tried \(tried) predictions")
  }

  private func slopeTowardsTarget() -> Verdict {
    let property = "gradient points the right way"
    let y = targets.first ?? 0
    do {
      let below = try value(y - 1, y).slope
      let above = try value(y + 1, y).slope
      guard let below, let above else {
        return Verdict(passed: false, property: property, detail: "its slope cannot be computed")
      }
      let words =
        "at p = \(n(y - 1)) it is \(n(below))\(below < 0 ? " (raise p)" : ""), at p = \(n(y + 1)) it is \(n(above))\(above > 0 ? " (lower p)" : "")"
      if below < 0, above > 0 { return Verdict(passed: true, property: property, detail: words) }
      let wrongSide =
        below >= 0
        ? "too low at p = \(n(y - 1)), the slope is \(n(below)): a gradient step would not raise p towards y = \(n(y))"
        : "too high at p = \(n(y + 1)), the slope is \(n(above)): a gradient step would not lower p towards y = \(n(y))"
      return Verdict(passed: false, property: property, detail: wrongSide)
    } catch { return failure(property, error) }
  }

  /// Too low by d must cost `low`/`high` times too high by d.
  private func asymmetry(low lowWeight: Double, high highWeight: Double) -> Verdict {
    let ratio = lowWeight / highWeight
    let property =
      ratio == 1
      ? "symmetric" : "too low costs \(n(lowWeight))×, too high \(n(highWeight))×"
    let y = targets.first ?? 0
    do {
      var pairs: [(d: Double, low: Double, high: Double)] = []
      for d in [1.0, 2.0] {
        pairs.append((d, try value(y - d, y).value, try value(y + d, y).value))
      }
      func close(_ a: Double, _ b: Double) -> Bool {
        Swift.abs(a - b) <= 1e-6 * Swift.max(1, Swift.abs(b))
      }
      let first = pairs[0]
      let lines =
        "too low by 1: \(label(y - 1, y)) = \(n(first.low)); too high by 1: \(label(y + 1, y)) = \(n(first.high))"
      if pairs.allSatisfy({ close($0.low, ratio * $0.high) }), first.high > 0 {
        return Verdict(passed: true, property: property, detail: lines)
      }
      if ratio != 1, pairs.allSatisfy({ close($0.high, ratio * $0.low) }), first.low > 0 {
        return Verdict(
          passed: false, property: "asymmetric the wrong way round",
          detail: lines + ": you punish \(ratio > 1 ? "over" : "under")-prediction more")
      }
      return Verdict(
        passed: false, property: property,
        detail:
          lines
          + ": expected too \(ratio >= 1 ? "low" : "high") to cost \(n(Swift.max(ratio, 1 / ratio))) times as much"
      )
    } catch { return failure(property, error) }
  }

  /// True when `other` (a defined function of the same name in another interpreter) gives the
  /// same values as the learner's on every close sample: a known wrong loss.
  func sameValues(as other: PropertyChecker) -> Bool {
    for y in targets {
      for d in [0] + Self.offsets + Self.offsets.map({ -$0 }) {
        guard let a = try? value(y + d, y).value, let b = try? other.value(y + d, y).value else {
          return false
        }
        if Swift.abs(a - b) > 1e-9 * Swift.max(1, Swift.abs(b)) { return false }
      }
    }
    return !targets.isEmpty
  }
}
