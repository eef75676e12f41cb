import Foundation
import Testing

/// One parsed line of `eval --json`.
struct JSONLine {
  let object: [String: Any]

  init(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
    object = try #require(
      parsed as? [String: Any], "not a JSON object: \(line.prefix(200))",
      sourceLocation: sourceLocation)
  }

  var keys: Set<String> { Set(object.keys) }
  var isError: Bool { keys == ["error"] && object["error"] is String }
  var error: String? { object["error"] as? String }
  var number: Double? { (object["value"] as? NSNumber)?.doubleValue }
  var grad: Any? { object["grad"] }
  var gradNumbers: [Double]? {
    (object["grad"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue }
  }
}
