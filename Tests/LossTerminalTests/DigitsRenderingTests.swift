import LossEngine
import LossLanguage
import LossShell
import LossTerminal
import Testing

/// The renderer's `digits` (the shell's `digits N`) reaches every value it shows.
@Suite("Rendering with more digits")
struct DigitsRenderingTests {
  @Test func seventeenDigitsShowTheDoubleItself() throws {
    var renderer = Renderer(style: .plain, width: 80)
    let value = ShellEvent.value(name: "x", .tensor(Tensor(scalar: 0.2875)))
    #expect(renderer.render(value).contains("x = 0.2875\n"))
    renderer.digits = 17
    #expect(renderer.render(value).contains("x = 0.28749999999999998"))
    let sum = ShellEvent.value(name: nil, .tensor(try Tensor(vector: [0.1 + 0.2, 1])))
    #expect(renderer.render(sum).contains("[0.30000000000000004, 1]"))
  }
}
