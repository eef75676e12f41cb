import LossShell
import LossTerminal

/// Writes the files `save` asks for: every write checked, the failure said in words.
enum PlotFiles {
  /// The events with each `save` request carried out by `write` (a replay passes one that
  /// writes nothing).
  static func perform(_ events: [ShellEvent], write: PlotSaver.Writer = OutputFile.write)
    -> [ShellEvent]
  {
    events.map { event in
      guard case .savePlot(let request) = event else { return event }
      return PlotSaver.perform(request, exists: { access($0, F_OK) == 0 }, write: write)
    }
  }
}
