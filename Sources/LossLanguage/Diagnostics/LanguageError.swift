import LossEngine

/// Something wrong with what was typed: what went wrong (a ``Problem`` with its facts), the
/// columns it refers to (nil when it concerns the whole line), and where it happened (the
/// functions and lesson setup line it was raised within, innermost first).
///
/// Code decides by matching ``problem``; ``message`` is only for people. New kinds of error are
/// new ``Problem`` cases, worded in `LanguageError+Message.swift`.
public struct LanguageError: Error, Equatable, Sendable {
  public var problem: Problem
  public var range: SourceRange?
  /// Innermost first: `[.inFunction("f"), .inFunction("g")]` reads "in g(…): in f(…): …".
  public var context: [Context]

  public init(_ problem: Problem, at range: SourceRange?, context: [Context] = []) {
    self.problem = problem
    self.range = range
    self.context = context
  }

  /// Where an error happened, outside the expression it points at.
  public enum Context: Equatable, Sendable {
    /// Inside the body of the learner's function `name`.
    case inFunction(String)
    /// While running one line of a lesson's `setup`.
    case lessonSetup(line: String)
    /// While `train` evaluated the loss at `step` of `steps`.
    case trainingStep(Int, of: Int)
  }

  /// The same error seen from outside `context`, pointing at `range` (the call, or nil for a
  /// whole line). A function entered twice in a row is named once.
  public func within(_ frame: Context, at range: SourceRange?) -> LanguageError {
    var copy = self
    copy.range = range
    if copy.context.last != frame { copy.context.append(frame) }
    return copy
  }

  /// True when Ctrl-C stopped the computation.
  public var isInterruption: Bool { problem == .engine(.interrupted) }
}
