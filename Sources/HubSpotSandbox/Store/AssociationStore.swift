/// Which records are associated, and by which association types.
///
/// Keyed by "fromType|toType" then record ids, so listing one record's associations to
/// a type is two dictionary look-ups. Both directions are stored; callers go through
/// ``add`` and ``remove``, which keep them mirrored.
struct AssociationStore: Codable, Sendable {
    struct Kind: Codable, Sendable, Hashable {
        var category: String
        var typeId: Int
    }

    private var edges: [String: [Int: [Int: [Kind]]]] = [:]

    private static func key(_ from: String, _ to: String) -> String { from + "|" + to }

    /// Adds `kind` from→to and `inverse` to→from; true when something new was added.
    @discardableResult
    mutating func add(_ from: String, _ fromId: Int, _ to: String, _ toId: Int, kind: Kind, inverse: Kind) -> Bool {
        let added = insert(Self.key(from, to), fromId, toId, kind)
        insert(Self.key(to, from), toId, fromId, inverse)
        return added
    }

    @discardableResult
    private mutating func insert(_ key: String, _ a: Int, _ b: Int, _ kind: Kind) -> Bool {
        var kinds = edges[key]?[a]?[b] ?? []
        guard !kinds.contains(kind) else { return false }
        kinds.append(kind)
        edges[key, default: [:]][a, default: [:]][b] = kinds
        return true
    }

    /// Removes the given kinds (all when nil) from→to and their inverses.
    mutating func remove(_ from: String, _ fromId: Int, _ to: String, _ toId: Int, kinds: [(Kind, Kind)]? = nil) {
        let k1 = Self.key(from, to), k2 = Self.key(to, from)
        if let kinds {
            for (kind, inverse) in kinds {
                edges[k1]?[fromId]?[toId]?.removeAll { $0 == kind }
                edges[k2]?[toId]?[fromId]?.removeAll { $0 == inverse }
            }
            if edges[k1]?[fromId]?[toId]?.isEmpty == true { edges[k1]?[fromId]?[toId] = nil }
            if edges[k2]?[toId]?[fromId]?.isEmpty == true { edges[k2]?[toId]?[fromId] = nil }
        } else {
            edges[k1]?[fromId]?[toId] = nil
            edges[k2]?[toId]?[fromId] = nil
        }
    }

    /// The records `fromId` is associated with in `to`, in id order.
    func targets(_ from: String, _ fromId: Int, _ to: String) -> [(id: Int, kinds: [Kind])] {
        guard let map = edges[Self.key(from, to)]?[fromId] else { return [] }
        return map.keys.sorted().compactMap { id in
            guard let kinds = map[id], !kinds.isEmpty else { return nil }
            return (id, kinds)
        }
    }

    func kinds(_ from: String, _ fromId: Int, _ to: String, _ toId: Int) -> [Kind] {
        edges[Self.key(from, to)]?[fromId]?[toId] ?? []
    }

    /// Every (type, id) that `id` of `type` is associated with, for purges and merges.
    func allTargets(of type: String, _ id: Int) -> [(type: String, id: Int, kinds: [Kind])] {
        var out: [(String, Int, [Kind])] = []
        for (key, map) in edges where key.hasPrefix(type + "|") {
            let to = String(key.dropFirst(type.count + 1))
            for (toId, kinds) in map[id] ?? [:] { out.append((to, toId, kinds)) }
        }
        return out
    }

    /// Drops every association of a record, both directions.
    mutating func removeAll(of type: String, _ id: Int) {
        for t in allTargets(of: type, id) { remove(type, id, t.type, t.id) }
    }
}
