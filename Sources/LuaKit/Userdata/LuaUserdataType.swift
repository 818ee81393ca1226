import CLua
import CLuaShim

/// How a Swift class appears in Lua: one named metatable with methods on `__index`,
/// metamethods, and a `__gc` that releases the Swift object exactly once.
///
/// ```swift
/// let counterType = LuaUserdataType<Counter>(name: "demo.Counter")
///     .method("increment") { counter, call in counter.value += 1; return .none }
///     .meta(.tostring) { counter, call in call.stack.push("Counter(\(counter.value))"); return .values(1) }
/// stack.push(object: Counter(), type: counterType)
/// ```
/// In Lua: `c:increment()`, `tostring(c)` → `Counter(1)`; `__name` is `demo.Counter`,
/// so argument errors read "demo.Counter expected, got nil".
public final class LuaUserdataType<T: AnyObject> {
    public typealias Method = (T, LuaCall) throws -> LuaResults

    public enum Metamethod: String, Sendable {
        case tostring = "__tostring", index = "__index", newindex = "__newindex", len = "__len"
        case call = "__call", eq = "__eq", lt = "__lt", le = "__le", concat = "__concat", close = "__close"
        case pairs = "__pairs"
    }

    public let name: String
    private var methods: [(String, Method)] = []
    private var metamethods: [(Metamethod, Method)] = []

    public init(name: String) { self.name = name }

    @discardableResult
    public func method(_ name: String, _ body: @escaping Method) -> Self {
        methods.append((name, body))
        return self
    }

    @discardableResult
    public func meta(_ event: Metamethod, _ body: @escaping Method) -> Self {
        metamethods.append((event, body))
        return self
    }

    /// Pushes `object` as a new full userdata of this type.
    public func push(_ object: T, onto stack: LuaStack) {
        LuaRuntime.installOnce()
        stack.reserve(4)
        pushMetatable(onto: stack)
        stack.pop()
        let box = Unmanaged.passRetained(object as AnyObject).toOpaque()
        _ = hubsh_push_box(stack.L, box, name)
    }

    /// The object in the userdata at `index`, or nil when it is not of this type.
    public func object(in stack: LuaStack, at index: Int32) -> T? {
        guard luaL_testudata(stack.L, index, name) != nil, let box = hubsh_to_box(stack.L, index) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(box).takeUnretainedValue() as? T
    }

    /// Pushes the metatable, creating and filling it the first time in this state.
    public func pushMetatable(onto stack: LuaStack) {
        guard luaL_newmetatable(stack.L, name) != 0 else { return }
        lua_pushcclosure(stack.L, hubsh_box_gc, 0)
        stack.setField("__gc", in: -2)
        if !methods.isEmpty && !metamethods.contains(where: { $0.0 == .index }) {
            stack.newTable(fieldCapacity: Int32(methods.count))
            for (methodName, body) in methods {
                stack.push(function: wrap(body, methodName: methodName))
                stack.setField(methodName, in: -2)
            }
            stack.setField("__index", in: -2)
        }
        for (event, body) in metamethods {
            stack.push(function: wrap(body, methodName: event.rawValue))
            stack.setField(event.rawValue, in: -2)
        }
    }

    /// The methods as a table of functions, for an `__index` metamethod that wants to
    /// fall back to them.
    public func pushMethodTable(onto stack: LuaStack) {
        stack.newTable(fieldCapacity: Int32(methods.count))
        for (methodName, body) in methods {
            stack.push(function: wrap(body, methodName: methodName))
            stack.setField(methodName, in: -2)
        }
    }

    private func wrap(_ body: @escaping Method, methodName: String) -> LuaFunction {
        let type = self
        return { call in
            guard let object = type.object(in: call.stack, at: 1) else {
                throw LuaArgumentError.type(1, expected: type.name)
            }
            return try body(object, call)
        }
    }
}

extension LuaStack {
    public func push<T: AnyObject>(object: T, type: LuaUserdataType<T>) { type.push(object, onto: self) }
}
