/// The colour scale of a landscape: levels from low (dark) to high (light), viridis-like
/// (perceptually uniform), and the ASCII shade ramp used without colour.
public enum HeatScale {
  /// Ten viridis colours, low to high.
  public static let viridis = [
    "#440154", "#482878", "#3e4a89", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58",
    "#b5de2b", "#fde725",
  ]
  /// The nearest xterm-256 colours of ``viridis``.
  public static let terminalColours = [53, 54, 61, 24, 30, 36, 35, 77, 149, 220]
  /// Shades for plain text, low to high (no `*`, `o` or `O`: those mark points; a blank is a
  /// point where the loss is undefined).
  public static let ramp: [Character] = [".", ",", ":", "-", "=", "+", "x", "#", "%", "@"]

  /// The level (0..<levels) of `value` in `range`.
  public static func level(_ value: Double, in range: ClosedRange<Double>, levels: Int) -> Int {
    let span = range.upperBound / 2 - range.lowerBound / 2
    guard span > 0, levels > 1 else { return 0 }
    let fraction = (value / 2 - range.lowerBound / 2) / span
    guard fraction.isFinite else { return 0 }
    return min(levels - 1, max(0, Int(fraction * Double(levels))))
  }
}
