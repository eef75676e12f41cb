import LossLanguage
import LossPlots

/// The last plot drawn, for `describe` and `save`.
enum LastPlotKey: ShellStateKey {
  static let defaultValue: Plot? = nil
}

extension CommandRegistry {
  /// `plot`, `curve`, `landscape`, `scatter`, `describe`, `save`.
  static let plotCommands: [ShellCommand] = [
    ShellCommand(
      name: "plot", arguments: "(EXPR, VAR, FROM, TO)",
      summary: "draw an expression over a variable; several as a list",
      details: [
        "plot(mse(e, 0), e, -3, 3) draws the squared error of a miss e. Several expressions go in a list and get a legend: plot([mse(e, 0), mae(e, 0), huber(e, 0)], e, -3, 3). Gradients plot too: plot(grad(bce(p, 1), p), p, 0.01, 0.99).",
        "Points where the expression is undefined or infinite are left as gaps (and said in words). width=N and height=N fix the size. describe says the plot in words; save FILE.svg saves it.",
      ],
      example: "plot([mse(e, 0), mae(e, 0)], e, -3, 3)", group: "plots", completion: .expression,
      run: ShellSession.plotCommand),
    ShellCommand(
      name: "curve", arguments: "(LOSSES)",
      summary: "a loss curve: losses over steps (2 rows: training and validation)",
      details: [
        "curve([2.3, 1.1, 0.6, 0.41]) draws a loss over steps. With 2 rows (training first, then validation, as train(..., val=…) returns them) both are drawn and the lowest validation loss is marked: where early stopping would stop.",
        "The y axis turns logarithmic when the losses span more than two decades (it says so).",
      ],
      example: "curve([[3, 2, 1, 0.5], [3, 2.5, 2, 2.2]])", group: "plots", completion: .expression,
      run: ShellSession.plotCommand),
    ShellCommand(
      name: "landscape", arguments: "(LOSS, W1, FROM, TO, W2, FROM, TO)",
      summary: "a heatmap of a loss over two weights, with its minimum (★) and where you are",
      details: [
        "landscape(mse(w * x + b, y), w, -1, 3, b, -2, 2) colours the loss over a grid of w and b. The ★ is the lowest point, found by refining from the best cell; ● is where w and b are now. path=P (a matrix with one row (w, b) per step) draws a descent path.",
        "watch landscape(…) redraws it after each assignment of w or b.",
      ],
      example:
        "x = [1, 2, 3]\ny = [2, 4, 6]\nw = 0\nb = 0\nlandscape(mse(w * x + b, y), w, -1, 4, b, -2, 2)",
      group: "plots", completion: .expression, run: ShellSession.plotCommand),
    ShellCommand(
      name: "scatter", arguments: "(X, Y)",
      summary: "points; fit=EXPR draws a fitted curve; 0/1 labels show two classes",
      details: [
        "scatter(x, y) draws the points. scatter(x, y, fit=w*x + b) adds the fitted line (EXPR is computed along x). When y holds only 0 and 1, the two classes get two marks, and a fit such as sigmoid(w*x + b) shows the decision boundary where it crosses 0.5."
      ],
      example: "x = [1, 2, 3, 4]\ny = [2.1, 3.9, 6.2, 7.8]\nscatter(x, y, fit=2*x)", group: "plots",
      completion: .expression, run: ShellSession.plotCommand),
    ShellCommand(
      name: "describe", summary: "the last plot in words (for screen readers and pipes)",
      example: "plot(mse(e, 0), e, -3, 3)\ndescribe", group: "plots",
      run: ShellSession.describeCommand),
    ShellCommand(
      name: "save", arguments: "FILE.svg | FILE.txt | FILE.md",
      summary: "save the last plot as SVG (for slides) or as text, or the course notes as Markdown",
      example: "plot(mse(e, 0), e, -3, 3)\nsave parabola.svg", group: "plots",
      run: ShellSession.saveCommand),
  ]
}

extension ShellSession {
  /// The last plot drawn this session.
  public var lastPlot: Plot? { self[state: LastPlotKey.self] }

  /// What a plot is drawn with: inside a lesson, the lesson's variables and training (less what
  /// the current guess is judged by, as `vars` hides it); else the shell's.
  private var plotInterpreter: Interpreter {
    guard let run = self[state: ActiveLesson.self].run else { return interpreter }
    var lesson = run.interpreter
    for name in run.hiddenNames { lesson.scope.remove(name) }
    return lesson
  }

  /// Builds the plot a call asks for; an error event with a caret when it cannot.
  func buildPlot(_ text: String, source: String, offset: Int) -> Result<Plot, Diagnostic> {
    let shift = { (range: SourceRange?) -> SourceRange? in
      range.map { SourceRange($0.start + offset, $0.end + offset) }
    }
    let expression: Expression
    do { expression = try Parser.parseExpression(text) } catch {
      return .failure(
        Diagnostic(message: error.message, source: source, range: shift(error.range)))
    }
    do {
      return .success(try PlotBuilder(interpreter: plotInterpreter).build(expression, source: text))
    } catch {
      if case .interrupted = error.kind {
        return .failure(Diagnostic(message: error.message))
      }
      return .failure(
        Diagnostic(message: error.message, source: source, range: shift(error.range)))
    }
  }

  /// `plot(…)`, `curve(…)`, `landscape(…)`, `scatter(…)`.
  static func plotCommand(_ session: inout ShellSession, _ input: CommandInvocation)
    -> [ShellEvent]
  {
    let text = "\(input.name)(\(input.argument))"
    let offset = input.argumentColumn - input.name.unicodeScalars.count - 1
    switch session.buildPlot(text, source: input.source, offset: offset) {
    case .success(let plot):
      session[state: LastPlotKey.self] = plot
      return [.plot(plot)]
    case .failure(let report):
      if session.configuration.isInterrupted() {
        return [.interrupted("interrupted: the plot was not finished")]
      }
      return [.error(report)]
    }
  }

  static func describeCommand(_ session: inout ShellSession, _ input: CommandInvocation)
    -> [ShellEvent]
  {
    guard let plot = session.lastPlot else {
      return [.notice("there is no plot yet; try plot(mse(e, 0), e, -3, 3) and then describe")]
    }
    return [.plotText(PlotDescription.sentences(plot))]
  }

  static func saveCommand(_ session: inout ShellSession, _ input: CommandInvocation)
    -> [ShellEvent]
  {
    let path = input.argument
    if let problem = input.fileNameProblem(example: "save notes.md") { return [problem] }
    let origin = Diagnostic(message: "", source: input.source, range: input.sourceRange(nil))
    let lower = path.lowercased()
    let format: SaveRequest.Format
    if lower.hasSuffix(".svg") {
      format = .svg
    } else if lower.hasSuffix(".txt") {
      format = .text
    } else if lower.hasSuffix(".md") {
      return [.savePlot(SaveRequest(plot: nil, path: path, format: .notes, origin: origin))]
    } else {
      return [
        .error(
          Diagnostic(
            message:
              "save takes a file name ending in .svg (a picture), .txt (text) or .md (the course notes), like save plot.svg",
            source: input.source, range: input.sourceRange(nil)))
      ]
    }
    guard let plot = session.lastPlot else {
      return [
        .error(
          Diagnostic(
            message:
              "there is no plot to save yet; draw one first, like plot(mse(e, 0), e, -3, 3)",
            source: input.source, range: input.sourceRange(nil)))
      ]
    }
    return [.savePlot(SaveRequest(plot: plot, path: path, format: format, origin: origin))]
  }
}

/// So a plot that cannot be drawn can travel in a `Result`.
extension Diagnostic: Error {}
