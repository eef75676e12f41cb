import LossEngine
import TestSupport

/// Reads a catalogue example such as `huber([2.5, 0], [3, -0.5], delta=1)`: a loss name, then
/// numbers, vectors or matrices as positional arguments and `name=number` options. Just enough
/// of the language to run help's examples in the engine's own tests.
struct CatalogExample {
  let name: String
  let arguments: [Tensor]
  let options: [String: Double]

  struct ParseError: Error, CustomStringConvertible {
    let description: String
  }

  init(parsing text: String) throws {
    var reader = Reader(characters: Array(text))
    name = reader.identifier()
    try reader.expect("(")
    var arguments: [Tensor] = []
    var options: [String: Double] = [:]
    while true {
      reader.skipSpaces()
      if reader.peek()?.isLetter == true {
        let option = reader.identifier()
        try reader.expect("=")
        options[option] = try reader.number()
      } else {
        arguments.append(try reader.tensor())
      }
      reader.skipSpaces()
      if reader.peek() == ")" { break }
      try reader.expect(",")
    }
    try reader.expect(")")
    guard reader.isAtEnd else {
      throw ParseError(description: "text after the closing parenthesis")
    }
    self.arguments = arguments
    self.options = options
  }

  private struct Reader {
    let characters: [Character]
    var position = 0

    var isAtEnd: Bool { position == characters.count }
    func peek() -> Character? { isAtEnd ? nil : characters[position] }

    mutating func skipSpaces() {
      while peek() == " " { position += 1 }
    }

    mutating func expect(_ character: Character) throws {
      skipSpaces()
      guard peek() == character else {
        throw ParseError(
          description: "expected \(character) at \(position) in \(String(characters))")
      }
      position += 1
    }

    mutating func identifier() -> String {
      skipSpaces()
      let start = position
      while let c = peek(), c.isLetter || c.isNumber || c == "_" { position += 1 }
      return String(characters[start..<position])
    }

    mutating func number() throws -> Double {
      skipSpaces()
      let start = position
      while let c = peek(), c.isNumber || "+-.e".contains(c) { position += 1 }
      guard let value = Double(String(characters[start..<position])) else {
        throw ParseError(description: "expected a number at \(start) in \(String(characters))")
      }
      return value
    }

    /// A number, `[numbers]` or `[[numbers], ...]`.
    mutating func tensor() throws -> Tensor {
      skipSpaces()
      guard peek() == "[" else { return Tensor(scalar: try number()) }
      position += 1
      skipSpaces()
      if peek() == "[" {
        var rows: [[Double]] = []
        repeat {
          rows.append(try tensor().storage)
          skipSpaces()
        } while try separator()
        return Tensor(testMatrix: rows)
      }
      var values: [Double] = []
      repeat {
        values.append(try number())
      } while try separator()
      return Tensor(testVector: values)
    }

    /// True after a comma, false after the closing bracket.
    mutating func separator() throws -> Bool {
      skipSpaces()
      switch peek() {
      case ",":
        position += 1
        return true
      case "]":
        position += 1
        return false
      default:
        throw ParseError(description: "expected , or ] at \(position) in \(String(characters))")
      }
    }
  }
}
