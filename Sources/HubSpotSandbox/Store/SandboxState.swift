/// Everything the sandbox holds: what is saved to disk and loaded back.
struct SandboxState: Codable, Sendable {
    var portalId: Int = 12_345_678
    /// Record ids come from one counter, so an id never names two records of any type.
    var nextRecordId: Int = 1001
    var nextMiscId: Int = 5001
    var stores: [String: ObjectStore] = [:]
    var properties: [String: [String: PropertyDefinition]] = [:]
    var propertyGroups: [String: [PropertyGroup]] = [:]
    var associationDefinitions: [AssociationDefinition] = AssociationDefinition.standard
    var associations = AssociationStore()
    var pipelines: [String: [Pipeline]] = [:]
    var owners: [Owner] = []
    var lists: [CRMList] = []
    var forms: [Form] = []
    var workflows: [Workflow] = []
    var auditLog: [AuditEvent] = []
    var schemas: [CustomSchema] = []
    /// Wall-clock start of the data set; demo data is dated relative to it.
    var epoch: Int64 = 0

    mutating func takeRecordId() -> Int {
        defer { nextRecordId += 1 }
        return nextRecordId
    }

    mutating func takeMiscId() -> Int {
        defer { nextMiscId += 1 }
        return nextMiscId
    }
}
