import Foundation

// hubsh's entry point: parse, dispatch, exit with the status of design.md.
let invocation: Invocation
do {
    invocation = try ArgumentParser.parse(Array(CommandLine.arguments.dropFirst()))
} catch let error as CommandError {
    StandardOutput().error(error.message)
    exit(error.exitCode.rawValue)
}

let status: ExitCode
switch invocation.command {
case .help:
    StandardOutput().line(Usage.text)
    status = .ok
case .version:
    StandardOutput().line(Usage.version)
    status = .ok
case .run(let file, let arguments):
    status = ScriptRunner(options: invocation.options).run(file: file, arguments: arguments)
case .evaluate(let code, let arguments):
    status = ScriptRunner(options: invocation.options).evaluate(code: code, arguments: arguments)
case .sandboxServe(let options):
    status = SandboxServeCommand(options: options).run()
case .repl:
    status = REPL(options: invocation.options).run()
}
exit(status.rawValue)
