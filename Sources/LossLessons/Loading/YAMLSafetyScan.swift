private import CYaml

/// Reads a lesson file's YAML event stream with libyaml (the parser inside Yams) BEFORE Yams
/// composes it into nodes, and refuses what could make composing or walking the nodes
/// dangerous or ambiguous:
///
/// - anchors (`&x`) and aliases (`*x`): a few hundred bytes of nested aliases ("billion laughs")
///   expand to gigabytes of nodes once walked;
/// - nesting deeper than `LessonLimits.maximumNesting` (Yams composes recursively);
/// - more than one document, custom tags, keys that aren't plain words, duplicate keys (Yams
///   would stop at the first; this reports every one, with its position).
///
/// It also turns a YAML syntax error into a diagnostic a teacher can act on.
struct YAMLSafetyScan {
  private enum Container {
    case sequence
    case mapping(expectingKey: Bool, keys: [String: SourcePosition])
  }

  /// Tags that only restate a core type; anything else (`!python/object`, `!!binary`, …) is
  /// refused, since a lesson holds plain text, numbers, lists and mappings.
  private static let coreTags: Set<String> = [
    "str", "int", "float", "bool", "null", "seq", "map",
  ].reduce(into: []) { $0.insert("tag:yaml.org,2002:" + $1) }

  let file: String
  let limits: LessonLimits
  /// What the file should hold, for messages: "lesson", "class".
  var kind = "lesson"

