import LossLanguage

extension LessonRun {
  /// A pick by number (or letter): the option's feedback, and done when it is correct.
  mutating func tryChoice(_ line: String, _ choose: ChooseStep) -> [LessonEvent] {
    let count = state.optionOrder.count
    let picked: Int?
    if let number = Int(line), (1...count).contains(number) {
      picked = number - 1
    } else if line.count == 1, let letter = line.lowercased().unicodeScalars.first,
      letter.value >= 97, Int(letter.value) - 97 < count
    {
      picked = Int(letter.value) - 97
    } else {
      picked = nil
    }
    guard let picked else {
      return [.inputProblem("Type the number of your choice, from 1 to \(count).")]
    }
    state.tries += 1
    stats.recordAttempt(at: stepIndex)
    let option = choose.options[state.optionOrder[picked]]
    let words =
      option.feedback.map { render($0) } ?? (option.isCorrect ? "Correct." : "Not that one.")
    if option.isCorrect {
      state.isComplete = true
      return [.feedback(words, tone: .good), .stepComplete]
    }
    stats.recordMisconception(option.text.text, at: stepIndex)
    return [.feedback(words + " Try another.", tone: .bad)]
  }
}
