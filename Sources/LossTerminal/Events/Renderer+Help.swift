import LossShell

extension Renderer {
  func layoutHelp(_ page: HelpPage) -> [Line] {
    var heading = Line(text(page.usage), .strong)
    switch page.kind {
    case .builtin(let category): heading.add("   " + category, .dim)
    case .command(let group):
      heading.add("   " + (group == "shell" ? "command" : "\(group) command"), .dim)
    case .function: heading.add("   your function", .dim)
    case .topic: break
    }
    var lines = [fit(heading)]
    lines += prose(page.summary, indent: 2)
    for paragraph in page.details { lines += prose(paragraph, indent: 2) }
    if !page.example.isEmpty {
      lines.append(Line())
      lines.append(Line([Span("  "), Span("Example", .heading)]))
      for line in page.example {
        lines += Wrapper.wrap(
          [Span("    losslab> ", .dim), Span(text(line))], width: width, hanging: min(13, width / 3)
        )
      }
      for result in page.exampleResult {
        lines += Wrapper.wrap([Span(text(result), .value)], width: width, indent: 4)
      }
    }
    return lines
  }

  /// Sections of `usage  summary` rows (one line each, cut to the width), or grids of names.
  /// Below 50 columns a summary goes under its usage instead of beside it.
  func layoutHelpIndex(_ index: HelpIndex) -> [Line] {
    var lines: [Line] = []
    let usageWidth = min(
      index.sections.filter { !$0.namesOnly }.flatMap(\.entries).map { text($0.usage).count }.max()
        ?? 0, width / 3)
    let stacked = width < 50
    for section in index.sections {
      lines.append(Line(section.title, .heading))
      if section.namesOnly {
        lines += flow(section.entries.map { text($0.name) }, indent: 2)
        continue
      }
      for entry in section.entries {
        let usage = text(entry.usage)
        if stacked || usage.count > usageWidth {
          lines.append(fit(Line([Span("  "), Span(usage, .name)])))
          lines += Wrapper.wrap([Span(text(entry.summary), .dim)], width: width, indent: 6)
        } else {
          var line = Line([Span("  "), Span(usage, .name)]).padded(to: 2 + usageWidth + 2)
          line.add(text(entry.summary), .dim)
          lines.append(fit(line))
        }
      }
    }
    return lines
  }

  /// Names in a row, two spaces apart, continued on the next line when the width runs out.
  func flow(_ names: [String], indent: Int) -> [Line] {
    var lines: [Line] = []
    var line = Line(String(repeating: " ", count: indent))
    var empty = true
    for name in names {
      if !empty, line.width + 2 + name.count > width {
        lines.append(line)
        line = Line(String(repeating: " ", count: indent))
        empty = true
      }
      if !empty { line.add("  ") }
      line.add(name, .name)
      empty = false
    }
    if !empty { lines.append(fit(line)) }
    return lines
  }
}
