/// One step of a lesson: what every step has, plus what its kind adds.
///
/// Adding a kind (the roadmap plans `train` and `define`) is one case in `Content`, one struct
/// beside the others in `Format/Steps/`, and one decoder in `Loading/StepDecoders.swift`.
public struct LessonStep: Sendable, Hashable {
  public enum Content: Sendable, Hashable {
    case say(SayStep)
    case predict(PredictStep)
    case compute(ComputeStep)
    case choose(ChooseStep)
    case tweak(TweakStep)
    case explore(ExploreStep)
    case plot(PlotStep)
    case define(DefineStep)

    /// The `kind:` word that selects this case in a file.
    public var kindName: String {
      switch self {
      case .say: "say"
      case .predict: "predict"
      case .compute: "compute"
      case .choose: "choose"
      case .tweak: "tweak"
      case .explore: "explore"
      case .plot: "plot"
      case .define: "define"
      }
    }
  }

  /// A short title for the step header, if the teacher gave one.
  public var title: String?
  /// Progressive hints, shown one per `hint`; the runner reveals the answer after the last.
  public var hints: [LessonTemplate]
  public var content: Content
  /// Where the step's mapping starts in the file.
  public var position: SourcePosition

  public init(
    title: String?, hints: [LessonTemplate], content: Content, position: SourcePosition
  ) {
    self.title = title
    self.hints = hints
    self.content = content
    self.position = position
  }
}
