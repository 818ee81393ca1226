/// The records of one object type, in id order.
///
/// An array (not a dictionary) so search scans contiguous memory, with an id → position
/// index beside it. Ids only grow, so appending keeps the order; archiving flips a flag
/// instead of moving elements, which keeps positions stable.
struct ObjectStore: Codable, Sendable {
    private(set) var records: [Record] = []
    private var index: [Int: Int] = [:]
    /// Property values laid out per property, position-aligned with `records`: search scans
    /// these flat arrays instead of hashing into each record's dictionary. Built on first
    /// search of a property and kept current by every write.
    private var columns: [String: [String?]] = [:]
    /// `!archived` per position, for the same reason.
    private(set) var liveFlags: [Bool] = []
    /// Ids that a merge folded into another record: reads of the old id give the survivor.
    var mergedInto: [Int: Int] = [:]

    enum CodingKeys: String, CodingKey { case records, mergedInto }

    init() {}

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        records = try c.decode([Record].self, forKey: .records)
        mergedInto = try c.decodeIfPresent([Int: Int].self, forKey: .mergedInto) ?? [:]
        records.sort { $0.id < $1.id }
        rebuildIndex()
    }

    private mutating func rebuildIndex() {
        index = Dictionary(records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        liveFlags = records.map { !$0.archived }
    }

    var liveCount: Int { records.reduce(0) { $0 + ($1.archived ? 0 : 1) } }

    /// The record with `id`, following merges; archived ones only when asked for.
    func get(_ id: Int, archived: Bool = false) -> Record? {
        let resolved = mergedInto[id] ?? id
        guard let pos = index[resolved] else { return nil }
        let r = records[pos]
        return r.archived == archived ? r : nil
    }

    mutating func insert(_ record: Record) {
        if let last = records.last, last.id > record.id {
            records.append(record)
            records.sort { $0.id < $1.id }
            rebuildIndex()
            columns = [:]
        } else {
            index[record.id] = records.count
            records.append(record)
            liveFlags.append(!record.archived)
            for name in Array(columns.keys) { columns[name]?.append(record.properties[name]) }
        }
    }

    /// The values of property `name` for every record, by position.
    mutating func column(_ name: String) -> [String?] {
        if let c = columns[name] { return c }
        let c = records.map { $0.properties[name] }
        columns[name] = c
        return c
    }

    /// Applies `change` to the live record `id`; false when there is none.
    @discardableResult
    mutating func update(_ id: Int, _ change: (inout Record) -> Void) -> Bool {
        guard let pos = index[mergedInto[id] ?? id], !records[pos].archived else { return false }
        change(&records[pos])
        for name in Array(columns.keys) { columns[name]?[pos] = records[pos].properties[name] }
        return true
    }

    mutating func archive(_ id: Int, at time: Int64) -> Bool {
        guard let pos = index[id], !records[pos].archived else { return false }
        records[pos].archived = true
        records[pos].archivedAt = time
        liveFlags[pos] = false
        return true
    }

    /// Removes a record for good (GDPR delete, the losing side of a merge).
    mutating func purge(_ id: Int) {
        guard let pos = index[id] else { return }
        records.remove(at: pos)
        rebuildIndex()
        columns = [:]
    }

    /// Index of the first record whose id is greater than `id` (for keyset paging).
    func position(after id: Int) -> Int {
        var lo = 0, hi = records.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if records[mid].id <= id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
