// A test helper for the progress store's crash and concurrency tests (not shipped to learners):
//
//   progress-writer FOLDER LEARNER LESSON COUNT
//
// Saves progress COUNT times (0: until killed) through `ProgressStore`, each save adding one
// attempt to LESSON and moving LEARNER to the next step, and prints "saved N" after each, so a
// test can kill it with SIGKILL mid-save and then check that the file is whole.
import Foundation
import LossLessons

let arguments = CommandLine.arguments
guard arguments.count == 5, let lesson = LessonID(validating: arguments[3]),
  let count = Int(arguments[4]), count >= 0
else {
  FileHandle.standardError.write(Data("usage: progress-writer FOLDER LEARNER LESSON COUNT\n".utf8))
  exit(2)
}
let store = ProgressStore(folder: URL(fileURLWithPath: arguments[1], isDirectory: true))
let learner = arguments[2]

var saves = 0
while count == 0 || saves < count {
  do {
    try store.update(learner: learner) { progress in
      let now = Date()
      progress.recordAttempt(in: lesson, at: now)
      progress.move(to: saves + 1, in: lesson, at: now)
    }
  } catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
  }
  saves += 1
  // Unbuffered, so the test sees each save as it happens.
  FileHandle.standardOutput.write(Data("saved \(saves)\n".utf8))
}
