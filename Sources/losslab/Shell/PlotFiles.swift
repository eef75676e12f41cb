import Foundation
import LossShell
import LossTerminal

/// Writes the files `save` asks for: every write checked, the failure said in words.
enum PlotFiles {
  /// The events with each `save` request carried out by `write` (a replay passes one that
  /// writes nothing, and an `exists` that finds nothing, so it says what was said when recorded).
  static func perform(
    _ events: [ShellEvent], exists: @escaping (String) -> Bool = { access($0, F_OK) == 0 },
    write: PlotSaver.Writer = OutputFile.write
  ) -> [ShellEvent] {
    events.map { event in
      guard case .savePlot(let request) = event else { return event }
      return PlotSaver.perform(request, exists: exists, write: write)
    }
  }
}
