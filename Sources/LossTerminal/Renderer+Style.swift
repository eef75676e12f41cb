extension Renderer.Style {
  /// The style for an output stream, decided the way NO_COLOR and swift-format's `ColorMode`
  /// recommend: plain when asked for (`--plain`), when `NO_COLOR` is set to anything non-empty,
  /// when `TERM` is `dumb` or unset, or when the output is not a terminal.
  ///
  /// - Parameters:
  ///   - environment: The process environment (`ProcessInfo.processInfo.environment`).
  ///   - isTerminal: Whether the output stream is a terminal (`isatty`).
  ///   - plainRequested: The `--plain` flag.
  public static func detect(
    environment: [String: String], isTerminal: Bool, plainRequested: Bool = false
  ) -> Self {
    if plainRequested || !isTerminal { return .plain }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
    guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return .plain }
    return .color
  }
}
