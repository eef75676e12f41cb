import LossEngine
import LossLanguage
import LossShell

extension Renderer {
  // MARK: Welcome

  func layoutWelcome(_ welcome: Welcome) -> [Line] {
    var lines: [Line] = []
    lines += Wrapper.wrap([Span(text(welcome.title), .heading)], width: width, indent: 1)
    lines += prose(welcome.paragraph, indent: 1)
    if let resume = welcome.resume {
      lines.append(Line())
      lines += Wrapper.wrap([Span(text(resume), .accent)], width: width, indent: 1)
    }
    lines.append(Line())
    lines += menu(welcome.suggestions)
    lines.append(Line())
    return lines
  }

  /// Suggestions as `input  effect` cells, two per row when they fit.
  private func menu(_ suggestions: [Welcome.Suggestion]) -> [Line] {
    let inputWidth = suggestions.map { text($0.input).count }.max() ?? 0
    let effectWidth = suggestions.map { text($0.effect).count }.max() ?? 0
    let cell = inputWidth + 3 + effectWidth
    let perRow = 3 + cell * 2 + 3 <= width ? 2 : 1
    var lines: [Line] = []
    var index = 0
    while index < suggestions.count {
      var line = Line("   ")
      for column in 0..<perRow where index + column < suggestions.count {
        let suggestion = suggestions[index + column]
        if column > 0 { line = line.padded(to: 3 + (cell + 3) * column) }
        line.add(text(suggestion.input), .name)
        line = line.padded(to: 3 + (cell + 3) * column + inputWidth + 3)
        line.add(text(suggestion.effect), .dim)
      }
      index += perRow
      if line.width <= width {
        lines.append(line)
      } else {
        // Too narrow even for one cell: the effect goes under its input.
        for column in 0..<perRow where index - perRow + column < suggestions.count {
          let suggestion = suggestions[index - perRow + column]
          lines.append(fit(Line([Span("   "), Span(text(suggestion.input), .name)])))
          lines += Wrapper.wrap([Span(text(suggestion.effect), .dim)], width: width, indent: 5)
        }
      }
    }
    return lines
  }

  // MARK: Values

  func layoutValue(name: String?, _ value: Value) -> [Line] {
    var lead = Line()
    if let name {
      lead.add(name, .name)
      lead.add(" = ")
    }
    if case .tensor(let tensor) = value, tensor.rank == 2, tensor.rows > 1 {
      let oneLine = summary(tensor)
      if lead.width + oneLine.count > width || tensor.rows > 6 {
        return matrixLines(tensor, lead: lead)
      }
    }
    let body = summary(value)
    let tone: Tone = value.tensor?.storage.contains { !$0.isFinite } == true ? .bad : .value
    return Wrapper.wrap(
      lead.spans + [Span(text(body), tone)], width: width, hanging: min(lead.width, width / 2))
  }

  /// A matrix one row per line under its name, long ones summarised.
  private func matrixLines(_ tensor: Tensor, lead: Line) -> [Line] {
    guard case .matrix(let rows) = tensor.nested else { return [fit(lead)] }
    let margin = String(repeating: " ", count: lead.width + 1)
    let shown: [(Int, [Double])] =
      rows.count > 8
      ? Array(rows.enumerated().prefix(4)) + Array(rows.enumerated().suffix(2))
      : Array(rows.enumerated())
    var lines: [Line] = []
    for (position, (index, row)) in shown.enumerated() {
      if position > 0, index != shown[position - 1].0 + 1 {
        lines.append(
          fit(
            Line(
              margin + "\(glyphs.verticalEllipsis) \(index - shown[position - 1].0 - 1) more rows",
              .dim)))
      }
      var line = position == 0 ? lead : Line(margin)
      line.add(position == 0 ? "[" : "")
      line.add(
        "[" + summarisedElements(row, limit: 8) + "]" + (index == rows.count - 1 ? "]" : ","),
        .value)
      lines.append(fit(line))
    }
    if rows.count > 8 { lines.append(Line(margin + "(\(tensor.shapeDescription))", .dim)) }
    return lines
  }

  func layoutDefined(_ function: FunctionInfo) -> [Line] {
    var spans = [Span("defined "), Span(function.signature, .name)]
    if let first = function.parameters.first {
      spans.append(
        Span(text(" — calling it shows its value and its slope with respect to \(first)"), .dim))
    }
    return Wrapper.wrap(spans, width: width, hanging: 2)
  }

  // MARK: vars

  func layoutVariables(_ listing: VariablesListing) -> [Line] {
    var lines: [Line] = []
    if !listing.variables.isEmpty {
      lines.append(Line("Variables", .heading))
      let nameWidth = min(listing.variables.map(\.name.count).max() ?? 0, width / 3)
      let shapeWidth = listing.variables.map { $0.value.shapeDescription.count }.max() ?? 0
      for variable in listing.variables {
        var line = Line("  ")
        line.add(String(variable.name.prefix(max(nameWidth, 1))), .name)
        line = line.padded(to: 2 + nameWidth + 2)
        line.add(variable.value.shapeDescription, .dim)
        line = line.padded(to: 2 + nameWidth + 2 + shapeWidth + 2)
        line.add(text(summary(variable.value)), .value)
        lines.append(fit(line))
      }
    }
    if !listing.functions.isEmpty {
      lines.append(Line("Functions", .heading))
      for function in listing.functions {
        lines += Wrapper.wrap(
          [Span(text(function.source), .name)], width: width, indent: 2, hanging: 6)
      }
    }
    if !listing.watches.isEmpty {
      lines.append(Line("Watching", .heading))
      for (index, source) in listing.watches.enumerated() {
        lines.append(fit(Line([Span("  \(index + 1)  ", .dim), Span(text(source))])))
      }
    }
    return lines
  }

  // MARK: history

  func layoutHistory(first: Int, _ entries: [String]) -> [Line] {
    let numberWidth = String(first + max(entries.count - 1, 0)).count
    return entries.enumerated().map { offset, entry in
      let number = String(first + offset)
      let padding = String(repeating: " ", count: numberWidth - number.count)
      return fit(Line([Span("  " + padding + number + "  ", .dim), Span(entry)]))
    }
  }
}
