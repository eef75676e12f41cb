/// What a piece of text means; the renderer maps meanings to colours, or to nothing when plain.
enum Tone: Equatable {
  case normal, strong, dim
  /// A function or variable name.
  case name
  /// A computed number the eye should find first.
  case value
  /// Better, on target.
  case good
  /// Worse, failed.
  case bad
  /// Where to look: directions, notes, interruptions.
  case accent
  case heading
  case error
  /// The colour of a plot's series `n` (cycling through six).
  case series(Int)
  /// A landscape cell of colour level `n` (background); `marked` for a glyph drawn on it.
  case heat(Int, marked: Bool)

  /// True for tones that colour the background, so spaces in them must be kept.
  var isBackground: Bool {
    if case .heat = self { return true }
    return false
  }
}

/// A run of text with one meaning.
struct Span: Equatable {
  var text: String
  var tone: Tone

  init(_ text: String, _ tone: Tone = .normal) {
    self.text = text
    self.tone = tone
  }
}

/// One output line as spans; its width is counted in characters (every glyph used is one
/// column wide).
struct Line: Equatable {
  var spans: [Span] = []

  init(_ spans: [Span] = []) { self.spans = spans }

  init(_ text: String, _ tone: Tone = .normal) { spans = [Span(text, tone)] }

  var width: Int { spans.reduce(0) { $0 + $1.text.count } }

  var plainText: String { spans.map(\.text).joined() }

  mutating func add(_ text: String, _ tone: Tone = .normal) {
    guard !text.isEmpty else { return }
    spans.append(Span(text, tone))
  }

  mutating func add(_ other: Line) { spans += other.spans }

  /// Pads with spaces to `width` columns (no-op when already as wide).
  func padded(to width: Int) -> Line {
    var copy = self
    copy.add(String(repeating: " ", count: max(0, width - self.width)))
    return copy
  }

  /// Cut to `width` columns, ending in `ellipsis` when something was cut.
  func truncated(to width: Int, ellipsis: String) -> Line {
    guard self.width > width else { return self }
    let room = max(0, width - ellipsis.count)
    var result = Line()
    var used = 0
    for span in spans {
      guard used < room else { break }
      let take = min(span.text.count, room - used)
      result.add(String(span.text.prefix(take)), span.tone)
      used += take
    }
    if let last = result.spans.last {
      result.add(ellipsis, last.tone)
    } else {
      result.add(ellipsis)
    }
    return result
  }
}

/// Word wrapping of styled text.
enum Wrapper {
  /// A word and the run of spaces before it.
  private struct Word {
    var gap = ""
    var gapTone: Tone = .normal
    var line = Line()
  }

  /// Breaks spans at spaces into lines of at most `width` columns. The first line starts with
  /// `indent` spaces, later ones with `hanging` spaces. Runs of spaces between words are kept
  /// on a line (and dropped where it breaks); a word longer than a line is split.
  static func wrap(_ spans: [Span], width: Int, indent: Int = 0, hanging: Int? = nil) -> [Line] {
    let hanging = hanging ?? indent
    var words: [Word] = []
    var current = Word()
    for span in spans {
      for character in span.text {
        if character == " " {
          if !current.line.spans.isEmpty {
            words.append(current)
            current = Word()
          }
          if current.gap.isEmpty { current.gapTone = span.tone }
          current.gap.append(" ")
        } else if let last = current.line.spans.last, last.tone == span.tone {
          current.line.spans[current.line.spans.count - 1].text.append(character)
        } else {
          current.line.add(String(character), span.tone)
        }
      }
    }
    if !current.line.spans.isEmpty { words.append(current) }

    var lines: [Line] = []
    var line = Line(String(repeating: " ", count: indent))
    var lineHasWord = false
    for word in words {
      var wordLine = word.line
      if lineHasWord, line.width + max(1, word.gap.count) + wordLine.width > width {
        lines.append(line)
        line = Line(String(repeating: " ", count: hanging))
        lineHasWord = false
      } else if !lineHasWord, lines.isEmpty, line.width + word.gap.count + wordLine.width <= width {
        // Leading spaces of the text itself are kept on the first line.
        line.add(word.gap, word.gapTone)
      }
      // A word wider than a whole line is split across lines.
      while !lineHasWord, wordLine.width > width - line.width {
        let (head, rest) = wordLine.prefix(max(1, width - line.width))
        line.add(head)
        lines.append(line)
        line = Line(String(repeating: " ", count: hanging))
        wordLine = rest
      }
      if lineHasWord {
        let sameTone =
          line.spans.last?.tone == wordLine.spans.first?.tone
          && line.spans.last?.tone == word.gapTone
        line.add(
          String(repeating: " ", count: max(1, word.gap.count)), sameTone ? word.gapTone : .normal)
      }
      line.add(wordLine)
      lineHasWord = true
    }
    if lineHasWord || lines.isEmpty { lines.append(line) }
    return lines
  }
}

extension Line {
  /// The first `count` columns and the rest.
  func prefix(_ count: Int) -> (head: Line, rest: Line) {
    var head = Line()
    var rest = Line()
    var used = 0
    for span in spans {
      if used >= count {
        rest.add(span.text, span.tone)
        continue
      }
      let take = min(span.text.count, count - used)
      head.add(String(span.text.prefix(take)), span.tone)
      rest.add(String(span.text.dropFirst(take)), span.tone)
      used += take
    }
    return (head, rest)
  }
}
