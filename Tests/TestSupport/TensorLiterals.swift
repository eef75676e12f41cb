import LossEngine

/// Non-throwing tensor construction for test literals.
///
/// Test inputs are small and well formed, so a failure here is a bug in the test itself; it
/// stops the test with a message rather than forcing `try` onto every literal.
extension Tensor {
  public init(testVector values: [Double]) {
    do {
      self = try Tensor(vector: values)
    } catch {
      preconditionFailure("bad test vector: \(error)")
    }
  }

  public init(testMatrix rows: [[Double]]) {
    do {
      self = try Tensor(matrix: rows)
    } catch {
      preconditionFailure("bad test matrix: \(error)")
    }
  }

  /// `storage` in `shape` (`[]` scalar, `[n]` vector, `[r, c]` matrix).
  public init(testShape shape: [Int], _ storage: [Double]) {
    do {
      self = try Tensor(shape: shape, storage: storage)
    } catch {
      preconditionFailure("bad test tensor: \(error)")
    }
  }
}
