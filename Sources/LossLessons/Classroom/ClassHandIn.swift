import Foundation

/// Handing in: when a lesson ends, the learner's progress export (the `progress --export`
/// format) is written to the class's export folder, one file per learner, replaced atomically
/// so the teacher's `report` never reads half a file.
extension ClassSettings {
  /// `ada.json`; a name with other characters than letters, digits, `.`, `_` and `-` (or
  /// starting with `.`) is tidied and given its hash, so two learners never share a file and no
  /// name can leave the folder.
  public static func exportFileName(learner: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    let tidy = String(learner.prefix(64).map { allowed.contains($0) ? $0 : "_" })
    if tidy == learner, !learner.isEmpty, !learner.hasPrefix(".") { return learner + ".json" }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in learner.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    let start = tidy.hasPrefix(".") ? "_" + tidy.dropFirst() : Substring(tidy)
    return "\(start)-\(hex).json"
  }

  /// Writes `export` into the export folder; the path written, or why it could not be.
  public func handIn(_ export: ProgressExport) -> Result<String, HandInFailure> {
    guard let folder = exportFolder else {
      return .failure(HandInFailure(reason: "no export folder"))
    }
    let path = folder + "/" + Self.exportFileName(learner: export.learner)
    do {
      try ProgressExportCoding.write(try ProgressExportCoding.encode(export), to: path)
      return .success(path)
    } catch {
      return .failure(HandInFailure(reason: String(describing: error)))
    }
  }
}

/// Why an export could not be handed in.
public struct HandInFailure: Error, Sendable, Equatable {
  public var reason: String

  public init(reason: String) { self.reason = reason }
}
