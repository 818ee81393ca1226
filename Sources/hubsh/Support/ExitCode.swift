/// The exit statuses of design.md, the contract that cron jobs and CI rely on.
enum ExitCode: Int32 {
    case ok = 0
    case scriptError = 1
    case usage = 2
    case configuration = 3
    case lockHeld = 75
    case timeout = 124
    case interrupted = 130
}

/// An error that ends the command with a message and a status.
struct CommandError: Error, CustomStringConvertible {
    var message: String
    var exitCode: ExitCode

    static func usage(_ message: String) -> CommandError { CommandError(message: message, exitCode: .usage) }

    var description: String { message }
}
