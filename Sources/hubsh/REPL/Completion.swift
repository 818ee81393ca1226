import LuaKit

/// Tab completion from the live state: globals, then fields and methods along a
/// dotted path (`hubspot.con` → `hubspot.contacts`, `s:up` → `s:upper`).
struct Completion {
    let lua: LuaState

    func complete(_ lineBeforeCursor: String) -> (word: String, candidates: [String]) {
        let word = String(lineBeforeCursor.reversed().prefix { $0.isLetter || $0.isNumber || "_.:".contains($0) }.reversed())
        var parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var methodSeparator = false
        if let last = parts.last, let colon = last.lastIndex(of: ":") {
            parts[parts.count - 1] = String(last[..<colon])
            parts.append(String(last[last.index(after: colon)...]))
            methodSeparator = true
        }
        let prefix = parts.removeLast()
        var value = LuaValue.table(globalsSnapshot())
        for name in parts {
            value = field(name, of: value)
        }
        let stem = word.dropLast(prefix.count)
        let names = keys(of: value, methods: methodSeparator).filter { $0.hasPrefix(prefix) }
        return (word, names.sorted().map { stem + $0 })
    }

    private func globalsSnapshot() -> LuaTable {
        lua.stack.pushGlobals()
        defer { lua.stack.pop() }
        var table = LuaTable()
        lua.stack.forEachPair(in: -1) {
            if let key = lua.stack.string(at: -2) { table[key] = .boolean(true) }
        }
        return table
    }

    private func field(_ name: String, of value: LuaValue) -> LuaValue {
        // Walk the real tables (with __index) so methods reached through metatables show.
        lua.stack.push(value)
        defer { lua.stack.pop() }
        if case .table(let t) = value, t[name] == .boolean(true) {
            return lua.global(name)
        }
        guard lua.stack.type(at: -1) == .table || lua.stack.type(at: -1) == .userdata else { return .nil }
        lua.stack.push(name)
        guard (try? lua.stack.getTable(at: -2)) != nil else { return .nil }
        defer { lua.stack.pop() }
        return LuaValue.read(from: lua.stack, at: -1) ?? .nil
    }

    private static let methodLister = """
        return function(u)
          local names, mt = {}, getmetatable(u)
          if type(mt) == "table" and type(mt.__index) == "table" then
            for k in pairs(mt.__index) do if type(k) == "string" then names[#names + 1] = k end end
          end
          return names
        end
        """

    private func keys(of value: LuaValue, methods: Bool) -> [String] {
        switch value {
        case .table(let t):
            return t.fields.compactMap { key, field in
                guard case .string(let name) = key else { return nil }
                if methods, case .function = field { return name }
                return methods ? nil : name
            }
        case .userdata:
            // Bound objects (hubspot.contacts) keep their methods on the metatable's __index.
            guard methods, let lister = try? lua.run(Self.methodLister, chunkName: "=completion").first,
                  case .function(let function) = lister,
                  let names = try? lua.call(function, [value]).first?.tableValue else { return [] }
            return names.sequence.compactMap(\.stringValue)
        case .string:
            return methods ? ["byte", "find", "format", "gmatch", "gsub", "len", "lower", "match", "rep", "reverse", "sub", "upper"] : []
        default:
            return []
        }
    }
}
