import Foundation

/// The JSON coders of LossLab's own files (the progress file and progress exports): sorted,
/// indented keys, and times as ISO 8601 with milliseconds (plain ISO 8601 is read too, for files
/// written by hand).
enum TimestampJSON {
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(date.formatted(style))
    }
    return encoder
  }

  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      if let date = date(from: text) { return date }
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "is \"\(text.prefix(40))\"; expected an ISO 8601 time")
    }
    return decoder
  }

  /// A time as these files write it (ISO 8601 with milliseconds), or plain ISO 8601.
  static func date(from text: String) -> Date? {
    (try? style.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
  }

  private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
