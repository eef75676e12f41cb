extension Datasets {
  /// Reads an embedded table of the real datasets: one row per line, `features` numbers and then
  /// the label, comma-separated. A line that does not give exactly that many numbers is a
  /// broken table (a test reads every built-in one), not a line to skip.
  static func table(_ text: String, features: Int, label: String) throws(EngineError)
    -> [Column]
  {
    var matrix: [Double] = []
    var labels: [Double] = []
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: ",").compactMap { Double($0) }
      guard fields.count == features + 1 else { throw .raggedMatrix }
      matrix += fields[0..<features]
      labels.append(fields[features])
    }
    return [
      Column(name: "X", values: try Tensor(shape: [labels.count, features], storage: matrix)),
      Column(name: label, values: try Tensor(vector: labels)),
    ]
  }
}
