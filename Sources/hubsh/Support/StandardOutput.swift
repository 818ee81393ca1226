import Foundation
import LuaKit

/// Where hubsh writes: results to standard output, messages to standard error as
/// `hubsh: <message>` (as lua.c's `l_message` does for `lua:`).
struct StandardOutput {
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func error(_ text: String, prefixed: Bool = true) {
        FileHandle.standardError.write(Data(((prefixed ? "hubsh: " : "") + text + "\n").utf8))
    }

    /// Prints results readably, or as JSON (one document per value) with `--json`.
    func print(results: [LuaValue], json: Bool, in lua: LuaState) throws {
        guard json else {
            line(ValuePrinter().format(results: results))
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
