import Foundation

/// The class report as text: an aligned table for the terminal, CSV for a spreadsheet,
/// Markdown for a handout or a wiki, JSON for a script.
extension ClassReport {
  public enum Format: String, CaseIterable, Sendable {
    case table, csv, markdown, json
  }

  public func formatted(_ format: Format) -> String {
    switch format {
    case .table: sections.map { $0.table() }.joined(separator: "\n")
    case .markdown: sections.map { $0.markdown() }.joined(separator: "\n")
    case .csv: csv()
    case .json: json()
    }
  }

  /// The report's parts in reading order, each a titled table with notes under it.
  var sections: [Section] {
    var overview = Section(
      title:
        "Class report: \(learners) learner\(learners == 1 ? "" : "s") (\(filesRead) file\(filesRead == 1 ? "" : "s") read)",
      header: ["lesson", "started", "finished", "median minutes", "hints", "skips"],
      rows: lessons.map { lesson in
        [
          lesson.title, String(lesson.started), String(lesson.finished),
          lesson.medianMinutes.map { String(format: "%.1f", $0) } ?? "—", String(lesson.hints),
          String(lesson.skips),
        ]
      })
    for duplicate in duplicates {
      overview.notes.append(
        "\(duplicate.learner) handed in more than once: used \(duplicate.kept) (the newest), ignored \(duplicate.ignored.joined(separator: ", "))."
      )
    }
    for file in skipped {
      overview.notes.append("skipped \(file.file): \(file.reason)")
    }
    let struggleSection = Section(
      title: "Where learners needed help (hint or skip)",
      header: ["lesson", "step", "learners helped", "took a hint", "skipped"],
      rows: struggles.map { trouble in
        [
          title(of: trouble.lesson), stepName(trouble.step, trouble.title),
          String(trouble.learnersHelped), String(trouble.learnersWithHints),
          String(trouble.learnersSkipped),
        ]
      },
      empty: "No learner took a hint or skipped a step.")
    let misconceptionSection = Section(
      title: "Most common wrong answers",
      header: ["lesson", "step", "wrong answer", "learners", "times"],
      rows: misconceptions.map { found in
        [
          title(of: found.lesson), String(found.step), found.name, String(found.learners),
          String(found.times),
        ]
      },
      empty: "No known wrong answer was given.")
    let who = Section(
      title: "Who finished what (✓ finished, a number: the step reached)",
      header: ["learner"] + lessonIDs,
      rows: rows.map { row in
        [row.learner]
          + lessonIDs.map { id in
            row.lessons[id].map { $0.finished ? "✓" : String($0.step) } ?? "·"
          }
      })
    return [overview, struggleSection, misconceptionSection, who]
  }

  private func title(of lesson: String) -> String {
    lessons.first { $0.id == lesson }?.title ?? lesson
  }

  private func stepName(_ step: Int, _ title: String?) -> String {
    title.map { "\(step) \($0)" } ?? String(step)
  }

  // MARK: CSV and JSON

  /// One table in long form, so a spreadsheet can filter and pivot it: a row per fact.
  private func csv() -> String {
    var lines = [["section", "lesson", "step", "learner", "item", "value"]]
    for lesson in lessons {
      lines.append(["lesson", lesson.id, "", "", "started", String(lesson.started)])
      lines.append(["lesson", lesson.id, "", "", "finished", String(lesson.finished)])
      if let minutes = lesson.medianMinutes {
        lines.append([
          "lesson", lesson.id, "", "", "median_minutes", String(format: "%.2f", minutes),
        ])
      }
      lines.append(["lesson", lesson.id, "", "", "hints", String(lesson.hints)])
      lines.append(["lesson", lesson.id, "", "", "skips", String(lesson.skips)])
    }
    for trouble in struggles {
      let step = String(trouble.step)
      lines.append([
        "help", trouble.lesson, step, "", "learners_helped", String(trouble.learnersHelped),
      ])
      lines.append([
        "help", trouble.lesson, step, "", "took_hint", String(trouble.learnersWithHints),
      ])
      lines.append(["help", trouble.lesson, step, "", "skipped", String(trouble.learnersSkipped)])
    }
    for found in misconceptions {
      lines.append([
        "wrong_answer", found.lesson, String(found.step), "", found.name, String(found.learners),
      ])
    }
    for row in rows {
      for id in lessonIDs {
        guard let state = row.lessons[id] else { continue }
        lines.append([
          "learner", id, String(state.step), row.learner, state.finished ? "finished" : "reached",
          "1",
        ])
      }
    }
    for file in skipped { lines.append(["skipped", "", "", "", file.file, file.reason]) }
    return lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
  private static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func json() -> String {
    let object: [String: Any] = [
      "format_version": 1,
      "learners": learners,
      "files_read": filesRead,
      "lessons": lessons.map { lesson -> [String: Any] in
        var entry: [String: Any] = [
          "id": lesson.id, "title": lesson.title, "started": lesson.started,
          "finished": lesson.finished, "hints": lesson.hints, "skips": lesson.skips,
        ]
        entry["median_minutes"] = lesson.medianMinutes ?? NSNull()
        return entry
      },
      "help": struggles.map {
        [
          "lesson": $0.lesson, "step": $0.step, "learners_helped": $0.learnersHelped,
          "took_hint": $0.learnersWithHints, "skipped": $0.learnersSkipped,
        ] as [String: Any]
      },
      "wrong_answers": misconceptions.map {
        [
          "lesson": $0.lesson, "step": $0.step, "name": $0.name, "learners": $0.learners,
          "times": $0.times,
        ] as [String: Any]
      },
      "learner_progress": rows.map { row -> [String: Any] in
        [
          "learner": row.learner,
          "lessons": row.lessons.mapValues { ["step": $0.step, "finished": $0.finished] },
        ]
      },
      "duplicates": duplicates.map {
        ["learner": $0.learner, "kept": $0.kept, "ignored": $0.ignored] as [String: Any]
      },
      "skipped": skipped.map { ["file": $0.file, "reason": $0.reason] },
    ]
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys]),
      let text = String(data: data, encoding: .utf8)
    else { return "{}\n" }
    return text + "\n"
  }
}

/// A titled table with notes, laid out as aligned text or Markdown.
struct Section {
  var title: String
  var header: [String]
  var rows: [[String]]
  var notes: [String] = []
  var empty: String?

  func table() -> String {
    var out = title + "\n"
    if rows.isEmpty, let empty {
      out += "  " + empty + "\n"
    } else {
      let all = [header] + rows
      let widths = header.indices.map { column in
        all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
      }
      for (index, row) in all.enumerated() {
        let cells = row.enumerated().map { column, cell in
          let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
          return column == 0 ? cell + pad : pad + cell
        }
        out += "  " + cells.joined(separator: "  ") + "\n"
        if index == 0 {
          out +=
            "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        }
      }
    }
    for note in notes { out += "  " + note + "\n" }
    return out
  }

  func markdown() -> String {
    var out = "## " + title + "\n\n"
    if rows.isEmpty, let empty {
      out += empty + "\n"
    } else {
      func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
          + " |\n"
      }
      out += line(header)
      out += "|" + header.indices.map { $0 == 0 ? "---|" : "---:|" }.joined() + "\n"
      for row in rows { out += line(row) }
    }
    if !notes.isEmpty { out += "\n" + notes.map { "- " + $0 + "\n" }.joined() }
    return out
  }
}
