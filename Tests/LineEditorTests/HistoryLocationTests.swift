import Foundation
import LineEditor
import Testing

@Suite("Where history is kept")
struct HistoryLocationTests {
  @Test("LOSSLAB_HISTORY wins over everything")
  func override() {
    let url = HistoryLocation.default(environment: [
      "LOSSLAB_HISTORY": "/tmp/t/history", "XDG_STATE_HOME": "/state", "HOME": "/home/ada",
    ])
    #expect(url?.path == "/tmp/t/history")
  }

  @Test("XDG_STATE_HOME when it is absolute")
  func xdgStateHome() {
    let url = HistoryLocation.default(environment: [
      "XDG_STATE_HOME": "/state", "HOME": "/home/ada",
    ])
    #expect(url?.path == "/state/losslab/history")
  }

  @Test(
    "falls back to ~/.local/state when the XDG variable is unset, empty or relative",
    arguments: [nil, "", "relative/state"] as [String?])
  func homeFallback(xdg: String?) {
    var environment = ["HOME": "/home/ada"]
    environment["XDG_STATE_HOME"] = xdg
    let url = HistoryLocation.default(environment: environment)
    #expect(url?.path == "/home/ada/.local/state/losslab/history")
  }

  @Test("an empty LOSSLAB_HISTORY counts as unset")
  func emptyOverride() {
    let url = HistoryLocation.default(environment: ["LOSSLAB_HISTORY": "", "HOME": "/home/ada"])
    #expect(url?.path == "/home/ada/.local/state/losslab/history")
  }

  @Test("no HOME and no override: no history file")
  func nowhere() {
    #expect(HistoryLocation.default(environment: [:]) == nil)
  }
}
