// losslab-bench: times LossLab's losses (value + gradient) at n = 10^6 Doubles, a user-defined
// loss through the language, whole `train` runs and a landscape frame (TrainingWorkloads.swift),
// the memory-bandwidth floor, and `losslab eval 1` as a process.
//
//   swift run -c release --package-path Benchmarks losslab-bench [options]
//
// Options: --n N (1000000) --reps R (15) --warmup W (3) --seed S (42) --startup-reps R (20)
//          --losslab PATH (the release binary; default $LOSSLAB_BIN, else <repo>/.build/release/losslab)
//          --tsv (machine-readable records for Benchmarks/run.sh)
//          --only KEY,... (run only these workloads, e.g. --only asym for a profiler)
import Foundation
import LossEngine
import LossLanguage

struct Options {
  var n = 1_000_000
  var repetitions = 15
  var warmup = 3
  var seed: UInt64 = 42
  var startupRepetitions = 20
  var losslab: String?
  var tsv = false
  /// Only these workload keys (for profiling one workload); empty means all.
  var only: Set<String> = []

  init(_ arguments: [String]) {
    var rest = arguments[...]
    func value(_ flag: String) -> String {
      guard let v = rest.popFirst() else { fail("\(flag) needs a value") }
      return v
    }
    func integer(_ flag: String) -> Int {
      guard let v = Int(value(flag)), v > 0 else { fail("\(flag) needs a positive whole number") }
      return v
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--n": n = integer(argument)
      case "--reps": repetitions = integer(argument)
      case "--warmup": warmup = integer(argument)
      case "--seed": seed = UInt64(integer(argument))
      case "--startup-reps": startupRepetitions = integer(argument)
      case "--losslab": losslab = value(argument)
      case "--tsv": tsv = true
      case "--only": only = Set(value(argument).split(separator: ",").map(String.init))
      case "-h", "--help":
        print(
          """
          usage: losslab-bench [--n N] [--reps R] [--warmup W] [--seed S] [--startup-reps R]
                               [--losslab PATH] [--tsv] [--only KEY,...]
          keys: mse bce huber bce_logits cce_logits mse_lang asym asym_run copy stream
                logreg asym_train train_small landscape eval spawn
          """)
        exit(0)
      default: fail("unknown option \(argument)")
      }
    }
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("losslab-bench: \(message)\n".utf8))
  exit(2)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let n = options.n
let bytesPerElement = 24.0  // a fused loss + gradient reads p and y and writes g

// MARK: Output

/// One measured row. `nsPerElement` is nil for skipped rows; startup rows give milliseconds.
func report(
  _ key: String, _ label: String, seconds: Double?, value: Double? = nil, note: String = ""
) {
  if options.tsv {
    let ns = seconds.map { String($0 * 1e9 / Double(n)) } ?? ""
    let v = value.map { String($0) } ?? ""
    print(["loss", key, label, ns, v, note].joined(separator: "\t"))
  } else if let seconds {
    let ns = seconds * 1e9 / Double(n)
    let gbps = bytesPerElement * Double(n) / seconds / 1e9
    let v = value.map { String($0) } ?? ""
    print(
      label.padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "%9.3f ns/elem %8.2f GB/s   %@", ns, gbps, v))
  } else {
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + "  " + note)
  }
}

func reportStartup(_ key: String, _ label: String, milliseconds: Double?, note: String = "") {
  if options.tsv {
    print(
      ["startup", key, label, milliseconds.map { String($0) } ?? "", "", note].joined(
        separator: "\t"))
  } else if let milliseconds {
    print(
      label.padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "%9.2f ms", milliseconds))
  } else {
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + "  " + note)
  }
}

if options.tsv {
  print(
    ["meta", "n", String(n), "reps", String(options.repetitions), "warmup", String(options.warmup)]
      .joined(separator: "\t"))
} else {
  print(
    "LossLab, n = \(n) Doubles, best of \(options.repetitions) after \(options.warmup) warm-up runs (GB/s at 24 B/element)"
  )
}

// MARK: Data (seeded; identical to numpy_peer.py's)

