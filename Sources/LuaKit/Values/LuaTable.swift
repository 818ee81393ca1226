import CLua
import CLuaShim

/// A copy of a Lua table: its sequence part (keys 1…n) and its other fields.
///
/// `isArray` records the JSON array mark (the metatable `json.array`), so an empty
/// table can go to JSON as `[]` rather than `{}` and back again.
public struct LuaTable: Hashable {
    public var sequence: [LuaValue]
    public var fields: [LuaValue: LuaValue]
    public var isArray: Bool

    public init(sequence: [LuaValue] = [], fields: [LuaValue: LuaValue] = [:], isArray: Bool = false) {
        self.sequence = sequence
        self.fields = fields
        self.isArray = isArray
    }

    public subscript(key: String) -> LuaValue {
        get { fields[.string(key)] ?? .nil }
        set { fields[.string(key)] = newValue == .nil ? nil : newValue }
    }

    public subscript(index: Int) -> LuaValue {
        get { index >= 1 && index <= sequence.count ? sequence[index - 1] : fields[.integer(Int64(index))] ?? .nil }
    }

    public var isEmpty: Bool { sequence.isEmpty && fields.isEmpty }

    static func read(from stack: LuaStack, at index: Int32, seen: inout Set<UnsafeRawPointer>, depth: Int) -> LuaTable {
        let L = stack.L
        var table = LuaTable()
        guard let identity = lua_topointer(L, index), seen.insert(identity).inserted else { return table }
        defer { seen.remove(identity) }
        table.isArray = stack.hasJSONArrayMark(at: index)
        stack.reserve(3)
        let count = stack.rawLength(at: index)
        table.sequence.reserveCapacity(count)
        for i in 1...max(count, 1) where count > 0 {
            stack.pushElement(Int64(i), of: index)
            table.sequence.append(LuaValue.read(from: stack, at: -1, seen: &seen, depth: depth))
            stack.pop()
        }
        // A border may leave nils inside the sequence; keep only the part before the first.
        if let firstNil = table.sequence.firstIndex(of: .nil) { table.sequence.removeSubrange(firstNil...) }
        let sequenceCount = Int64(table.sequence.count)
        stack.forEachPair(in: index) {
            if lua_isinteger(L, -2) != 0 {
                let key = Int64(lua_tointegerx(L, -2, nil))
                if key >= 1 && key <= sequenceCount { return }
            }
            let key = LuaValue.read(from: stack, at: stack.absolute(-2), seen: &seen, depth: depth)
            table.fields[key] = LuaValue.read(from: stack, at: stack.absolute(-1), seen: &seen, depth: depth)
        }
        return table
    }
}

extension LuaTable: LuaPushable {
    public func push(onto stack: LuaStack) {
        stack.reserve(3)
        stack.newTable(arrayCapacity: Int32(clamping: sequence.count), fieldCapacity: Int32(clamping: fields.count))
        for (i, value) in sequence.enumerated() {
            value.push(onto: stack)
            stack.setElement(Int64(i + 1), in: -2)
        }
        for (key, value) in fields where key != .nil {
            key.push(onto: stack)
            value.push(onto: stack)
            lua_rawset(stack.L, -3)
        }
        if isArray { stack.setJSONArrayMark(at: -1) }
    }
}
