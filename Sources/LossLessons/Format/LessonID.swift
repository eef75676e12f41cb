/// A lesson's id: `^[a-z0-9][a-z0-9-]{0,47}$`.
///
/// Ids come from files a teacher (or anyone) wrote, and from what a learner types, and they may
/// one day name files (recaps, exports), so a `LessonID` can only ever hold a safe path
/// component: no `/`, no `..`, no leading dot or dash, nothing longer than 48 characters.
public struct LessonID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public static let maximumLength = 48

  public let rawValue: String

  /// The id if `text` is already a valid id, otherwise nil.
  public init?(validating text: String) {
    guard Self.isValid(text) else { return nil }
    rawValue = text
  }

  /// A valid id derived from arbitrary text: lowercased, every other character turned into `-`,
  /// leading dashes dropped, cut to 48 characters. Nil when nothing usable is left.
  public init?(sanitizing text: String) {
    var characters: [Character] = []
    for scalar in text.lowercased().unicodeScalars {
      if Self.isIDCharacter(scalar) {
        characters.append(Character(scalar))
      } else if characters.last != "-" {
        characters.append("-")
      }
    }
    let trimmed = String(characters.drop(while: { $0 == "-" }).prefix(Self.maximumLength))
    guard Self.isValid(trimmed) else { return nil }
    rawValue = trimmed
  }

  /// Safe to use as one path component: the id itself, which validation already made safe.
  public var pathComponent: String { rawValue }

  public var description: String { rawValue }

  public static func < (lhs: LessonID, rhs: LessonID) -> Bool { lhs.rawValue < rhs.rawValue }

  static func isValid(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first, scalars.count <= maximumLength, first != "-" else {
      return false
    }
    return scalars.allSatisfy(isIDCharacter)
  }

  private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
  }
}
