import Foundation
import LossLessons
import Testing

/// One rule for where history and progress live (``StateFolder``).
@Suite("The state folder")
struct StateFolderTests {
  /// No password database: only the environment decides.
  static func noAccount() -> String? { nil }

  func folder(_ environment: [String: String], account: () -> String? = StateFolderTests.noAccount)
    -> String?
  {
    StateFolder.url(environment: environment, accountHome: account)?.path
  }

  func history(_ environment: [String: String], account: () -> String? = StateFolderTests.noAccount)
    -> String?
  {
    StateFolder.historyFile(environment: environment, accountHome: account)?.path
  }

  @Test("LOSSLAB_STATE_DIR moves history and progress together")
  func stateDirMovesBoth() throws {
    let environment = ["LOSSLAB_STATE_DIR": "/tmp/s", "XDG_STATE_HOME": "/x", "HOME": "/h"]
    #expect(folder(environment) == "/tmp/s")
    #expect(history(environment) == "/tmp/s/history")
    let store = try #require(ProgressStore.standard(environment: environment))
    #expect(store.fileURL.path == "/tmp/s/progress.json")
  }

  @Test("XDG_STATE_HOME when it is absolute")
  func xdgStateHome() {
    #expect(folder(["XDG_STATE_HOME": "/x", "HOME": "/h"]) == "/x/losslab")
    #expect(history(["XDG_STATE_HOME": "/x", "HOME": "/h"]) == "/x/losslab/history")
  }

  @Test(
    "~/.local/state when the XDG variable is unset, empty or relative",
    arguments: [nil, "", "relative/state"] as [String?])
  func homeFallback(xdg: String?) {
    var environment = ["HOME": "/h"]
    environment["XDG_STATE_HOME"] = xdg
    #expect(folder(environment) == "/h/.local/state/losslab")
    #expect(history(environment) == "/h/.local/state/losslab/history")
  }

  @Test(
    "a missing, empty or relative HOME gives way to the account's home, for both files",
    arguments: [nil, "", "relative/home"] as [String?])
  func accountHome(home: String?) {
    var environment: [String: String] = [:]
    environment["HOME"] = home
    #expect(folder(environment, account: { "/home/ada" }) == "/home/ada/.local/state/losslab")
    #expect(
      history(environment, account: { "/home/ada" }) == "/home/ada/.local/state/losslab/history")
  }

  @Test("no home at all: no folder, so neither file is saved")
  func nowhere() {
    #expect(folder(["HOME": "relative"]) == nil)
    #expect(history([:]) == nil)
  }

  @Test("LOSSLAB_HISTORY moves the history file alone; empty counts as unset")
  func historyOverride() {
    #expect(history(["LOSSLAB_HISTORY": "/tmp/t/h", "LOSSLAB_STATE_DIR": "/s"]) == "/tmp/t/h")
    #expect(folder(["LOSSLAB_HISTORY": "/tmp/t/h", "LOSSLAB_STATE_DIR": "/s"]) == "/s")
    #expect(history(["LOSSLAB_HISTORY": "", "HOME": "/h"]) == "/h/.local/state/losslab/history")
    #expect(history(["LOSSLAB_HISTORY": "/tmp/t/h"]) == "/tmp/t/h")
  }

  @Test("an empty LOSSLAB_STATE_DIR counts as unset")
  func emptyStateDir() {
    #expect(folder(["LOSSLAB_STATE_DIR": "", "HOME": "/h"]) == "/h/.local/state/losslab")
  }
}
