import Foundation
import Testing

/// Every ```lua block of the user documentation runs on a fresh demo sandbox.
@Suite struct DocsTests {
    static func blocks(of page: String) throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/\(page)")
        let text = try String(contentsOf: url, encoding: .utf8)
        var blocks: [String] = [], current: [String]? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```lua" { current = []; continue }
            if let block = current, line == "```" { blocks.append(block.joined(separator: "\n")); current = nil; continue }
            current?.append(String(line))
        }
        return blocks
    }

    @Test(arguments: [("lua-api.md", 15), ("getting-started.md", 4), ("cookbook.md", 9)])
    func everyExampleRuns(page: String, atLeast: Int) async throws {
        let blocks = try Self.blocks(of: page)
        #expect(blocks.count >= atLeast)
        for (i, block) in blocks.enumerated() {
            let h = LuaHarness()
            // print goes nowhere: the examples check themselves with assert.
            let message = try await h.failure("print = function() end\n" + block + "\nerror('ok', 0)")
            #expect(message == "ok", "lua block \(i + 1) of docs/\(page):\n\(block)")
        }
    }
}

