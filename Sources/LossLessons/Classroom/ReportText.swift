extension String {
  /// Text from a learner's file made safe to print: control characters (escape sequences,
  /// carriage returns, line breaks) shown as `?`, so a name cannot retitle or clear the terminal.
  var sanitizedForReport: String {
    String(
      String.UnicodeScalarView(
        unicodeScalars.map { scalar in
          scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format ? "?" : scalar
        }))
  }
}
