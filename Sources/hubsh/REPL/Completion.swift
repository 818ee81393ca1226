import LuaKit

/// Tab completion from the live state: globals, then fields and methods along a dotted
/// path (`hubspot.con` → `hubspot.contacts`, `hubspot.contacts:up` → `hubspot.contacts:update`,
/// `s:up` → `s:upper`).
///
/// The walk runs in Lua on the real values, so `__index` tables (the methods of
/// `hubspot.contacts`, of strings) are seen, nothing is copied, and a failing
/// `__index` only means no candidates.
final class Completion {
    private let lua: LuaState
    private var lister: LuaReference?

    init(lua: LuaState) { self.lua = lua }

    /// Lists the string keys of the value at `parts` (from `_G`), with those of its
    /// `__index` tables; only functions when `methods`.
    private static let listerSource = """
        return function(parts, methods)
          local value = _G
          for _, name in ipairs(parts) do
            local ok, v = pcall(function() return value[name] end)
            if not ok or v == nil then return {} end
            value = v
          end
          local names, seen = {}, {}
          local function from(t, depth)
            if type(t) ~= "table" or depth > 4 then return end
            for k, v in next, t do
              if type(k) == "string" and not seen[k] and (not methods or type(v) == "function") then
                seen[k] = true
                names[#names + 1] = k
              end
            end
            local mt = getmetatable(t)
            if type(mt) == "table" then from(rawget(mt, "__index"), depth + 1) end
          end
          if type(value) == "table" then
            from(value, 0)
          else
            local mt = getmetatable(value)
            if type(mt) == "table" then from(rawget(mt, "__index"), 0) end
          end
          return names
        end
        """

    func complete(_ lineBeforeCursor: String) -> (word: String, candidates: [String]) {
        let word = String(lineBeforeCursor.reversed().prefix { $0.isLetter || $0.isNumber || "_.:".contains($0) }.reversed())
        var parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var methods = false
        if let last = parts.last, let colon = last.lastIndex(of: ":") {
            parts[parts.count - 1] = String(last[..<colon])
            parts.append(String(last[last.index(after: colon)...]))
            methods = true
        }
        let prefix = parts.removeLast()
        let stem = word.dropLast(prefix.count)
        let names = keys(at: parts, methods: methods).filter { $0.hasPrefix(prefix) }
        return (word, names.sorted().map { stem + $0 })
    }

    private func keys(at parts: [String], methods: Bool) -> [String] {
        do {
            if lister == nil, case .function(let f) = try lua.run(Self.listerSource, chunkName: "=completion").first {
                lister = f
            }
            guard let lister else { return [] }
            let path = LuaValue.table(LuaTable(sequence: parts.map { .string($0) }))
            let result = try lua.call(lister, [path, .boolean(methods)]).first
            return result?.tableValue?.sequence.compactMap(\.stringValue) ?? []
        } catch {
            return []  // a failing __index, an interrupt: no candidates, never an error at the prompt
        }
    }
}
