extension Plot {
  /// A loss curve: the training losses over steps and, when given, the validation losses with
  /// their lowest point marked (where early stopping would stop). `curve(L)` and the live curve
  /// of a running `train` both draw this one picture.
  ///
  /// - Parameters:
  ///   - stride: the steps between two losses (a long live run keeps every n-th).
  ///   - throughStep: the x axis runs to this step even before the losses reach it, so a live
  ///     curve grows into a fixed frame instead of rescaling.
  public static func lossCurve(
    title: String, training: [Double], validation: [Double]? = nil, stride: Int = 1,
    throughStep: Int? = nil, size: PlotSize? = nil
  ) -> Plot {
    let step = Double(max(1, stride))
    var steps = training.indices.map { Double($0) * step }
    var losses = training
    if let last = throughStep, Double(last) > steps.last ?? -1 {
      // A point with no value: it sets the axis and draws nothing (a gap).
      steps.append(Double(last))
      losses.append(.nan)
    }
    var series = [Series(name: validation == nil ? "loss" : "training", xs: steps, ys: losses)]
    var markers: [Marker] = []
    if let validation {
      let count = min(validation.count, steps.count)
      series.append(
        Series(
          name: "validation", xs: Array(steps.prefix(count)), ys: Array(validation.prefix(count))))
      if let best = validation.indices.filter({ validation[$0].isFinite }).min(by: {
        validation[$0] < validation[$1]
      }) {
        markers.append(
          Marker(
            label: "validation lowest", point: Point(x: Double(best) * step, y: validation[best])))
      }
    }
    let line = LinePlot(
      kind: .curve, xName: "step", yName: "loss", series: series, markers: markers,
      logarithmic: AxisScale.choose(for: training + (validation ?? []), kind: .curve))
    return Plot(title: title, content: .lines(line), size: size)
  }
}