let seed = options.seed
let regressionP = SplitMix64.array(seed: seed, stream: 1, count: n) { -2 + 4 * $0 }
let regressionY = SplitMix64.array(seed: seed, stream: 2, count: n) { -2 + 4 * $0 }
let probabilities = SplitMix64.array(seed: seed, stream: 3, count: n) { 0.01 + 0.98 * $0 }
let labels = SplitMix64.array(seed: seed, stream: 4, count: n) { $0 < 0.5 ? 1 : 0 }
let logits = SplitMix64.array(seed: seed, stream: 5, count: n) { -4 + 8 * $0 }
// cce_logits: n / 10 rows of 10 classes; logits in (−3, 3), one-hot labels.
let classes = 10
let rowCount = n / classes
let classLogits = SplitMix64.array(seed: seed, stream: 6, count: rowCount * classes) {
  -3 + 6 * $0
}
let oneHot: [Double] = {
  let picks = SplitMix64.array(seed: seed, stream: 7, count: rowCount) {
    Swift.min(Double(classes - 1), ($0 * Double(classes)).rounded(.down))
  }
  var out = [Double](repeating: 0, count: rowCount * classes)
  for row in 0..<rowCount { out[row * classes + Int(picks[row])] = 1 }
  return out
}()

func tensor(_ values: [Double]) -> Tensor {
  do { return try Tensor(vector: values) } catch {
    fail("cannot make a tensor of \(values.count): \(error)")
  }
}
let p = tensor(regressionP)
let y = tensor(regressionY)
let pb = tensor(probabilities)
let yb = tensor(labels)
let z = tensor(logits)
func matrix(_ values: [Double]) -> Tensor {
  do { return try Tensor(shape: [rowCount, classes], storage: values) } catch {
    fail("cannot make a \(rowCount)×\(classes) matrix: \(error)")
  }
}
let zc = matrix(classLogits)
let yc = matrix(oneHot)

func wanted(_ key: String) -> Bool { options.only.isEmpty || options.only.contains(key) }

func measure(_ body: () throws -> Double) -> (seconds: Double, value: Double)? {
  do { return try bestOf(warmup: options.warmup, repetitions: options.repetitions, body) } catch {
    FileHandle.standardError.write(Data("losslab-bench: \(error)\n".utf8))
    return nil
  }
}

// MARK: Built-in losses through the catalogue (bce and huber may not be merged yet)

func benchmarkLoss(
  _ key: String, _ name: String, options lossOptions: [Double], _ prediction: Tensor,
  _ target: Tensor, label: String
) {
  guard wanted(key) else { return }
  guard let descriptor = LossCatalog.descriptor(named: name) else {
    report(key, label, seconds: nil, note: "skipped (not in catalogue)")
    return
  }
  let loss: any Loss
  do { loss = try descriptor.make(lossOptions) } catch { fail("cannot make \(name): \(error)") }
  let result = measure {
    let (value, gradient) = try loss.evaluate(
      prediction: prediction, target: target, wantGradient: true)
    return value + (gradient?.storage[n / 2] ?? .nan) * 0
  }
  report(
    key, label, seconds: result?.seconds, value: result?.value, note: result == nil ? "failed" : "")
}

benchmarkLoss("mse", "mse", options: [], p, y, label: "mse value+grad")
benchmarkLoss("bce", "bce", options: [], pb, yb, label: "bce value+grad (hard labels)")
benchmarkLoss("huber", "huber", options: [1], p, y, label: "huber value+grad (delta 1)")
benchmarkLoss("bce_logits", "bce_logits", options: [], z, yb, label: "bce_logits value+grad")
benchmarkLoss("cce_logits", "cce_logits", options: [], zc, yc, label: "cce_logits value+grad")

// MARK: Through the language

func loaded(_ values: [(String, Tensor)], definitions: [String] = []) -> Interpreter {
  var interpreter = Interpreter()
  for (name, value) in values { interpreter.scope.set(name, .tensor(value)) }
  do { for line in definitions { try interpreter.run(line) } } catch { fail("\(error)") }
  return interpreter
}

func lossValue(_ outcome: Outcome) -> Double {
  guard case .value(let value, let call) = outcome, let v = value.scalar, let g = call?.gradient
  else {
    return .nan
  }
  return v + g.storage[n / 2] * 0
}

let asymDefinition = "def asym(p, y) = mean(where(y - p > 0, 2*(y-p)^2, (y-p)^2))"
var language = loaded([("p", p), ("y", y)], definitions: [asymDefinition])

if wanted("mse_lang"), LossCatalog.descriptor(named: "mse") != nil {
  let result = measure { lossValue(try language.run("mse(p, y)")) }
  report(
    "mse_lang", "mse(p, y) typed in the language", seconds: result?.seconds, value: result?.value)
}

