/// A scalar, vector or matrix of `Double`, stored contiguously in row-major order.
///
/// Rank is at most 2: that is all the lessons need, and it keeps broadcasting rules
/// readable for learners ("a scalar spreads over everything, a row spreads over a matrix").
public struct Tensor: Sendable, Equatable {
  /// `[]` for a scalar, `[n]` for a vector, `[rows, columns]` for a matrix.
  public let shape: [Int]
  /// The elements in row-major order; `storage.count == shape.reduce(1, *)`.
  public internal(set) var storage: [Double]

  /// The largest number of elements one tensor may hold (80 MB of doubles).
  ///
  /// A documented bound so that `linspace(0, 1, 1e9)` is refused with a message
  /// instead of exhausting memory.
  public static let maxElementCount = 10_000_000

  /// Creates a tensor, checking that `storage` fits `shape` and the size limit.
  public init(shape: [Int], storage: [Double]) throws(EngineError) {
    guard shape.count <= 2, shape.allSatisfy({ $0 >= 0 }) else {
      throw .unsupportedShape(shape)
    }
    let count = try Tensor.elementCount(of: shape)
    guard count == storage.count else {
      throw .storageMismatch(shape: shape, count: storage.count)
    }
    self.shape = shape
    self.storage = storage
  }

  /// Internal initialiser for kernels that already guarantee `storage` fits `shape`.
  init(uncheckedShape shape: [Int], storage: [Double]) {
    self.shape = shape
    self.storage = storage
  }

  public init(scalar: Double) {
    self.shape = []
    self.storage = [scalar]
  }

  public init(vector: [Double]) throws(EngineError) {
    try self.init(shape: [vector.count], storage: vector)
  }

  public init(matrix rows: [[Double]]) throws(EngineError) {
    let columns = rows.first?.count ?? 0
    guard rows.allSatisfy({ $0.count == columns }) else { throw .raggedMatrix }
    try self.init(shape: [rows.count, columns], storage: rows.flatMap { $0 })
  }

  /// A tensor of `shape` with every element equal to `value`.
  public init(repeating value: Double, shape: [Int]) throws(EngineError) {
    let count = try Tensor.elementCount(of: shape)
    try self.init(shape: shape, storage: Tensor.filledStorage(value, count: count))
  }

  /// Number of elements, or an error when the shape exceeds ``maxElementCount``.
  public static func elementCount(of shape: [Int]) throws(EngineError) -> Int {
    var count = 1
    for dimension in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      guard !overflow, product <= maxElementCount else { throw .tooLarge(shape) }
      count = product
    }
    return count
  }

  public var rank: Int { shape.count }
  public var count: Int { storage.count }
  public var isScalar: Bool { shape.isEmpty }

  /// The value of a one-element tensor, whatever its shape.
  public var scalarValue: Double? { storage.count == 1 ? storage[0] : nil }

  /// Rows of a matrix (a vector is one row, a scalar one row of one element).
  public var rows: Int { shape.count == 2 ? shape[0] : 1 }
  public var columns: Int { shape.last ?? 1 }

  /// The same elements with another shape of equal element count.
  public func reshaped(_ newShape: [Int]) throws(EngineError) -> Tensor {
    try Tensor(shape: newShape, storage: storage)
  }

  /// The elements as nested arrays: a `Double`, `[Double]` or `[[Double]]`.
  public var nested: NestedValue {
    switch shape.count {
    case 0: return .scalar(storage[0])
    case 1: return .vector(storage)
    default:
      let columns = shape[1]
      return .matrix(
        (0..<shape[0]).map { row in Array(storage[(row * columns)..<((row + 1) * columns)]) })
    }
  }

  /// A human-readable shape such as `[3]` or `[2, 3]` (a scalar is `scalar`).
  public var shapeDescription: String { Self.shapeDescription(shape) }

  /// `[3]`, `[2, 3]` or `scalar`: how every message and listing names a shape.
  public static func shapeDescription(_ shape: [Int]) -> String {
    shape.isEmpty ? "scalar" : "[" + shape.map(String.init).joined(separator: ", ") + "]"
  }
}

/// A tensor's elements as nested Swift arrays, for printing and JSON.
public enum NestedValue: Sendable, Equatable {
  case scalar(Double)
  case vector([Double])
  case matrix([[Double]])
}
