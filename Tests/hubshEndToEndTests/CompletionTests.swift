import LuaKit
import Testing
@testable import hubsh

/// Tab completion on a live state (the REPL's completer, without a terminal).
@Suite struct CompletionTests {
    @Test func globalsFieldsAndMethods() throws {
        let lua = try LuaEnvironment.make(options: GlobalOptions(sandbox: true))
        let completion = Completion(lua: lua)
        #expect(completion.complete("x = str").candidates == ["string"])
        #expect(completion.complete("string.up").candidates == ["string.upper"])
        #expect(completion.complete("hubspot.con").candidates.contains("hubspot.contacts"))
        #expect(completion.complete("hubspot.contacts:upd").candidates == ["hubspot.contacts:update", "hubspot.contacts:update_many"])
        try lua.run("config = { debug = true, name = 'x' } s = 'text'", chunkName: "=t")
        #expect(completion.complete("config.de").candidates == ["config.debug"])
        #expect(completion.complete("config.debug.").candidates == [])
        #expect(completion.complete("s:up").candidates == ["s:upper"])
        #expect(completion.complete("nothing.here.").candidates == [])
    }
}
