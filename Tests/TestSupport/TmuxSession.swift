import Foundation

/// A real program running on a pseudo-terminal inside a private tmux server, for end-to-end tests
/// of what a learner sees: prompts, Tab completion, history keys, Ctrl-C, colours.
///
/// tmux draws the program's output on a virtual screen, so tests check the rendered text (and the
/// cursor) rather than raw escape sequences, and keys are real keys: `C-c` goes through the
/// terminal's line discipline and raises SIGINT exactly as on a learner's machine.
///
/// Each session gets its own server (`tmux -L <unique socket>`), so tests can run in parallel;
/// ``close()`` (or deinit) kills it. The pane stays after the program exits (`remain-on-exit`) so
/// ``waitForExit(timeout:)`` can read its exit status. Every wait polls the screen with a
/// timeout and, when it runs out, fails with the screen in the message.
///
///     let session = try TmuxSession(command: [demo.path], environment: ["LOSSLAB_HISTORY": path])
///     defer { session.close() }
///     try await session.waitFor("demo>")      // tmux trims trailing blanks from lines
///     try await session.waitUntilEditing()   // the line editor now reads key by key
///     try session.type("hub")
///     try session.send(keys: "Tab", "Enter")
///     try await session.waitFor("got: huber")
///
/// tmux clients are started with `posix_spawn`, not Foundation's `Process`; see
/// `spawnAndWait` for why.
public final class TmuxSession {
  /// A tmux session that did not behave as expected; the description includes the screen.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
  }

  /// The tmux executable found on `PATH`, or nil.
  public static let tmuxPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/tmux" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// The private server's socket name (`tmux -L`), unique per session.
  public let socketName: String
  private let tmux: URL
  private let scratch: URL
  /// The environment of every tmux client call; the first one starts the server with it.
  private let clientEnvironment: [String: String]
  /// The server's socket file, which tmux leaves behind when the server is killed.
  private var socketPath: String?
  private var isClosed = false
  private static let target = "test"

  /// Starts `command` (an executable path and its arguments, run directly, without a shell) in
  /// a detached session of `columns` × `rows`, in `directory` (default: the current one).
  ///
  /// The environment is small and fixed, so the developer's own settings (`NO_COLOR`, `LANG`,
  /// `~/.editrc`, history files) cannot leak into a test: `PATH`, `HOME` (an empty scratch
  /// directory), `LANG=C.UTF-8`, then `environment` on top. `TERM` is tmux's `terminal`
  /// (default `screen`).
  public init(
    command: [String], environment: [String: String] = [:], directory: URL? = nil,
    columns: Int = 80, rows: Int = 24, terminal: String = "screen"
  ) throws {
    guard let path = Self.tmuxPath else {
      throw Failure(
        description: "tmux is not installed (not found on PATH); pseudo-terminal tests need it "
          + "(apt-get install tmux)")
    }
    guard !command.isEmpty else { throw Failure(description: "TmuxSession needs a command") }
    tmux = URL(fileURLWithPath: path)
    socketName = "losslab-\(getpid())-\(UUID().uuidString.prefix(8))"
    scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent(socketName, isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

    let home = scratch.appendingPathComponent("home", isDirectory: true)
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let config = scratch.appendingPathComponent("tmux.conf")
    try """
    set -g remain-on-exit on
    set -g status off
    set -g default-terminal "\(terminal)"
    set -s escape-time 0
    """.write(to: config, atomically: true, encoding: .utf8)

    let current = ProcessInfo.processInfo.environment
    var serverEnvironment = [
      "PATH": current["PATH"] ?? "/usr/bin:/bin",
      "HOME": home.path,
      "LANG": "C.UTF-8",
    ]
    serverEnvironment.merge(environment) { _, new in new }
    clientEnvironment = serverEnvironment
    let variables = environment.sorted { $0.key < $1.key }.flatMap {
      ["-e", "\($0.key)=\($0.value)"]
    }
    let start = directory.map { ["-c", $0.path] } ?? []
    try run(
      [
        "-f", config.path, "new-session", "-d", "-s", Self.target, "-x", "\(columns)",
        "-y", "\(rows)",
      ] + start + variables + ["--"] + command)
    socketPath = try? display("#{socket_path}")
  }

  deinit { close() }

  /// Sends tmux key names: `"Enter"`, `"Tab"`, `"Up"`, `"C-c"`, `"C-d"`, `"C-r"`, `"BSpace"`.
  public func send(keys: String...) throws {
    try send(keys: keys)
  }

  /// Sends tmux key names, in order.
  public func send(keys: [String]) throws {
    try run(["send-keys", "-t", Self.target] + keys)
  }

  /// Types `text` literally (`send-keys -l`), as UTF-8 keystrokes.
  public func type(_ text: String) throws {
    // tmux reads an argument ending in ";" as a command separator unless it is escaped.
    let argument = text.hasSuffix(";") ? text.dropLast() + "\\;" : text
    try run(["send-keys", "-t", Self.target, "-l", "--", String(argument)])
  }

  /// The visible screen as text, one line per row, trailing blanks trimmed by tmux.
  public func screen() throws -> String {
    try run(["capture-pane", "-p", "-t", Self.target])
  }

  /// The visible screen with colours and attributes as escape sequences (`capture-pane -e`).
  public func styledScreen() throws -> String {
    try run(["capture-pane", "-p", "-e", "-t", Self.target])
  }

  /// The cursor position, zero-based.
  public func cursor() throws -> (column: Int, row: Int) {
    let fields = try display("#{cursor_x} #{cursor_y}").split(separator: " ").compactMap {
      Int($0)
    }
    guard fields.count == 2 else {
      throw Failure(description: "tmux reported no cursor position")
    }
    return (fields[0], fields[1])
  }

  /// Polls the screen until it contains `text`; returns that screen, or throws with the screen
  /// as it was when `timeout` ran out.
  @discardableResult
  public func waitFor(_ text: String, timeout: Duration = .seconds(10)) async throws -> String {
    try await waitFor("the screen to show \(String(reflecting: text))", timeout: timeout) {
      $0.contains(text)
    }
  }

  /// Polls the screen until `condition` holds; returns that screen, or throws with `what` and
  /// the screen as it was when `timeout` ran out.
  @discardableResult
  public func waitFor(
    _ what: String, timeout: Duration = .seconds(10), until condition: (String) -> Bool
  ) async throws -> String {
    let deadline = ContinuousClock.now + timeout
    while true {
      let current = try screen()
      if condition(current) { return current }
      guard ContinuousClock.now < deadline else {
        throw Failure(
          description: "timed out after \(timeout) waiting for \(what)\n" + framed(current))
      }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  /// Polls until the program reads the keyboard key by key, as a line editor does: the pane's
  /// terminal has canonical mode and echo switched off.
  ///
  /// Send keys only after this. libedit prints the prompt before it leaves canonical mode, and
  /// between readings it is back in canonical mode; keys that arrive then are echoed by the
  /// kernel (so the screen shows them twice) and a Ctrl-D is read as end of input by the kernel,
  /// not by the editor.
  public func waitUntilEditing(timeout: Duration = .seconds(10)) async throws {
    let tty = try display("#{pane_tty}")
    let deadline = ContinuousClock.now + timeout
    while true {
      let descriptor = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
      if descriptor >= 0 {
        var settings = termios()
        let read = tcgetattr(descriptor, &settings)
        closeDescriptor(descriptor)
        if read == 0, settings.c_lflag & tcflag_t(ICANON | ECHO) == 0 { return }
      }
      guard ContinuousClock.now < deadline else {
        throw Failure(
          description: "timed out after \(timeout) waiting for the program to read keys "
            + "(\(tty) still in canonical mode)\n" + framed(try screen()))
      }
      try await Task.sleep(for: .milliseconds(20))
    }
  }

  /// Polls until the line the cursor is on reads `text` (trailing blanks ignored): the line being
  /// edited, as opposed to an earlier line with the same text.
  @discardableResult
  public func waitForCursorLine(_ text: String, timeout: Duration = .seconds(10)) async throws
    -> String
  {
    let wanted = text.trimmingTrailingBlanks()
    return try await waitFor(
      "the cursor line to read \(String(reflecting: wanted))", timeout: timeout
    ) { screen in
      guard let row = try? cursor().row else { return false }
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return lines.indices.contains(row) && String(lines[row]).trimmingTrailingBlanks() == wanted
    }
  }

  /// How the program in the pane ended.
  public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)
  }

  /// Waits for the program to end, by exit or by signal.
  public func waitForTermination(timeout: Duration = .seconds(10)) async throws -> Termination {
    let deadline = ContinuousClock.now + timeout
    while true {
      let fields = try display("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}")
        .split(separator: "|", omittingEmptySubsequences: false)
      if fields.count == 3, fields[0] == "1" {
        if let status = Int32(fields[1]) { return .exited(status) }
        if let signal = Int32(fields[2]) { return .signaled(signal) }
        // The pane's terminal closed but tmux has not collected the exit status: before tmux 3.5
        // a SIGCHLD can be lost (libutempter briefly installs its own handler while tmux closes
        // the pane, tmux/tmux#311), leaving the program a zombie. Another SIGCHLD makes the
        // server reap it; the maintainer's own workaround is `pkill -CHLD tmux`.
        if let server = Int32(try display("#{pid}")) { kill(server, SIGCHLD) }
      }
      guard ContinuousClock.now < deadline else {
        throw Failure(
          description: "timed out after \(timeout) waiting for the program to end\n"
            + framed(try screen()) + "\n" + processReport())
      }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  /// Waits for the program to exit and returns its exit status; a death by signal is a failure.
  public func waitForExit(timeout: Duration = .seconds(10)) async throws -> Int32 {
    switch try await waitForTermination(timeout: timeout) {
    case .exited(let status):
      return status
    case .signaled(let signal):
      throw Failure(
        description: "the program was killed by signal \(signal) instead of exiting\n"
          + framed(try screen()))
    }
  }

  /// Kills the tmux server (and with it the program) and removes its socket and scratch files.
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    _ = try? run(["kill-server"])
    if let socketPath { _ = unlink(socketPath) }
    try? FileManager.default.removeItem(at: scratch)
  }

  /// A screen between rules, for failure messages.
  public func framed(_ screen: String) -> String {
    let rule = String(repeating: "-", count: 40)
    return "screen:\n\(rule)\n\(screen)\n\(rule)"
  }

  /// What the pane's process is doing (Linux `/proc`): its state and where each thread waits.
  private func processReport() -> String {
    guard let pid = try? display("#{pane_pid}") else { return "" }
    let base = "/proc/\(pid)"
    let state =
      (try? String(contentsOfFile: "\(base)/status", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("State:") } ?? "State: unknown"
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "\(base)/task")) ?? []
    let threads = tasks.sorted().map { task -> String in
      let name = (try? String(contentsOfFile: "\(base)/task/\(task)/comm", encoding: .utf8)) ?? "?"
      let wait = (try? String(contentsOfFile: "\(base)/task/\(task)/wchan", encoding: .utf8)) ?? "?"
      return "  thread \(task) \(name.trimmingCharacters(in: .whitespacesAndNewlines)): \(wait)"
    }
    return (["process \(pid) \(state)"] + threads).joined(separator: "\n")
  }

  private func display(_ format: String) throws -> String {
    try run(["display-message", "-p", "-t", Self.target, format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs one tmux client command against this session's server and returns its output.
  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let output = scratch.appendingPathComponent("out")
    let errors = scratch.appendingPathComponent("err")
    let status = try Self.spawnAndWait(
      tmux.path, arguments: ["-u", "-L", socketName] + arguments, environment: clientEnvironment,
      standardOutput: output.path, standardError: errors.path)
    let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    guard status == 0 else {
      let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
      throw Failure(
        description: "tmux \(arguments.joined(separator: " ")) failed (status \(status)): "
          + message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return text
  }

  /// Runs `executable` and waits for it; returns its exit status, or -1 if a signal ended it.
  ///
  /// This is `posix_spawn`, not Foundation's `Process`, for two reasons seen on Linux:
  /// - `Process` passes on the spawning thread's signal mask, and test threads block most
  ///   signals. The tmux server, and through it the program under test, would start with SIGINT
  ///   blocked, so Ctrl-C could not be tested. Here the child gets an empty mask and default
  ///   handlers, like a program started from a shell.
  /// - `Process` learns that a child ended when a socket it shares with the child closes. The
  ///   first tmux command forks the server, which inherits that socket and keeps it open, so
  ///   `waitUntilExit()` never returns. Here inherited descriptors above 2 are closed, output goes
  ///   to files, and the child is reaped with `waitpid`.
  private static func spawnAndWait(
    _ executable: String, arguments: [String], environment: [String: String],
    standardOutput: String, standardError: String
  ) throws -> Int32 {
    #if canImport(Glibc)
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #else
      var actions: posix_spawn_file_actions_t? = nil
      var attributes: posix_spawnattr_t? = nil
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(
      &actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // closefrom is not imported into Swift; close what /proc lists (closing a descriptor that
    // was closed meanwhile is not an error for posix_spawn).
    let inherited = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for descriptor in inherited.compactMap({ Int32($0) }) where descriptor > 2 {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }

    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw Failure(
        description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      guard errno == EINTR else {
        throw Failure(description: "waitpid failed: \(String(cString: strerror(errno)))")
      }
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
  }
}

/// `close(2)`, which `TmuxSession.close()` hides inside the class.
private func closeDescriptor(_ descriptor: Int32) {
  #if canImport(Glibc)
    _ = Glibc.close(descriptor)
  #else
    _ = Darwin.close(descriptor)
  #endif
}

extension String {
  fileprivate func trimmingTrailingBlanks() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