let asymCall: LossLanguage.Expression
do { asymCall = try Parser.parseExpression("asym(p, y)") } catch { fail("\(error)") }
if wanted("asym") {
  let result = measure {
    let (value, gradients) = try language.evaluate(asymCall, gradientsFor: ["p"])
    return (value.scalar ?? .nan) + (gradients["p"]?.storage[n / 2] ?? .nan) * 0
  }
  report(
    "asym", "asym value+grad (parsed once, evaluate)", seconds: result?.seconds,
    value: result?.value)
}
if wanted("asym_run") {
  let result = measure { lossValue(try language.run("asym(p, y)")) }
  report(
    "asym_run", "asym(p, y) typed (parse + eval + grad)", seconds: result?.seconds,
    value: result?.value)
}

runTrainingWorkloads()

// MARK: The bandwidth floor: 24 bytes per element

// memcpy of 12 bytes per element: reads 12, writes 12.
let copySource = regressionP + Array(regressionY[0..<(n / 2)])
var copyDestination = [Double](repeating: 0, count: copySource.count)
if wanted("copy") {
  let copy = measure {
    copySource.withUnsafeBytes { source in
      copyDestination.withUnsafeMutableBytes { destination in
        if let to = destination.baseAddress, let from = source.baseAddress {
          _ = memcpy(to, from, source.count)
        }
      }
    }
    return copyDestination[n / 2]
  }
  report("copy", "copy floor: memcpy 12 B/elem (24 B moved)", seconds: copy?.seconds, value: nil)
}

// The fused loss's own access pattern: read p and y, write one array.
var streamOut = [Double](repeating: 0, count: n)
if wanted("stream") {
  let stream = measure {
    regressionP.withUnsafeBufferPointer { a in
      regressionY.withUnsafeBufferPointer { b in
        streamOut.withUnsafeMutableBufferPointer { out in
          for i in 0..<out.count { out[i] = a[i] + b[i] }
        }
      }
    }
    return streamOut[n / 2]
  }
  report(
    "stream", "stream floor: g = p + y (2 reads, 1 write)", seconds: stream?.seconds, value: nil)
}

// MARK: Startup: `losslab eval 1` as a whole process

func releaseBinary() -> String? {
  if let path = options.losslab { return path }
  if let path = ProcessInfo.processInfo.environment["LOSSLAB_BIN"], !path.isEmpty { return path }
  // <repo>/Benchmarks/Sources/losslab-bench/main.swift → <repo>/.build/release/losslab
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<4 { url.deleteLastPathComponent() }
  return url.appendingPathComponent(".build/release/losslab").path
}

/// Best wall time of running `executable arguments` to completion, output discarded.
func spawnTime(_ executable: String, _ arguments: [String]) -> Double? {
  func once() -> Double? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    // Not waitUntilExit(): on Linux it polls its run loop in 50 ms steps, which would be
    // measured instead of the child. The termination handler fires as the child is reaped.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let start = now()
    do { try process.run() } catch { return nil }
    exited.wait()
    let elapsed = now() - start
    return process.terminationStatus == 0 ? elapsed : nil
  }
  for _ in 0..<2 { guard once() != nil else { return nil } }
  var best = Double.infinity
  for _ in 0..<options.startupRepetitions {
    guard let t = once() else { return nil }
    best = min(best, t)
  }
  return best * 1000
}

if !options.tsv && (wanted("eval") || wanted("spawn")) {
  print("\nStartup, best of \(options.startupRepetitions) (spawned with Foundation.Process)")
}
if !wanted("eval") {
} else if let binary = releaseBinary(), FileManager.default.isExecutableFile(atPath: binary) {
  let ms = spawnTime(binary, ["eval", "1"])
  reportStartup(
    "eval", "losslab eval 1 (whole process)", milliseconds: ms,
    note: ms == nil ? "failed: \(binary)" : "")
} else {
  reportStartup(
    "eval", "losslab eval 1 (whole process)", milliseconds: nil,
    note:
      "skipped: no release binary; build it with `swift build -c release --product losslab` at the top level"
  )
}
if wanted("spawn") {
  let spawnFloor = spawnTime("/bin/true", [])
  reportStartup(
    "spawn", "/bin/true (spawn floor of this harness)", milliseconds: spawnFloor,
    note: spawnFloor == nil ? "failed" : "")
}
