import LossEngine
import LossLanguage

/// Class-index targets (PyTorch's CrossEntropyLoss form): `cce(p, 2)` is one example whose
/// true class is 2, `cce_logits(Z, [1, 3, 2])` three examples. The report shows one row per
/// example with its class and the probability the prediction gives it, not the index beside
/// every element.
extension LossReportBuilder {
  /// The one-hot rows the loss reads a class-index target as, or nil when the target is not
  /// class indices (one-hot already, or another loss).
  static func classRows(of call: LossCall, loss: (any Loss)?) -> Tensor? {
    guard let loss, let target = call.target,
      loss.takesClassIndices(prediction: call.prediction, target: target),
      let rows = try? loss.preparedTarget(prediction: call.prediction, target: target),
      rows.shape == call.prediction.shape
    else { return nil }
    return rows
  }

  /// The class `label` of one example and its probability: the prediction itself for `cce`,
  /// softmax of the logits for `cce_logits` (e^−term, as its term is −log of it).
  func trueClass(_ label: Int, row: [Double], term: Double?) -> BreakdownRow.TrueClass? {
    guard label >= 1, label <= row.count else { return nil }
    if call.function == "cce_logits" {
      guard let term else { return nil }
      return BreakdownRow.TrueClass(index: label, probability: CMath.exp(-term))
    }
    return BreakdownRow.TrueClass(index: label, probability: row[label - 1])
  }
}
