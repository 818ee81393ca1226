import HubSpot
import LuaKit

/// What `hubspot.connect{...}` asked for: another account (a profile or a token, on the
/// default or another base URL) or a sandbox.
public struct HubSpotConnectOptions: Sendable, Equatable {
    public var profile: String?
    public var token: String?
    public var sandbox: Bool
    public var baseURL: String?

    public init(profile: String? = nil, token: String? = nil, sandbox: Bool = false, baseURL: String? = nil) {
        self.profile = profile
        self.token = token
        self.sandbox = sandbox
        self.baseURL = baseURL
    }
}

/// The `hubspot` Lua module: HubSpot's CRM bound into Lua on top of the Swift client.
///
/// ```swift
/// let lua = try LuaState()
/// try HubSpotLua.install(in: lua, client: client)
/// try lua.run("return hubspot.contacts:count{}", chunkName: "=example")
/// ```
///
/// The state must run on a thread of its own (the main thread, or a `Thread`), never on
/// Swift's cooperative pool: bindings block their thread while a request is in flight.
public enum HubSpotLua {
    /// Makes a client for `hubspot.connect`; the host decides what profiles and sandboxes are.
    /// - Throws: any error; it reaches the script as `hubspot.connect`'s error.
    public typealias Connector = @Sendable (HubSpotConnectOptions) throws -> HubSpotClient

    /// Sets the global `hubspot` and `package.loaded.hubspot` (so `require "hubspot"`
    /// returns the same table) to the module on `client`.
    ///
    /// - Throws: ``LuaError`` when the module's Lua helpers cannot be loaded (out of memory).
    public static func install(in lua: LuaState, client: HubSpotClient, connect: Connector? = nil) throws {
        let shared = try ModuleShared(lua: lua, connect: connect)
        let stack = lua.stack
        Module(client: client, shared: shared).push(onto: stack)
        stack.pushCopy(of: -1)
        stack.setGlobal("hubspot")
        stack.pushGlobal("package")
        if stack.type(at: -1) == .table, stack.pushField("loaded", of: -1) == .table {
            stack.pushCopy(of: -3)
            stack.setField("hubspot", in: -2)
            stack.pop()
        } else if stack.type(at: -1) == .table {
            stack.pop()
        }
        stack.pop(2)
    }
}

/// What every connection of one Lua state shares: the blocking/yielding bridge, the Lua
/// helpers and the userdata type of collections.
final class ModuleShared {
    let bridge: Bridge
    let pager: LuaReference
    let runParallel: LuaReference
    let runMap: LuaReference
    let connect: HubSpotLua.Connector?
    let collectionType: LuaUserdataType<Collection>

    init(lua: LuaState, connect: HubSpotLua.Connector?) throws {
        bridge = Bridge(interrupt: lua.interruptHandle)
        self.connect = connect
        let values = try lua.run(Prelude.source, chunkName: "=hubspot")
        guard let helpers = values.first?.tableValue,
              case .function(let pager) = helpers["pager"],
              case .function(let runParallel) = helpers["run_parallel"],
              case .function(let runMap) = helpers["run_map"]
        else { throw LuaError(kind: .runtime, message: "hubspot: the module's Lua helpers did not load") }
        self.pager = pager
        self.runParallel = runParallel
        self.runMap = runMap
        collectionType = Collection.makeType()
    }
}

/// One connection: the `hubspot` table of one client (the global one, or one made by
/// `hubspot.connect`).
final class Module {
    let client: HubSpotClient
    let shared: ModuleShared
    var bridge: Bridge { shared.bridge }

    init(client: HubSpotClient, shared: ModuleShared) {
        self.client = client
        self.shared = shared
    }

    /// Pushes the module table.
    func push(onto stack: LuaStack) {
        stack.reserve(6)
        stack.newTable(fieldCapacity: 32)
        for type in ObjectType.standard {
            stack.push(object: Collection(module: self, type: type), type: shared.collectionType)
            stack.setField(type.name, in: -2)
        }
        function("object", in: stack) { module, call in
            let name = try call.string(1)
            let type = try Arguments.objectType(name, position: 1)
            call.stack.push(object: Collection(module: module, type: type), type: module.shared.collectionType)
            return .values(1)
        }
        pushForms(onto: stack)
        stack.setField("forms", in: -2)
        pushLists(onto: stack)
        stack.setField("lists", in: -2)
        pushWorkflows(onto: stack)
        stack.setField("workflows", in: -2)
        function("owners", in: stack) { module, call in try module.owners(call) }
        function("activity", in: stack) { module, call in try module.activity(call) }
        function("request", in: stack) { module, call in try module.request(call) }
        function("parallel", in: stack) { module, call in try module.parallel(call) }
        function("map", in: stack) { module, call in try module.map(call) }
        function("connect", in: stack) { module, call in try module.connect(call) }
        LuaValue.jsonNull.push(onto: stack)
        stack.setField("null", in: -2)
        LuaJSON.pushLibrary(onto: stack)
        stack.setField("json", in: -2)
    }

    /// `t[name] = function` for the table on top, the function bound to this module.
    func function(_ name: String, in stack: LuaStack, _ body: @escaping (Module, LuaCall) throws -> LuaResults) {
        stack.push(function: { [self] call in try body(self, call) })
        stack.setField(name, in: -2)
    }
}

/// A connection the host could not make.
public struct ConnectError: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
