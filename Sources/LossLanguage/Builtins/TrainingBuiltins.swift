import LossEngine

extension BuiltinLibrary {
  static let trainingBuiltins: [Builtin] = [
    Builtin(
      name: "train", category: .calculus, parameters: [.init("loss")], isVariadic: true,
      summary:
        "train(LOSS, w, ..., lr=0.1, steps=100, optimizer=\"sgd\"): learns w, … by descending LOSS; gives the loss curve",
      example: "x = [1, 2, 3]\ny = [2, 4, 6]\nw = 0\ntrain(mse(w * x, y), w, lr=0.1, steps=5)",
      options: ["lr", "steps", "optimizer", "val", "until", "every"]
    ) { evaluator, arguments throws(LanguageError) in try evaluator.train(arguments) },
    Builtin(
      name: "step", category: .calculus, parameters: [.init("loss")], isVariadic: true,
      summary:
        "step(LOSS, w, ..., lr=0.1): one update w ← w − lr·∂LOSS/∂w, every number shown; gives the new loss",
      example: "x = [1, 2, 3]\ny = [2, 4, 6]\nw = 0\nstep(mse(w * x, y), w, lr=0.1)",
      options: ["lr"]
    ) { evaluator, arguments throws(LanguageError) in try evaluator.step(arguments) },
  ]
}
