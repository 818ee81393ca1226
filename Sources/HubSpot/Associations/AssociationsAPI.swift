import Foundation

/// Associations v4: link records, with the default type or a label, list links,
/// and do it in batches.
///
/// ```swift
/// let assoc = client.associations
/// try await assoc.associate(.contacts, "101", to: .companies, "202")                  // default
/// try await assoc.associate(.contacts, "101", to: .companies, "202", .label("Billing"))
/// for try await link in assoc.list(.contacts, "101", to: .companies) { print(link.toObjectId) }
/// ```
public struct AssociationsAPI: Sendable {
    public let client: HubSpotClient

    /// Default (unlabelled) type ids HubSpot defines, so the common pairs need no look-up.
    static let knownDefaults: [String: Int] = [
        "contacts|companies": 279, "companies|contacts": 280,
        "deals|contacts": 3, "contacts|deals": 4,
        "deals|companies": 341, "companies|deals": 342,
    ]

    /// The limit of one page of `list`.
    public static let pageSize = 500

    func recordPath(_ type: ObjectType, _ id: String) -> String {
        client.version.prefix(.associationRecords) + "/" + HubSpotRequest.segment(type.name) + "/" + HubSpotRequest.segment(id)
    }

    func pairPath(_ from: ObjectType, _ to: ObjectType) -> String {
        client.version.prefix(.associations) + "/" + HubSpotRequest.segment(from.name) + "/" + HubSpotRequest.segment(to.name)
    }
}

extension HubSpotClient {
    /// Associations v4.
    public var associations: AssociationsAPI { AssociationsAPI(client: self) }
}

extension AssociationsAPI {
    // MARK: Requests

    /// `GET /crm/v4/associations/{from}/{to}/labels`, the path of HubSpot's guides and
    /// official clients (the current schema file writes `/crm/associations/v4/…`).
    public func labelsRequest(from: ObjectType, to: ObjectType) -> HubSpotRequest {
        HubSpotRequest(.get, pairPath(from, to) + "/labels")
    }

    public func associateDefaultRequest(_ from: ObjectType, _ id: String, to: ObjectType, _ toId: String) -> HubSpotRequest {
        HubSpotRequest(.put, recordPath(from, id) + "/associations/default/" + HubSpotRequest.segment(to.name) + "/" + HubSpotRequest.segment(toId))
    }

    public func associateRequest(_ from: ObjectType, _ id: String, to: ObjectType, _ toId: String, types: [AssociationSpec]) -> HubSpotRequest {
        HubSpotRequest(.put, recordPath(from, id) + "/associations/" + HubSpotRequest.segment(to.name) + "/" + HubSpotRequest.segment(toId), json: types)
    }

    public func removeRequest(_ from: ObjectType, _ id: String, to: ObjectType, _ toId: String) -> HubSpotRequest {
        HubSpotRequest(.delete, recordPath(from, id) + "/associations/" + HubSpotRequest.segment(to.name) + "/" + HubSpotRequest.segment(toId))
    }

    public func listRequest(_ from: ObjectType, _ id: String, to: ObjectType, after: String? = nil, limit: Int = pageSize) -> HubSpotRequest {
        var request = HubSpotRequest(.get, recordPath(from, id) + "/associations/" + HubSpotRequest.segment(to.name),
                                     query: [("limit", String(limit))])
        request.add("after", after)
        return request
    }

    // MARK: Labels

    /// The association types between two object types, labelled and not (cached after the first call).
    ///
    /// - Throws: ``HubSpotError``.
    public func labels(from: ObjectType, to: ObjectType) async throws -> [AssociationLabel] {
        let key = from.name + "|" + to.name
        if let cached = await client.labelCache.get(key) { return cached }
        let labels = try await client.send(labelsRequest(from: from, to: to), as: CollectionResponse<AssociationLabel>.self).results
        await client.labelCache.set(key, labels)
        return labels
    }

    /// Turns a label reference into the category and type id to send.
    ///
    /// - Throws: ``HubSpotError`` (`.invalidRequest` for a label the pair does not have).
    public func resolve(from: ObjectType, to: ObjectType, _ ref: AssociationLabelRef) async throws -> AssociationSpec {
        let key = from.name + "|" + to.name
        switch ref {
        case .default:
            if let known = Self.knownDefaults[key] { return AssociationSpec(.hubspotDefined, known) }
            let all = try await labels(from: from, to: to)
            guard let found = all.first(where: { $0.category == .hubspotDefined && $0.label == nil }) ?? all.first(where: { $0.category == .hubspotDefined }) else {
                throw HubSpotError.invalid("no default association type from \(from) to \(to)")
            }
            return found.spec
        case .typeId(let id):
            if Self.knownDefaults[key] == id { return AssociationSpec(.hubspotDefined, id) }
            let all = try await labels(from: from, to: to)
            return all.first(where: { $0.typeId == id })?.spec ?? AssociationSpec(.userDefined, id)
        case .label(let name):
            let all = try await labels(from: from, to: to)
            guard let found = all.first(where: { $0.label?.caseInsensitiveCompare(name) == .orderedSame }) else {
                let known = all.compactMap(\.label).map { "\"\($0)\"" }.joined(separator: ", ")
                throw HubSpotError.invalid("no association label \"\(name)\" from \(from) to \(to)" + (known.isEmpty ? "" : "; labels: \(known)"))
            }
            return found.spec
        }
    }

    // MARK: One pair

    /// Associates two records with the default type, a label or a type id.
    ///
    /// - Throws: ``HubSpotError``.
    public func associate(_ from: ObjectType, _ id: String, to: ObjectType, _ toId: String,
                          _ label: AssociationLabelRef = .default) async throws {
        if label == .default {
            _ = try await client.send(associateDefaultRequest(from, id, to: to, toId))
        } else {
            let spec = try await resolve(from: from, to: to, label)
            _ = try await client.send(associateRequest(from, id, to: to, toId, types: [spec]))
        }
    }

    /// Removes the association between two records: every type, or only the one given.
    ///
    /// - Throws: ``HubSpotError``.
    public func remove(_ from: ObjectType, _ id: String, to: ObjectType, _ toId: String,
                       _ label: AssociationLabelRef? = nil) async throws {
        guard let label else {
            _ = try await client.send(removeRequest(from, id, to: to, toId))
            return
        }
        let spec = try await resolve(from: from, to: to, label)
        let body = ["inputs": [AssociationBodies.MultiPost(from: .init(id: id), to: .init(id: toId), types: [spec])]]
        _ = try await client.send(HubSpotRequest(.post, pairPath(from, to) + "/batch/labels/archive", json: body))
    }

    /// One page of the records associated with a record.
    ///
    /// - Throws: ``HubSpotError``.
    public func page(_ from: ObjectType, _ id: String, to: ObjectType, after: String? = nil) async throws -> Page<AssociatedRecord> {
        try await client.send(listRequest(from, id, to: to, after: after), as: CollectionResponse<AssociatedRecord>.self).page
    }

    /// Every record associated with a record, over all pages.
    public func list(_ from: ObjectType, _ id: String, to: ObjectType) -> PagedSequence<AssociatedRecord> {
        let api = self
        return PagedSequence { after in try await api.page(from, id, to: to, after: after) }
    }
}
