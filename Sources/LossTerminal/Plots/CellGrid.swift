/// A plot's drawing area as character cells, each with a glyph and a tone.
///
/// Lines are drawn in "dots": with braille a cell holds 2×4 dots (U+2800 plus a bit per dot:
/// left column 0x01, 0x02, 0x04, 0x40 top to bottom, right column 0x08, 0x10, 0x20, 0x80); in
/// ASCII a cell is one dot, drawn with the series' mark. Where two series share a cell, the one
/// drawn last gives the colour (braille) or the mark (ASCII).
struct CellGrid {
  let columns: Int
  let rows: Int
  let braille: Bool
  private var bits: [UInt8]
  private(set) var cells: [(Character, Tone)]

  init(columns: Int, rows: Int, braille: Bool) {
    self.columns = columns
    self.rows = rows
    self.braille = braille
    bits = [UInt8](repeating: 0, count: columns * rows)
    cells = [(Character, Tone)](repeating: (" ", .normal), count: columns * rows)
  }

  var dotColumns: Int { columns * (braille ? 2 : 1) }
  var dotRows: Int { rows * (braille ? 4 : 1) }

  private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// Sets a dot (0, 0 at the top left); ignored outside the grid.
  mutating func dot(_ x: Int, _ y: Int, mark: Character, tone: Tone) {
    guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
    let column = braille ? x / 2 : x
    let row = braille ? y / 4 : y
    let index = row * columns + column
    if braille {
      bits[index] |= Self.dotBits[x % 2][y % 4]
      cells[index] = (Character(Unicode.Scalar(0x2800 + UInt32(bits[index])) ?? " "), tone)
    } else {
      cells[index] = (mark, tone)
    }
  }

  /// A straight run of dots between two dots (Bresenham), both ends included.
  mutating func line(from a: (Int, Int), to b: (Int, Int), mark: Character, tone: Tone) {
    var (x, y) = a
    let dx = abs(b.0 - a.0)
    let dy = -abs(b.1 - a.1)
    let sx = a.0 < b.0 ? 1 : -1
    let sy = a.1 < b.1 ? 1 : -1
    var error = dx + dy
    var steps = 0
    while steps <= dx - dy + 1 {
      dot(x, y, mark: mark, tone: tone)
      if x == b.0 && y == b.1 { break }
      let e2 = 2 * error
      if e2 >= dy {
        error += dy
        x += sx
      }
      if e2 <= dx {
        error += dx
        y += sy
      }
      steps += 1
    }
  }

  /// Puts a glyph in a cell, over whatever is there.
  mutating func put(_ glyph: Character, column: Int, row: Int, tone: Tone) {
    guard column >= 0, row >= 0, column < columns, row < rows else { return }
    cells[row * columns + column] = (glyph, tone)
  }

  func cell(column: Int, row: Int) -> (Character, Tone) { cells[row * columns + column] }

  /// One row as spans (neighbouring cells of one tone share a span).
  func spans(row: Int) -> [Span] {
    var out: [Span] = []
    for column in 0..<columns {
      let (glyph, tone) = cells[row * columns + column]
      if let last = out.last, last.tone == tone {
        out[out.count - 1].text.append(glyph)
      } else {
        out.append(Span(String(glyph), tone))
      }
    }
    return out
  }
}
