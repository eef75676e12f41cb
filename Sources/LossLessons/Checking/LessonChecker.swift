import LossEngine
import LossLanguage
import LossPlots

/// `losslab lesson check`: proves a lesson works before a learner meets it.
///
/// 1. Every expression parses (setup, losses, conditions, answers, `{{ … }}` holes, hints).
/// 2. The lesson is played through with its own answers, for several learners (so seeded data
///    varies): every `compute` answer passes and every known-wrong answer fails with its own
///    feedback, every `predict` and `tweak` goal is reached by the step's answer, every wrong
///    option of a `choose` is refused and a correct one accepted, and every text renders.
public enum LessonChecker {
  /// Learners whose seeds the play-through uses.
  public static let learners = ["lesson-check-1", "lesson-check-2", "lesson-check-3"]

  /// What is wrong with a plot step's picture when drawn (the terminal draws it at two widths),
  /// or nil; the lessons module cannot draw, so the caller passes the check.
  public typealias PlotCheck = @Sendable (Plot) -> String?

  public static func check(_ lesson: Lesson, drawing: PlotCheck? = nil) -> [LessonDiagnostic] {
    var diagnostics = ExpressionCheck.diagnostics(for: lesson)
    guard diagnostics.isEmpty else { return diagnostics }
    for learner in learners {
      let found = PlayThrough(lesson: lesson, learner: learner, drawing: drawing).run()
      diagnostics += found
      if !found.isEmpty { break }
    }
    return diagnostics
  }
}

/// Parses every expression and template hole of a lesson.
enum ExpressionCheck {
  static func diagnostics(for lesson: Lesson) -> [LessonDiagnostic] {
    var found: [LessonDiagnostic] = []
    func expression(_ e: LessonExpression, statement: Bool = false) {
      do {
        if statement {
          _ = try Parser.parse(e.source)
        } else {
          _ = try Parser.parseExpression(e.source)
        }
      } catch {
        found.append(diagnostic(error, at: e.position, source: e.source))
      }
    }
    func template(_ t: LessonTemplate) {
      for hole in t.expressions {
        for source in TemplateHole(hole.source).expressionSources {
          do { _ = try Parser.parseExpression(source) } catch {
            found.append(diagnostic(error, at: hole.position, source: source))
          }
        }
      }
    }
    lesson.setup.forEach { expression($0, statement: true) }
    for step in lesson.steps {
      step.hints.forEach(template)
      switch step.content {
      case .say(let say): template(say.text)
      case .explore(let explore): template(explore.text)
      case .plot(let plot):
        template(plot.text)
        expression(plot.call)
      case .predict(let predict):
        template(predict.text)
        [predict.loss, predict.answer].forEach { expression($0) }
        predict.goal.map { expression($0) }
        for entry in predict.feedback {
          expression(entry.when)
          template(entry.say)
        }
      case .compute(let compute):
        template(compute.text)
        expression(compute.answer)
        for wrong in compute.wrong {
          expression(wrong.answer)
          template(wrong.say)
        }
      case .choose(let choose):
        template(choose.question)
        for option in choose.options {
          template(option.text)
          option.feedback.map(template)
        }
      case .tweak(let tweak):
        template(tweak.text)
        for entry in tweak.feedback {
          expression(entry.when)
          template(entry.say)
        }
        (tweak.setup + tweak.answer).forEach { expression($0, statement: true) }
        [tweak.watch, tweak.goal].forEach { expression($0) }
      case .define(let define):
        template(define.text)
        expression(define.targets)
        ([define.answer] + define.wrong.map(\.definition)).forEach {
          expression($0, statement: true)
        }
        define.wrong.forEach { template($0.say) }
      }
    }
    return found
  }

  /// Columns an expression's excerpt may take (a `lesson check` report has no known width).
  static let excerptWidth = 100

  static func diagnostic(_ error: LanguageError, at position: SourcePosition, source: String)
    -> LessonDiagnostic
  {
    var place = position
    if let range = error.range, !source.contains("\n") { place.column += range.start }
    return LessonDiagnostic(
      "\(error.message) in `\(source)`", at: place,
      excerpt: Diagnostic(error, source: source).excerpt(room: excerptWidth))
  }
}

extension TemplateHole {
  /// The language expressions inside a hole (the condition of a choice, or the value).
  var expressionSources: [String] {
    switch self {
    case .value(let source, _): return [source]
    case .choice(let condition, _, _): return [condition]
    }
  }
}
