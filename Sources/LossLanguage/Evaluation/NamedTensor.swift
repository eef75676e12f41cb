import LossEngine

/// A name and a tensor: a gradient with respect to one variable, as watches and lesson
/// readouts show it.
public struct NamedTensor: Equatable, Sendable {
  public let name: String
  public let tensor: Tensor

  public init(name: String, tensor: Tensor) {
    self.name = name
    self.tensor = tensor
  }
}
