import Foundation
import TestSupport
import Testing

/// `load` reading real files through the binary's disk reader.
@Suite("load reads files from disk (the real binary)")
struct LoadCommandTests {
  @Test func loadsAFileAndRefusesFoldersEmptyAndMissingFiles() throws {
    let scratch = try Scratch()
    let csv = scratch.folder.appendingPathComponent("prices.csv")
    try Data("size,price\r\n50,100\r\n60,125\r\n".utf8).write(to: csv)
    let empty = scratch.folder.appendingPathComponent("empty.csv")
    try Data().write(to: empty)
    let run = try LossLabBinary.run([
      "eval", "--json", "size, price = load(\"\(csv.path)\")", "price",
      "load(\"\(empty.path)\")", "load(\"\(scratch.folder.path)\")",
      "load(\"\(scratch.folder.appendingPathComponent("nope.csv").path)\")",
    ])
    #expect(run.exited(with: 1), "\(run.summary)")
    #expect(run.lines.count == 5, "\(run.summary)")
    guard run.lines.count == 5 else { return }
    #expect(run.lines[1] == #"{"value": [100.0, 125.0], "grad": null}"#)
    #expect(try JSONLine(run.lines[2]).error?.contains("empty.csv:1:1: the file is empty") == true)
    #expect(try JSONLine(run.lines[3]).error?.contains("is a folder") == true)
    #expect(try JSONLine(run.lines[4]).error?.contains("nope.csv: no such file") == true)
  }
}
