import LossEngine
import TestSupport
import Testing

/// Inputs a loss refuses, with the message a learner reads.
@Suite("Loss input errors")
struct LossErrorTests {
  /// The EngineError a throwing call produced, or nil (recording an issue) when it did not.
  func engineError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
  ) -> EngineError? {
    do {
      try body()
    } catch let error as EngineError {
      return error
    } catch {
      Issue.record("expected an EngineError, got \(error)", sourceLocation: sourceLocation)
      return nil
    }
    Issue.record("expected an error, but the call succeeded", sourceLocation: sourceLocation)
    return nil
  }

  @Test func shapeMismatchSaysBothShapes() throws {
    let error = engineError {
      _ = try lossValue(
        MeanSquaredError(), Tensor(testVector: [1, 2, 3]), Tensor(testVector: [1, 2]))
    }
    #expect(error == .lossShapeMismatch(loss: "mse", prediction: [3], target: [2]))
    #expect(error?.message == "mse expects p and y of the same shape, got [3] and [2]")
  }

  /// (N, 1) against (N,) is an error, not PyTorch's silent N×N broadcast.
  @Test func columnAgainstVectorIsAMismatch() throws {
    let error = engineError {
      _ = try lossValue(
        MeanSquaredError(), Tensor(testMatrix: [[1], [2], [3]]), Tensor(testVector: [1, 2, 3]))
    }
    #expect(error?.message == "mse expects p and y of the same shape, got [3, 1] and [3]")
  }

  /// The categorical losses refuse broadcasting: a target is a row of labels per row, or one
  /// class index per row (a scalar for a vector).
  @Test(arguments: [CategoricalCrossEntropy() as any Loss, CategoricalCrossEntropyWithLogits()])
  func categoricalLossesNeedEqualShapes(_ loss: any Loss) throws {
    let error = engineError {
      _ = try lossValue(loss, Tensor(testVector: [0.2, 0.8]), Tensor(testVector: [1, 0, 0]))
    }
    #expect(error == .lossShapeMismatch(loss: loss.name, prediction: [2], target: [3]))
    let rows = engineError {
      _ = try lossValue(loss, Tensor(testMatrix: [[0.2, 0.8]]), Tensor(testVector: [1, 2]))
    }
    #expect(rows == .lossShapeMismatch(loss: loss.name, prediction: [1, 2], target: [2]))
  }

  @Test(arguments: LossCatalog.all.map(\.name))
  func emptyInputIsRefused(name: String) throws {
    let loss = try #require(LossCatalog.descriptor(named: name)).make([])
    let empty = Tensor(testVector: [])
    let error = engineError { _ = try lossValue(loss, empty, empty) }
    #expect(error == .emptyInput(operation: name))
    #expect(error?.message == "\(name) needs at least one element, got an empty value")
  }

  @Test func bceNamesTheLabelOutsideZeroOne() throws {
    let error = engineError {
      _ = try lossValue(
        BinaryCrossEntropy(), Tensor(testVector: [0.5, 0.5, 0.5]), Tensor(testVector: [1, 0, 1.5]))
    }
    #expect(error?.message == "bce: y must be a label in [0, 1], but element 3 is 1.5")
  }

  @Test func bceSuggestsLogitsForPredictionsOutsideZeroOne() throws {
    let error = engineError {
      _ = try lossValue(
        BinaryCrossEntropy(), Tensor(testVector: [0.5, 2.5]), Tensor(testVector: [1, 0]))
    }
    #expect(
      error?.message
        == "bce: p must be a probability in [0, 1], but element 2 is 2.5; for raw scores (logits) use bce_logits"
    )
  }

  @Test func bceRefusesNaN() throws {
    let error = engineError {
      _ = try lossValue(BinaryCrossEntropy(), Tensor(scalar: .nan), Tensor(scalar: 1))
    }
    #expect(
      error?.message.hasPrefix("bce: p must be a probability in [0, 1], but it is nan") == true)
  }

  @Test func bceTargetGradientChecksTooWhenCalledAlone() throws {
    let error = engineError {
      _ = try BinaryCrossEntropy().targetGradient(
        prediction: Tensor(scalar: 0.5), target: Tensor(scalar: -1))
    }
    #expect(error?.message == "bce: y must be a label in [0, 1], but it is -1")
  }

  @Test func bceLogitsRefusesLabelsOutsideZeroOne() throws {
    let error = engineError {
      _ = try lossValue(
        BinaryCrossEntropyWithLogits(), Tensor(testVector: [3, -3]), Tensor(testVector: [1, 2]))
    }
    #expect(error?.message == "bce_logits: y must be a label in [0, 1], but element 2 is 2")
  }

  @Test func hingeNamesTheBadLabel() throws {
    let error = engineError {
      _ = try lossValue(
        HingeLoss(), Tensor(testVector: [0.5, -1, 2]), Tensor(testVector: [1, 0, 2]))
    }
    #expect(
      error?.message == "hinge: y must be a label of -1 or 1 (0 is read as -1), but element 3 is 2")
  }

  @Test func focalRefusesSoftLabels() throws {
    let error = engineError {
      _ = try lossValue(FocalLoss(), Tensor(testVector: [0.5, 0.5]), Tensor(testVector: [0.3, 1]))
    }
    #expect(error?.message == "focal: y must be a label of 0 or 1, but element 1 is 0.3")
  }

  @Test func focalRefusesPredictionsOutsideZeroOne() throws {
    let error = engineError {
      _ = try lossValue(FocalLoss(), Tensor(testVector: [0.5, -0.2]), Tensor(testVector: [0, 1]))
    }
    #expect(error?.message == "focal: p must be a probability in [0, 1], but element 2 is -0.2")
  }

  @Test func categoricalLabelsNameRowAndColumn() throws {
    for loss in [CategoricalCrossEntropy() as any Loss, CategoricalCrossEntropyWithLogits()] {
      let error = engineError {
        _ = try lossValue(
          loss, Tensor(testMatrix: [[0.5, 0.5], [0.5, 0.5]]),
          Tensor(testMatrix: [[1, 0], [0, 3]]))
      }
      #expect(
        error?.message
          == "\(loss.name): Y must be a label in [0, 1] (one-hot or soft), but the element in row 2, column 2 is 3"
      )
    }
  }

  @Test(arguments: [0, -1, Double.nan])
  func huberRefusesANonPositiveDelta(delta: Double) throws {
    let error = engineError { _ = try HuberLoss(delta: delta) }
    guard case .invalidArgument(let operation, let message) = error else {
      Issue.record("expected invalidArgument, got \(String(describing: error))")
      return
    }
    #expect(operation == "huber")
    #expect(message.hasPrefix("delta must be a positive number"))
  }

  /// Through the catalogue, as the language builds it from `huber(p, y, delta=-1)`.
  @Test func huberRefusesANonPositiveDeltaFromTheCatalog() throws {
    let huber = try #require(LossCatalog.descriptor(named: "huber"))
    let error = engineError { _ = try huber.make([-1]) }
    #expect(
      error?.message
        == "huber: delta must be a positive number (where squared error turns linear), got -1")
  }

  @Test func focalRefusesBadOptions() throws {
    #expect(
      engineError { _ = try FocalLoss(gamma: -1) }?.message.contains("gamma must be a number ≥ 0")
        == true)
    #expect(
      engineError { _ = try FocalLoss(alpha: 1.5) }?.message.contains(
        "alpha must be a weight in [0, 1], got 1.5") == true)
  }

  /// The element limit keeps `linspace(0, 1, 1e9)` from exhausting memory.
  @Test func tensorsBeyondTheElementLimitAreRefused() throws {
    let limit = Tensor.maxElementCount
    #expect(throws: EngineError.tooLarge([limit + 1])) {
      _ = try Tensor(repeating: 0, shape: [limit + 1])
    }
    #expect(throws: EngineError.tooLarge([4000, 4000])) {
      _ = try Tensor(repeating: 0, shape: [4000, 4000])
    }
    #expect(throws: EngineError.tooLarge([Int.max, 2])) {
      _ = try Tensor(repeating: 0, shape: [Int.max, 2])
    }
    #expect(throws: Never.self) { _ = try Tensor(repeating: 0, shape: [limit]) }
    #expect(
      EngineError.tooLarge([limit + 1]).message
        == "shape [10000001] is too large: at most 10,000,000 elements fit in one value")
  }
}
