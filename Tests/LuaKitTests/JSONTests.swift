import Testing
@testable import LuaKit

@Suite struct JSONTests {
    let lua: LuaState
    init() throws { lua = try LuaState() }

    func run(_ code: String) throws -> [LuaValue] { try lua.run(code, chunkName: "=json") }

    @Test func decodesHubSpotShapes() throws {
        let results = try run("""
            local json = require "hubsh.json"
            local t = json.decode('{"id":"101","properties":{"email":"a@b.c","phone":null},"archived":false,"n":12,"f":1.5,"e":1e3,"list":[],"obj":{}}')
            return t.id, t.properties.email, t.properties.phone == json.null, t.archived, math.type(t.n), math.type(t.f), t.e, json.is_array(t.list), json.is_array(t.obj)
            """)
        #expect(results == [.string("101"), .string("a@b.c"), .boolean(true), .boolean(false), .string("integer"),
                            .string("float"), .number(1000), .boolean(true), .boolean(false)])
    }

    @Test func emptyArrayAndEmptyObjectSurviveARoundTrip() throws {
        #expect(try run("local json = require 'hubsh.json'; return json.encode(json.decode('{\"a\":[],\"b\":{}}'), {sort_keys = true})")
                == [.string(#"{"a":[],"b":{}}"#)])
        #expect(try run("local json = require 'hubsh.json'; return json.encode(json.array({})), json.encode({})") == [.string("[]"), .string("{}")])
    }

    @Test func nullSentinelEncodesAsNull() throws {
        #expect(try run("local json = require 'hubsh.json'; return json.encode({ x = json.null })") == [.string(#"{"x":null}"#)])
        #expect(try run("local json = require 'hubsh.json'; return json.decode('null') == json.null, json.decode('[null]', {null_as_nil = true})[1]")
                == [.boolean(true), .nil])
    }

    @Test func stringsWithEscapesAndUnicode() throws {
        let results = try run(#"""
            local json = require "hubsh.json"
            local s = json.decode('"a\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\\u0000z"')
            return s, #s, json.encode(s)
            """#)
        #expect(results[0] == .string("a\"b\\c\né😀\0z"))
        #expect(results[2] == .string(#""a\"b\\c\né😀\u0000z""#))
    }

    @Test func numbersKeepTheirSubtype() throws {
        #expect(try run("local json = require 'hubsh.json'; return json.encode({1, 2.5, -3, 1e20, 3.0})")
                == [.string("[1,2.5,-3,1e+20,3.0]")])
        #expect(try run("local json = require 'hubsh.json'; return math.type(json.decode('9007199254740993')), json.decode('-0'), json.decode('12345678901234567890')")
                == [.string("integer"), .integer(0), .number(1.2345678901234567e19)])
    }

    @Test(arguments: [
        ("{", "expected a string key at line 1 column 2 (found end of input)"),
        ("[1,]", "unexpected character at line 1 column 4 (found ']')"),
        ("{\"a\" 1}", "expected ':' at line 1 column 6 (found '1')"),
        ("[1]\n x", "unexpected data after the JSON value at line 2 column 2 (found 'x')"),
        ("\"\\x\"", "bad escape at line 1 column 4 (found '\"')"),
        ("01", "unexpected data after the JSON value at line 1 column 2 (found '1')"),
    ])
    func badInputSaysWhere(input: String, message: String) throws {
        lua.setGlobal("input", input)
        let results = try run("local json = require 'hubsh.json'; return pcall(json.decode, input)")
        #expect(results[0] == .boolean(false))
        #expect(results[1] == .string("json:1: " + message) || results[1].stringValue?.hasSuffix(message) == true)
    }

    @Test func unencodableValuesSayWhere() throws {
        let results = try run("local json = require 'hubsh.json'; return pcall(json.encode, { a = { b = print } })")
        #expect(results[0] == .boolean(false))
        #expect(results[1].stringValue?.contains("cannot encode a function value at .a.b") == true)
        let nan = try run("local json = require 'hubsh.json'; return pcall(json.encode, { 0/0 })")
        #expect(nan[1].stringValue?.contains("JSON has no NaN or infinity") == true)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let results = try run("local json = require 'hubsh.json'; return pcall(json.decode, string.rep('[', 100000))")
        #expect(results[0] == .boolean(false))
        #expect(results[1].stringValue?.contains("nested too deeply") == true)
    }

    @Test func prettyOutputIsSortedAndIndented() throws {
        #expect(try run("local json = require 'hubsh.json'; return json.encode({ b = 1, a = { 1, 2 } }, { pretty = true })")
                == [.string("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": 1\n}")])
    }
}
