import Foundation
import LineEditor
import LuaKit

/// The interactive loop, after lua.c: an expression is tried as `return <line>` first,
/// an unfinished chunk (a syntax error at `<eof>`) asks for more lines with `>> `, the
/// history gets whole chunks only, and Ctrl-C stops the running chunk and comes back
/// to the prompt with the state intact.
final class REPL {
    static let prompt = "> "
    static let continuationPrompt = ">> "

    private let options: GlobalOptions
    private let output = StandardOutput()
    private let reader: LineReader

    init(options: GlobalOptions, reader: LineReader? = nil) {
        self.options = options
        self.reader = reader ?? REPL.defaultReader()
    }

    func run() -> ExitCode {
        let lua: LuaState
        do {
            lua = try LuaEnvironment.make(options: options)
        } catch let error as CommandError {
            output.error(error.message)
            return error.exitCode
        } catch {
            output.error(String(describing: error))
            return .scriptError
        }
        LuaEnvironment.setArguments(lua, before: [], script: "hubsh", arguments: [])
        if let editor = reader as? LineEditor { editor.completer = Completion(lua: lua).complete }
        if !options.quiet && isatty(STDIN_FILENO) != 0 {
            output.line("\(Usage.version). Ctrl-D leaves, Ctrl-C stops a running chunk.")
        }
        lua.trapInterruptSignal(secondKills: false)
        defer { lua.releaseInterruptSignal() }
        while let chunk = readChunk(lua) {
            reader.addHistory(chunk)
            execute(lua)
        }
        return .ok
    }

    /// Reads lines until they form a chunk that compiles (left on the stack) or fails
    /// with an error other than an unfinished one (reported, then the next chunk is read).
    /// Returns the chunk's text, or nil at end of input.
    private func readChunk(_ lua: LuaState) -> String? {
        while true {
            guard case .line(let first) = readLine(prompt: REPL.prompt) else {
                if case .end = lastRead { return nil }
                output.line("")  // Ctrl-C at the prompt: drop the line, prompt again below it
                continue
            }
            var text = first.hasPrefix("=") ? "return " + first.dropFirst() : first
            if (try? lua.load("return " + text + ";", chunkName: "=stdin")) != nil { return text }
            while true {
                do {
                    try lua.load(text, chunkName: "=stdin")
                    return text
                } catch let error as LuaError where error.isIncompleteInput {
                    guard case .line(let more) = readLine(prompt: REPL.continuationPrompt) else {
                        if case .end = lastRead { return nil }
                        output.line("")  // Ctrl-C drops the unfinished chunk
                        break
                    }
                    text += "\n" + more
                } catch {
                    output.error(String(describing: error), prefixed: false)
                    reader.addHistory(text)
                    break
                }
            }
        }
    }

    private var lastRead: LineReadResult = .end

    private func readLine(prompt: String) -> LineReadResult {
        lastRead = reader.readLine(prompt: prompt)
        return lastRead
    }

    /// Runs the chunk on the stack and prints its results or its error.
    private func execute(_ lua: LuaState) {
        do {
            let results = try lua.callLoaded(arguments: 0)
            if !results.isEmpty { try output.print(results: results, json: options.json, in: lua) }
        } catch let error as LuaError {
            var text = error.message
            if let traceback = error.traceback, error.kind == .runtime {
                text += "\n" + ScriptRunner.tracebackOnly(traceback, message: error.message)
            }
            output.error(text, prefixed: false)
        } catch {
            output.error(String(describing: error), prefixed: false)
        }
    }

    private static func defaultReader() -> LineReader {
        guard isatty(STDIN_FILENO) != 0 else { return PlainLineReader(showPrompt: false) }
        let history = ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.hubsh_history" }
        return LineEditor(program: "hubsh", historyFile: history) ?? PlainLineReader(showPrompt: true)
    }
}
