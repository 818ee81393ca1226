/// Which of HubSpot's two path schemes the client speaks: the numbered paths
/// (`/crm/v3/objects/...`) or the date-versioned ones (`/crm/objects/2026-03/...`).
///
/// Every CRM path is built here and only here, so moving to dated paths is one
/// change of ``HubSpotConfiguration/apiVersion``.
public enum APIVersion: Sendable, Hashable {
    /// `/crm/v3/...` and `/crm/v4/...` (supported until September 2027).
    case numbered
    /// `/crm/<family>/<version>/...`, e.g. `.dated("2026-03")`.
    case dated(String)

    /// The default: numbered paths.
    public static let `default` = APIVersion.numbered

    /// The path prefix of an API family.
    func prefix(_ family: APIFamily) -> String {
        switch self {
        case .numbered:
            switch family {
            case .objects: return "/crm/v3/objects"
            case .associations: return "/crm/v4/associations"
            case .associationRecords: return "/crm/v4/objects"
            case .properties: return "/crm/v3/properties"
            case .pipelines: return "/crm/v3/pipelines"
            case .owners: return "/crm/v3/owners"
            case .lists: return "/crm/v3/lists"
            }
        case .dated(let version):
            switch family {
            case .objects, .associationRecords: return "/crm/objects/\(version)"
            case .associations: return "/crm/associations/\(version)"
            case .properties: return "/crm/properties/\(version)"
            case .pipelines: return "/crm/pipelines/\(version)"
            case .owners: return "/crm/owners/\(version)"
            case .lists: return "/crm/lists/\(version)"
            }
        }
    }
}

/// The CRM API families whose paths carry a version.
enum APIFamily: Sendable {
    case objects, associations, associationRecords, properties, pipelines, owners, lists
}
