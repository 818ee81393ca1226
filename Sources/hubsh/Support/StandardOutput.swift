import Foundation
import LuaKit

/// Where hubsh writes: results to standard output, messages to standard error as
/// `hubsh: <message>` (as lua.c's `l_message` does for `lua:`).
struct StandardOutput {
    // Lua's io.write and print go through C's buffered stdout; flush it first so that
    // what a script wrote comes out before what hubsh prints after it, in a pipe too.
    func line(_ text: String) {
        fflush(nil)  // every C stream; naming stdout is not concurrency-safe in Swift 6
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func error(_ text: String, prefixed: Bool = true) {
        fflush(nil)
        FileHandle.standardError.write(Data(((prefixed ? "hubsh: " : "") + text + "\n").utf8))
    }

    /// Prints results readably, or as JSON (one document per value) with `--json`.
    func print(results: [LuaValue], json: Bool, in lua: LuaState) throws {
        guard json else {
            // A string result goes out byte for byte (binary data, Latin-1 text), as
            // lua.c's print would write it; everything else as ValuePrinter shows it.
            var out = Data()
            for (i, value) in results.enumerated() {
                if i > 0 { out.append(0x09) }
                switch value {
                case .bytes(let bytes): out.append(contentsOf: bytes)
                default: out.append(contentsOf: ValuePrinter().format(results: [value]).utf8)
                }
            }
            out.append(0x0A)
            fflush(nil)
            FileHandle.standardOutput.write(out)
            return
        }
        for value in results {
            lua.stack.push(value)
            defer { lua.stack.pop() }
            let bytes = try LuaJSON.encode(lua.stack, at: -1, pretty: true)
            line(String(decoding: bytes, as: UTF8.self))
        }
    }
}
