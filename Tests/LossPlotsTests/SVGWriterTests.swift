import Foundation
import LossPlots
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Collects the elements and attributes of an XML document.
final class ElementCollector: NSObject, XMLParserDelegate {
  var elements: [(name: String, attributes: [String: String])] = []
  var text = ""

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    elements.append((elementName, attributes))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

func parse(_ svg: String) throws -> ElementCollector {
  let parser = XMLParser(data: Data(svg.utf8))
  let collector = ElementCollector()
  parser.delegate = collector
  guard parser.parse() else {
    throw Failure("not XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
  }
  return collector
}

@Suite("SVG writer")
struct SVGWriterTests {
  @Test("a function plot parses as XML and its polyline holds every sampled point")
  func functionPlot() throws {
    let result = try plot("plot([mse(e, 0), mae(e, 0)], e, -3, 3)")
    let document = try parse(SVGWriter.document(result))
    #expect(document.elements.first?.name == "svg")
    #expect(document.elements.first?.attributes["viewBox"] == "0 0 640 400")
    let lines = document.elements.filter { $0.name == "polyline" }
    #expect(lines.count == 2)
    let points = lines[0].attributes["points"]?.split(separator: " ") ?? []
    #expect(points.count == 241)
    // e = -3 → 9 is the top-left corner of the drawing area, e = 3 → 9 the top-right.
    #expect(points.first == "70,40" && points.last == "620,40")
    #expect(document.text.contains("mse(e, 0)") && document.text.contains("mae(e, 0)"))
    #expect(!SVGWriter.document(result).contains("href"))
  }

  @Test("a landscape has a cell per grid point, a star and the current point")
  func landscape() throws {
    let result = try plot(
      "landscape(w^2 + b^2, w, -1, 1, b, -1, 1, path=[[1, 1], [0.5, 0.5], [0, 0]])",
      setup: ["w = 0.5", "b = -0.5"])
    let document = try parse(SVGWriter.document(result))
    #expect(document.elements.filter { $0.name == "rect" }.count == 1 + 60 * 20)
    #expect(document.elements.filter { $0.name == "polygon" }.count == 1)
    #expect(document.elements.filter { $0.name == "circle" }.count >= 1)
    #expect(
      document.elements.filter { $0.name == "polyline" }.first?.attributes["points"]?.split(
        separator: " "
      ).count == 3)
  }

  @Test("text with markup characters is escaped")
  func escaping() throws {
    let result = try plot("plot(where(e < 0, 1, 2), e, -1, 1)")
    let document = try parse(SVGWriter.document(result))
    #expect(document.text.contains("where(e < 0, 1, 2)"))
  }

  @Test("a huge scatter or curve writes what the canvas can show, not a mark per point")
  func hugeSeriesAreThinned() throws {
    let setup = ["x = linspace(0, 1, 200000)", "y = sin(x * 50)"]
    let scatter = SVGWriter.document(try plot("scatter(x, y)", setup: setup))
    let circles = try parse(scatter).elements.filter { $0.name == "circle" }
    // 200,000 points along a sine wave cover some thousand pixels of the 550×300 area.
    #expect(circles.count > 500 && circles.count < 20_000)
    #expect(scatter.utf8.count < 2_000_000)
    let curve = SVGWriter.document(try plot("curve(y)", setup: setup))
    let points =
      try parse(curve).elements.first { $0.name == "polyline" }?
      .attributes["points"]?.split(separator: " ").count ?? 0
    // At most the first, lowest, highest and last point of each of the 550 pixel columns.
    #expect(points > 550 && points <= 4 * 551)
  }
}
