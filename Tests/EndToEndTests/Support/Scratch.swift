import Foundation

/// A history file and a progress folder for one or more shells of one test.
struct Scratch {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "losslab-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  var environment: [String: String] {
    [
      "LOSSLAB_HISTORY": folder.appendingPathComponent("history").path,
      "LOSSLAB_STATE_DIR": folder.appendingPathComponent("state").path,
      "LC_ALL": "C.UTF-8",
    ]
  }
}
