import Foundation
import LuaKit

/// Runs a script file or a `-e` chunk to completion and decides the exit status.
struct ScriptRunner {
    var options: GlobalOptions
    var output = StandardOutput()

    /// `hubsh run FILE ARGS...`: `arg` and `...` as lua(1) gives them.
    func run(file: String, arguments: [String]) -> ExitCode {
        execute(before: ["hubsh", "run"], script: file, arguments: arguments) { lua in
            guard file == "-" || FileManager.default.isReadableFile(atPath: file) else {
                throw CommandError(message: "cannot open \(file): \(Self.reason(path: file))", exitCode: .scriptError)
            }
            return try lua.run(file: file, arguments: arguments.map { .string($0) })
        }
    }

    /// `hubsh -e CODE ARGS...`: prints what CODE returns.
    func evaluate(code: String, arguments: [String]) -> ExitCode {
        execute(before: ["hubsh", "-e", code], script: "", arguments: arguments, printResults: true) { lua in
            try lua.load(code, chunkName: "=(command line)")
            try lua.reserve(arguments.count)
            for argument in arguments { lua.stack.push(argument) }
            return try lua.callLoaded(arguments: Int32(arguments.count))
        }
    }

    private func execute(before: [String], script: String, arguments: [String], printResults: Bool = false,
                         _ body: (LuaState) throws -> [LuaValue]) -> ExitCode {
        do {
            let lua = try LuaEnvironment.make(options: options)
            LuaEnvironment.setArguments(lua, before: before, script: script, arguments: arguments)
            lua.trapInterruptSignal(secondKills: true)
            defer { lua.releaseInterruptSignal() }
            let results = try body(lua)
            if printResults && !results.isEmpty { try output.print(results: results, json: options.json, in: lua) }
            return .ok
        } catch let error as LuaError {
            output.error(error.message)
            if let traceback = error.traceback, traceback != error.message, options.verbose || error.kind == .runtime {
                output.error(Self.tracebackOnly(traceback, message: error.message), prefixed: false)
            }
            switch error.kind {
            case .interrupted: return .interrupted
            case .budget: return .timeout
            default: return .scriptError
            }
        } catch let error as CommandError {
            output.error(error.message)
            return error.exitCode
        } catch {
            output.error(String(describing: error))
            return .scriptError
        }
    }

    /// The traceback without its first line, which repeats the message.
    static func tracebackOnly(_ traceback: String, message: String) -> String {
        traceback.hasPrefix(message) ? String(traceback.dropFirst(message.count).drop { $0 == "\n" }) : traceback
    }

    static func reason(path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "No such file or directory" }
        return isDirectory.boolValue ? "Is a directory" : "Permission denied"
    }
}
