/// The welcome screen's content.
public struct Welcome: Equatable, Sendable {
  /// What to type and what it does, shown as a small menu.
  public struct Suggestion: Equatable, Sendable {
    public let input: String
    public let effect: String
    public init(_ input: String, _ effect: String) {
      self.input = input
      self.effect = effect
    }
  }

  public let title: String
  public let paragraph: String
  /// "Where you left off", from the configuration; nil on a first run.
  public let resume: String?
  public let suggestions: [Suggestion]
}

extension ShellSession {
  /// The welcome screen for this session: what to type first, and where the learner left off.
  var welcome: Welcome {
    var suggestions: [Welcome.Suggestion] = []
    if commands.command(named: "lessons") != nil {
      suggestions.append(.init("lessons", "see the course"))
    }
    if commands.command(named: "start") != nil {
      if configuration.resume != nil {
        suggestions.append(.init("start", "continue the course"))
      } else {
        suggestions.append(.init("start 1", "begin the first lesson"))
      }
    }
    if suggestions.isEmpty {
      suggestions.append(.init("mse([2.5, 5], [3, 5])", "compute a loss and see its gradient"))
    }
    suggestions.append(.init("help", "everything you can type"))
    suggestions.append(.init("quit", "leave (Ctrl-D works too)"))
    return Welcome(
      title: "LossLab — learn loss functions by doing them.",
      paragraph:
        "A loss function measures how wrong a prediction is. Here you'll throw darts, play hot-and-cold, "
        + "drive by GPS and train tiny models, and the engine will show you every loss and every gradient.",
      resume: configuration.resume, suggestions: suggestions)
  }
}
