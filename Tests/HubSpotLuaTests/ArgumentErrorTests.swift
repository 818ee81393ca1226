import Testing

/// Misuse fails before any request, in Lua's own wording, with the script's line.
@Suite struct ArgumentErrorTests {
    let h = LuaHarness()

    static let cases: [(String, String)] = [
        ("hubspot.contacts:create('x')", "test:1: bad argument #1 to 'create' (table expected, got string)"),
        ("hubspot.contacts:get()", "test:1: bad argument #1 to 'get' (string expected, got no value)"),
        ("hubspot.contacts:get({})", "test:1: bad argument #1 to 'get' (string expected, got table)"),
        ("hubspot.contacts:get('1', { propertys = {'a'} })", "test:1: bad argument #2 to 'get' (invalid option 'propertys')"),
        ("hubspot.contacts:list{ limit = 'ten' }", "test:1: bad argument #1 to 'list' (option 'limit' must be an integer, got string)"),
        ("hubspot.contacts:update('1', 'x')", "test:1: bad argument #2 to 'update' (table expected, got string)"),
        ("hubspot.contacts:create{ email = {} }", "test:1: bad argument #1 to 'create' (property 'email' must be a string, number, boolean or hubspot.null, got table)"),
        ("hubspot.contacts:search{ where = { amount = { gtt = 1 } } }", "test:1: bad argument #1 to 'search' (unknown filter operator 'gtt' on 'amount')"),
        ("hubspot.contacts:search{ where = 'x' }", "test:1: bad argument #1 to 'search' (option 'where' must be a table, got string)"),
        ("hubspot.contacts:count{ sort = 'x' }", "test:1: bad argument #1 to 'count' (invalid option 'sort')"),
        ("hubspot.contacts:find{ where = { a = { between = { 1 } } } }", "test:1: bad argument #1 to 'find' ('between' on 'a' needs {low, high})"),
        ("hubspot.object('contactz!')", "test:1: bad argument #1 to 'object' (unknown object type 'contactz!')"),
        ("hubspot.object(42)", "test:1: bad argument #1 to 'object' (unknown object type '42')"),
        ("hubspot.contacts:associate('1', 'wid gets', '2')", "test:1: bad argument #2 to 'associate' (unknown object type 'wid gets')"),
        ("hubspot.object('')", "test:1: bad argument #1 to 'object' (unknown object type '')"),
        ("hubspot.contacts:upsert_many({ { email = 'a@b.c' } })", "test:1: bad argument #2 to 'upsert_many' (option 'id_property' is required (the unique property to match on))"),
        ("hubspot.contacts:get_many('1')", "test:1: bad argument #1 to 'get_many' (table expected, got string)"),
        ("hubspot.contacts.get('1')", "test:1: bad argument #1 to 'get' (hubspot.Collection expected, got string)"),
        ("hubspot.parallel(1)", "test:1: bad argument #1 to 'parallel' (function expected, got number)"),
        ("hubspot.map({}, 'f')", "test:1: bad argument #2 to 'map' (function expected, got string)"),
        ("hubspot.map({}, print, { concurrency = 0 })", "test:1: bad argument #3 to 'map' (option 'concurrency' must be at least 1)"),
        ("hubspot.request{ path = '/x', methd = 'GET' }", "test:1: bad argument #1 to 'request' (invalid option 'methd')"),
        ("hubspot.connect{}", "test:1: bad argument #1 to 'connect' (one of 'profile', 'token' or 'sandbox' is required)"),
        ("hubspot.lists.create{ object_type = 'contacts' }", "test:1: bad argument #1 to 'create' (option 'name' is required)"),
    ]

    @Test(arguments: cases) func wording(code: String, expected: String) async throws {
        #expect(try await h.failure(code) == expected)
    }

    @Test func noRequestIsSentOnMisuse() async throws {
        let counter = CountingTransport.Box()
        let h = LuaHarness(wrap: { CountingTransport($0, counter) })
        _ = try await h.failure("hubspot.contacts:search{ where = { amount = { gtt = 1 } } }")
        _ = try await h.failure("hubspot.contacts:create{ email = {} }")
        #expect(counter.total == 0)
    }
}
