import LossEngine
import LossLanguage
import LossLessons
import LossShell

/// `*emphasis*`, `**strong**` and `` `code` `` in lesson text, as styled spans. Plain output
/// keeps the backticks around code (they carry meaning) and drops the asterisks. A backslash
/// before a mark shows the mark (``LessonMarkup/escapable``), except inside code.
enum MarkupSpans {
  static func parse(_ source: String, style: Renderer.Style, base: Tone = .normal) -> [Span] {
    var spans: [Span] = []
    var current = ""
    let tone = base
    var chars = Array(source)
    var i = 0
    func flush() {
      if !current.isEmpty { spans.append(Span(current, tone)) }
      current = ""
    }
    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count, LessonMarkup.escapable.contains(chars[i + 1]) {
        current.append(chars[i + 1])
        i += 2
        continue
      }
      if c == "`", let close = chars[(i + 1)...].firstIndex(of: "`") {
        flush()
        let code = String(chars[(i + 1)..<close])
        spans.append(Span(style == .plain ? "`\(code)`" : code, .name))
        i = close + 1
        continue
      }
      if c == "*" {
        let isStrong = i + 1 < chars.count && chars[i + 1] == "*"
        let marker = isStrong ? 2 : 1
        let start = i + marker
        if start < chars.count, chars[start] != " ",
          let close = closing(chars, from: start, marker: marker)
        {
          flush()
          spans.append(Span(unescaped(chars[start..<close]), isStrong ? .strong : .accent))
          i = close + marker
          continue
        }
      }
      current.append(c)
      i += 1
    }
    flush()
    chars.removeAll()
    return spans
  }

  private static func unescaped(_ chars: ArraySlice<Character>) -> String {
    var out = ""
    var i = chars.startIndex
    while i < chars.endIndex {
      if chars[i] == "\\", i + 1 < chars.endIndex, LessonMarkup.escapable.contains(chars[i + 1]) {
        i += 1
      }
      out.append(chars[i])
      i += 1
    }
    return out
  }

  private static func closing(_ chars: [Character], from start: Int, marker: Int) -> Int? {
    var j = start
    while j < chars.count {
      if chars[j] == "\\", j + 1 < chars.count, LessonMarkup.escapable.contains(chars[j + 1]) {
        j += 2
        continue
      }
      if chars[j] == "*" {
        if marker == 2 {
          if j + 1 < chars.count, chars[j + 1] == "*" { return j }
        } else if j + 1 >= chars.count || chars[j + 1] != "*" {
          return j
        }
      }
      if chars[j] == "\n" { return nil }
      j += 1
    }
    return nil
  }
}

/// Lesson text as Markdown reads it: consecutive lines form one paragraph (wrapped to the
/// terminal), a blank line separates paragraphs, and indented lines, table rows and list items
/// keep their own lines (``LessonMarkup/isBlock``).
enum LessonParagraphs {
  enum Block: Equatable {
    case prose(String)
    case verbatim(String)
    case blank
  }

  static func split(_ text: String) -> [Block] {
    var blocks: [Block] = []
    var paragraph: [String] = []
    func flush() {
      if !paragraph.isEmpty { blocks.append(.prose(paragraph.joined(separator: " "))) }
      paragraph = []
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
    for line in lines {
      if line.allSatisfy(\.isWhitespace) {
        flush()
        blocks.append(.blank)
      } else if LessonMarkup.isBlock(line) {
        flush()
        blocks.append(.verbatim(line))
      } else {
        paragraph.append(line)
      }
    }
    flush()
    return blocks
  }

}
