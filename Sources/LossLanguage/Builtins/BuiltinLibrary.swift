import LossEngine

/// Every built-in name, in `help` order, and lookups by name.
public enum BuiltinLibrary {
  public static let all: [Builtin] =
    lossBuiltins + mathBuiltins + reductionBuiltins + classificationBuiltins + dataBuiltins
    + fileBuiltins
    + preparationBuiltins + formatBuiltins + randomBuiltins
    + datasetBuiltins + calculusBuiltins + trainingBuiltins

  private static let byName: [String: Builtin] = Dictionary(
    all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  public static func named(_ name: String) -> Builtin? { byName[name] }

  /// Names that cannot be assigned or used as parameters: every built-in and `pi`.
  public static func isReserved(_ name: String) -> Bool {
    byName[name] != nil || constants[name] != nil
  }

  /// Named constants.
  public static let constants: [String: Double] = ["pi": Double.pi, "true": 1, "false": 0]

  public static var names: [String] { all.map(\.name) }
}
