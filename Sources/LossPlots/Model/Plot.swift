/// A picture the learner asked for, as data: what to draw, not how. The terminal renders it
/// (braille, blocks or ASCII), the SVG writer renders the same value, and ``PlotDescription``
/// says it in words.
public struct Plot: Equatable, Sendable {
  public enum Content: Equatable, Sendable {
    /// Function plots and loss curves: lines over x, one per series.
    case lines(LinePlot)
    /// A loss over two weights.
    case landscape(Landscape)
    /// Points, optionally with a fitted curve or a decision boundary.
    case scatter(ScatterPlot)
  }

  /// What the picture shows, e.g. `mse(e, 0) for e from -3 to 3`.
  public var title: String
  public var content: Content
  /// A fixed size asked for with `width=`/`height=` (columns and rows of the drawing area);
  /// nil to fit the terminal.
  public var size: PlotSize?

  public init(title: String, content: Content, size: PlotSize? = nil) {
    self.title = title
    self.content = content
    self.size = size
  }
}

/// Columns and rows of a plot's drawing area (axes and labels come on top).
public struct PlotSize: Equatable, Sendable {
  public var columns: Int?
  public var rows: Int?

  public init(columns: Int?, rows: Int?) {
    self.columns = columns
    self.rows = rows
  }

  public static let columnRange = 20...300
  public static let rowRange = 5...80
}

/// One named line: y over x, `nan` where it has a gap (the expression was undefined or
/// infinite there).
public struct Series: Equatable, Sendable {
  public var name: String
  public var xs: [Double]
  public var ys: [Double]

  public init(name: String, xs: [Double], ys: [Double]) {
    self.name = name
    self.xs = xs
    self.ys = ys
  }

  /// The finite points, in order.
  public var finitePoints: [Point] {
    zip(xs, ys).compactMap { x, y in x.isFinite && y.isFinite ? Point(x: x, y: y) : nil }
  }
}

public struct Point: Equatable, Sendable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// A labelled point on a plot (the validation minimum, where early stopping would stop).
public struct Marker: Equatable, Sendable {
  public var label: String
  public var point: Point
  /// The loss there, when the marker is on a landscape.
  public var value: Double?

  public init(label: String, point: Point, value: Double? = nil) {
    self.label = label
    self.point = point
    self.value = value
  }
}

/// Lines over one variable: `plot(…)` (kind `.function`) or `curve(…)` (kind `.curve`, x is
/// the step number).
public struct LinePlot: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case function, curve }

  public var kind: Kind
  public var xName: String
  public var yName: String
  public var series: [Series]
  public var markers: [Marker]
  /// True when the y axis is logarithmic (see ``AxisScale/choose(for:kind:)``).
  public var logarithmic: Bool

  public init(
    kind: Kind, xName: String, yName: String, series: [Series], markers: [Marker] = [],
    logarithmic: Bool
  ) {
    self.kind = kind
    self.xName = xName
    self.yName = yName
    self.series = series
    self.markers = markers
    self.logarithmic = logarithmic
  }
}

/// A loss sampled over a grid of two weights, with its refined minimum, the current point
/// and a descent path.
public struct Landscape: Equatable, Sendable {
  public var loss: String
  public var xName: String
  public var yName: String
  /// The grid's columns (the first weight), ascending.
  public var xs: [Double]
  /// The grid's rows (the second weight), ascending.
  public var ys: [Double]
  /// Row-major, `values[row * xs.count + column]`, row 0 at `ys[0]`; `nan` where undefined.
  public var values: [Double]
  /// The lowest point found by refining from the best grid cell (not the cell itself).
  public var minimum: Marker?
  /// Where the two weights are now, when both are numbers in the scope.
  public var current: Marker?
  /// The points a descent visited, in order (x, y = the two weights).
  public var path: [Point]
  /// The updates the path stands for, when that is not one per point (a long `train` keeps
  /// every k-th point).
  public var pathSteps: Int?

  public init(
    loss: String, xName: String, yName: String, xs: [Double], ys: [Double], values: [Double],
    minimum: Marker?, current: Marker?, path: [Point], pathSteps: Int? = nil
  ) {
    self.loss = loss
    self.xName = xName
    self.yName = yName
    self.xs = xs
    self.ys = ys
    self.values = values
    self.minimum = minimum
    self.current = current
    self.path = path
    self.pathSteps = pathSteps
  }

  /// How many updates the descent path took.
  public var descentSteps: Int { pathSteps ?? max(0, path.count - 1) }

  public func value(row: Int, column: Int) -> Double {
    guard (0..<ys.count).contains(row), (0..<xs.count).contains(column) else { return .nan }
    let index = row * xs.count + column
    return index < values.count ? values[index] : .nan
  }

  /// The smallest and largest finite values, or nil when there are none.
  public var finiteRange: ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for v in values where v.isFinite {
      low = min(low, v)
      high = max(high, v)
    }
    return low <= high ? low...high : nil
  }
}

/// Points, one group per class (or one group for a regression), with an optional fitted
/// curve and, for two classes, the x where the fit crosses 0.5 (the decision boundary).
public struct ScatterPlot: Equatable, Sendable {
  public var xName: String
  public var yName: String
  public var groups: [Series]
  public var fit: Series?
  public var boundary: Double?

  public init(xName: String, yName: String, groups: [Series], fit: Series?, boundary: Double?) {
    self.xName = xName
    self.yName = yName
    self.groups = groups
    self.fit = fit
    self.boundary = boundary
  }
}