  /// Every problem found, in file order; empty when the file is safe to compose.
  func diagnostics(for bytes: [UInt8]) -> [LessonDiagnostic] {
    guard !bytes.isEmpty else {
      return [
        LessonDiagnostic(
          "the file is empty; expected a \(kind) starting with format_version: 1",
          at: position(line: 1, column: 1))
      ]
    }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      return [
        LessonDiagnostic(
          "could not start the YAML parser; expected enough memory",
          at: position(line: 1, column: 1))
      ]
    }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return [] }
      yaml_parser_set_input_string(&parser, base, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      return scanEvents(&parser, source: SourceLines(bytes))
    }
  }

  private func scanEvents(_ parser: inout yaml_parser_t, source: SourceLines)
    -> [LessonDiagnostic]
  {
    var diagnostics: [LessonDiagnostic] = []
    var stack: [Container] = []
    var documents = 0
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        diagnostics.append(syntaxError(parser, source: source))
        return diagnostics
      }
      defer { yaml_event_delete(&event) }
      let here = position(line: event.start_mark.line + 1, column: event.start_mark.column + 1)

      switch event.type {
      case YAML_STREAM_END_EVENT:
        return diagnostics
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents == 2 {
          diagnostics.append(
            LessonDiagnostic(
              "a second YAML document starts here; expected one \(kind) per file", at: here))
        }
      case YAML_ALIAS_EVENT:
        noteNode(keyText: nil, isScalar: true, at: here, stack: &stack, diagnostics: &diagnostics)
        let name = text(event.data.alias.anchor) ?? ""
        diagnostics.append(
          LessonDiagnostic(
            "alias '*\(name)' is not allowed; expected plain values (if this is text starting"
              + " with '*', put it in quotes)", at: here))
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let value = scalar.value.map {
          String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
        }
        noteNode(
          keyText: value ?? "", isScalar: true, at: here, stack: &stack, diagnostics: &diagnostics)
        check(anchor: scalar.anchor, tag: scalar.tag, at: here, into: &diagnostics)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        noteNode(keyText: nil, isScalar: false, at: here, stack: &stack, diagnostics: &diagnostics)
        if isMapping {
          check(
            anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag, at: here,
            into: &diagnostics)
          stack.append(.mapping(expectingKey: true, keys: [:]))
        } else {
          check(
            anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag,
            at: here, into: &diagnostics)
          stack.append(.sequence)
        }
        if stack.count > limits.maximumNesting {
          diagnostics.append(
            LessonDiagnostic(
              "lists and mappings are nested \(stack.count) deep here; expected at most"
                + " \(limits.maximumNesting)", at: here))
          return diagnostics
        }
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        _ = stack.popLast()
      default:
        break
      }
      if diagnostics.count > limits.maximumDiagnostics { return diagnostics }
    }
  }

  /// Tracks key/value alternation in mappings, to catch complex and duplicate keys.
  private func noteNode(
    keyText: String?, isScalar: Bool, at here: SourcePosition, stack: inout [Container],
    diagnostics: inout [LessonDiagnostic]
  ) {
    guard case .mapping(let expectingKey, var keys) = stack.last else { return }
    defer { stack[stack.count - 1] = .mapping(expectingKey: !expectingKey, keys: keys) }
    guard expectingKey else { return }
    guard isScalar, let keyText else {
      diagnostics.append(
        LessonDiagnostic(
          "this key is a list, mapping or alias; expected a plain word like 'text'", at: here))
      return
    }
    if let first = keys[keyText] {
      diagnostics.append(
        LessonDiagnostic(
          "duplicate key '\(keyText)' (first at line \(first.line)); expected each key once",
          at: here))
    } else {
      keys[keyText] = here
    }
  }

  private func check(
    anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
    at here: SourcePosition, into diagnostics: inout [LessonDiagnostic]
  ) {
    if let name = text(anchor) {
      diagnostics.append(
        LessonDiagnostic(
          "anchor '&\(name)' is not allowed; expected plain values (if this is text starting"
            + " with '&', put it in quotes)", at: here))
    }
    if let tag = text(tag), !Self.coreTags.contains(tag) {
      diagnostics.append(
        LessonDiagnostic(
          "tag '\(tag)' is not allowed; expected plain text, numbers, lists and mappings (if this"
            + " is text starting with '!', put it in quotes)", at: here))
    }
  }

  private func syntaxError(_ parser: yaml_parser_t, source: SourceLines) -> LessonDiagnostic {
    let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
    let context = parser.context.map { String(cString: $0) } ?? ""
    let mark = parser.problem_mark
    let here = position(line: mark.line + 1, column: mark.column + 1)
    // What the file holds where libyaml stopped says more than libyaml's words.
    let start = parser.context_mark
    if parser.error == YAML_SCANNER_ERROR, start.line < mark.line || start.index < mark.index,
      let quote = source.character(line: start.line, column: start.column),
      quote == "\"" || quote == "'"
    {
      let escaped = quote == "'" ? "double it: ''" : #"write \""#
      return LessonDiagnostic(
        "the quoted text that starts here with \(quote) is never closed; expected a closing"
          + " \(quote) (to write \(quote) inside it, \(escaped))",
        at: position(line: start.line + 1, column: start.column + 1))
    }
    if let tab = source.tabInIndentation(line: mark.line)
      ?? source.tab(line: mark.line, column: mark.column)
    {
      return LessonDiagnostic(
        "a tab is used for indentation here; YAML indents with spaces only — use spaces",
        at: position(line: mark.line + 1, column: tab + 1))
    }
    if parser.error == YAML_READER_ERROR {
      return LessonDiagnostic(
        "the file can't be read as text (\(problem)); expected UTF-8 text",
        at: position(line: 1, column: 1))
    }
    if context.contains("alias") || context.contains("anchor") {
      let start = parser.context_mark
      let (sign, what) = context.contains("alias") ? ("*", "alias") : ("&", "anchor")
      return LessonDiagnostic(
        "a value starting with '\(sign)' is read as a YAML \(what); expected text starting with"
          + " '\(sign)' to be in quotes",
        at: position(line: start.line + 1, column: start.column + 1))
    }
    if problem.hasPrefix("Maximum nesting level reached") {
      // libyaml's own cap (1000) can trip before the scan sees its first deep event.
      return LessonDiagnostic(
        "lists and mappings are nested more than 1000 deep here; expected at most"
          + " \(limits.maximumNesting)", at: here)
    }
    let advice: String =
      switch problem {
      case "mapping values are not allowed in this context":
        "expected 'key: value' on its own line; if a value contains ': ', put it in quotes"
      case "found character that cannot start any token":
        "expected a value here; indent with spaces, not tabs, and put values that start with"
          + " ` @ % or | in quotes"
      case "did not find expected key":
        "expected this line to line up with the keys above it"
      case "could not find expected ':'":
        "expected 'key: value'; put multi-line text in quotes or after '|'"
      case "did not find expected '-' indicator":
        "expected list items ('- ...') to line up"
      default:
        "expected valid YAML"
      }
    return LessonDiagnostic("YAML syntax error: \(problem); \(advice)", at: here)
  }

  private func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }

  private func position(line: Int, column: Int) -> SourcePosition {
    SourcePosition(file: file, line: line, column: column)
  }
}

/// The file's lines as bytes, to look at what stands where libyaml reports a problem (marks are
/// 0-based; columns count characters, which for the ASCII looked for here are bytes once the
/// line's earlier characters are counted).
private struct SourceLines {
  private let lines: [[UInt8]]

  init(_ bytes: [UInt8]) {
    lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(
      Array.init)
  }

  /// The ASCII character at a 0-based line and character column, if it is ASCII.
  func character(line: Int, column: Int) -> Character? {
    guard lines.indices.contains(line) else { return nil }
    var count = 0
    for byte in lines[line] where byte & 0xC0 != 0x80 {
      if count == column { return byte < 0x80 ? Character(Unicode.Scalar(byte)) : nil }
      count += 1
    }
    return nil
  }

  /// The 0-based column of a tab among a line's leading blanks.
  func tabInIndentation(line: Int) -> Int? {
    guard lines.indices.contains(line) else { return nil }
    let leading = lines[line].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    return leading.firstIndex(of: UInt8(ascii: "\t"))
  }

  /// `column` when a tab stands there.
  func tab(line: Int, column: Int) -> Int? {
    character(line: line, column: column) == "\t" ? column : nil
  }
}
