/// Text from outside (lesson files, file names, progress, the environment) made safe to print.
///
/// A terminal obeys control characters: ESC starts sequences that retitle the window, clear the
/// screen or hide what follows, CR overwrites a line, bidirectional overrides reorder it. Text
/// that did not come from LossLab itself goes through `sanitized` before it is shown (the lesson
/// loader does it when it reads a file, the renderer again at its output boundary), so a file
/// can never drive the terminal. Control characters are made visible rather than dropped, so a
/// teacher sees what their file holds: ESC as `^[`, BEL as `^G`, DEL as `^?`, C1 controls and
/// bidirectional controls as `<U+009B>`; a tab becomes a space.
public enum PrintableText {
  /// `text` with every control character made visible; newlines are kept when
  /// `keepingNewlines` (multi-line lesson text) and shown as `^J` otherwise (titles, names).
  /// A line or paragraph separator (U+2028, U+2029) counts as a newline.
  public static func sanitized(_ text: String, keepingNewlines: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if !needsReplacing(scalar) {
        out.append(scalar)
      } else if scalar == "\n" || scalar == "\u{2028}" || scalar == "\u{2029}" {
        out.append(contentsOf: (keepingNewlines ? "\n" : "^J").unicodeScalars)
      } else if scalar == "\t" {
        out.append(" ")
      } else {
        out.append(contentsOf: visible(scalar).unicodeScalars)
      }
    }
    return String(out)
  }

  /// The first character `sanitized` would make visible (newlines and tabs aside), with its
  /// offset in Unicode scalars, for fields where one is an error rather than something to show
  /// (expressions, ids).
  public static func firstControlCharacter(in text: String) -> (offset: Int, shown: String)? {
    for (offset, scalar) in text.unicodeScalars.enumerated()
    where needsReplacing(scalar) && scalar != "\n" && scalar != "\t" {
      return (offset, visible(scalar))
    }
    return nil
  }

  private static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
    default: false
    }
  }

  private static func visible(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00...0x1F: "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
    case 0x7F: "^?"
    default:
      "<U+" + String(repeating: "0", count: max(0, 4 - hex(scalar).count)) + hex(scalar) + ">"
    }
  }

  private static func hex(_ scalar: Unicode.Scalar) -> String {
    String(scalar.value, radix: 16, uppercase: true)
  }
}
